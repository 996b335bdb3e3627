graph tests/golden/graph/en.rules --id A
