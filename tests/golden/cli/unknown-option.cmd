run --frob tests/golden/lang/example-en.rules
