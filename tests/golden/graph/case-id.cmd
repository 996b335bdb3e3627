graph tests/golden/graph/en.rules --case tests/golden/graph/two.case --id A
