run tests/golden/lang/example-en.rules tests/golden/run/no-such.case tests/golden/lang/example.case
