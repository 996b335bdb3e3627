run --lang zh-Hans tests/golden/lang/example-zh-Hant.rules tests/golden/lang/example.case
