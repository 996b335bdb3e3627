run tests/golden/lang/example-zh-Hans.rules tests/golden/lang/example.case
