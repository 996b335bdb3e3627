check tests/golden/variants/missing-base.rules
