check tests/golden/errors/lexical.rules
