run --why-not 容錯免責 tests/golden/lang/example-en.rules tests/golden/lang/example.case
