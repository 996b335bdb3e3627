check tests/golden/invariants/variant-lost-en.rules
