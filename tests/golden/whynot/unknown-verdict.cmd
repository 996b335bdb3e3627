run --why-not 容錯免則 tests/golden/lang/example-en.rules tests/golden/lang/example.case
