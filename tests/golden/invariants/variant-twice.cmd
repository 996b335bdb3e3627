check tests/golden/invariants/variant-twice.rules
