prove tests/golden/prove/missing.rules
