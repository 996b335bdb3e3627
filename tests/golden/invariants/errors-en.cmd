check tests/golden/invariants/errors-en.rules
