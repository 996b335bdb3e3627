check tests/golden/no-such.rules
