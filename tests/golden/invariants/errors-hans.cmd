check tests/golden/invariants/errors-hans.rules
