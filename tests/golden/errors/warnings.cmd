check tests/golden/errors/warnings.rules
