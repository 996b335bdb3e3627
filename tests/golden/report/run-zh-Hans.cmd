run --format html tests/golden/lang/example-zh-Hans.rules tests/golden/report/zh.case
