run --format xml tests/golden/report/small.rules tests/golden/report/small.case
