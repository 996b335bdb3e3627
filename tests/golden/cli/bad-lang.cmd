run --lang fr tests/golden/lang/example-en.rules tests/golden/lang/example.case
