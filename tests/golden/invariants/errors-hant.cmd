check tests/golden/invariants/errors-hant.rules
