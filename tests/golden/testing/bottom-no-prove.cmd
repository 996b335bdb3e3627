test --no-prove tests/golden/testing/bottom-en.rules
