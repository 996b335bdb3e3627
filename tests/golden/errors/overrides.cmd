check tests/golden/errors/overrides.rules
