check tests/golden/errors/noverdict.rules
