run --format html tests/golden/report/small.rules tests/golden/report/small.case
