check tests/golden/errors/syntax.rules
