check tests/golden/invariants/variant-repeal-hans.rules
