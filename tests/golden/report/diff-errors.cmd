diff --format html tests/golden/lang/example-zh-Hant.rules tests/golden/report/small.rules tests/golden/report/zh.case
