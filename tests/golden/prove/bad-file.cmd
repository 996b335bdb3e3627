prove tests/golden/prove/bad.rules tests/golden/prove/en.rules
