run tests/golden/no-such.rules tests/golden/lang/example.case
