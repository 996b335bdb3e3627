check tests/golden/errors/cycle.rules
