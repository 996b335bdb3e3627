check tests/golden/errors/types.rules
