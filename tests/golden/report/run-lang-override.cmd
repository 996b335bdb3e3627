run --format html --lang zh-Hans tests/golden/report/small.rules tests/golden/report/small.case
