check tests/golden/variants/bad-variant-syntax.rules
