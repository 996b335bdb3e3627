graph tests/golden/graph/hans.rules --case tests/golden/graph/hans.case
