run tests/golden/errors/syntax.rules tests/golden/lang/example.case
