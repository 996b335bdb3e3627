check tests/golden/invariants/variant-repeal-en.rules
