check tests/golden/invariants/variant-repeal-hant.rules
