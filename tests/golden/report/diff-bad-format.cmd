diff --format xml tests/golden/report/small.rules tests/golden/report/small-new.rules tests/golden/report/small.case
