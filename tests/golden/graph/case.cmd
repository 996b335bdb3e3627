graph tests/golden/graph/en.rules --case tests/golden/graph/en.case
