graph tests/golden/graph/en.rules
