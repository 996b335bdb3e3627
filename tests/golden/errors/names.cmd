check tests/golden/errors/names.rules
