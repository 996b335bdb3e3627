check tests/golden/invariants/variant-lost-hans.rules
