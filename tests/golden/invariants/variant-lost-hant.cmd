check tests/golden/invariants/variant-lost-hant.rules
