run tests/golden/lang/example-en.rules
