check tests/golden/variants/no-base.rules
