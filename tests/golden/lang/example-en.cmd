run tests/golden/lang/example-en.rules tests/golden/lang/example.case
