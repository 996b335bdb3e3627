run --format html tests/golden/lang/example-zh-Hant.rules tests/golden/report/zh.case
