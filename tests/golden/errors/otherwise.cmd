check tests/golden/errors/otherwise.rules
