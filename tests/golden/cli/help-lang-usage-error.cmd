run --lang zh-Hant --format xml tests/golden/lang/example-en.rules tests/golden/lang/example.case
