graph tests/golden/graph/hans.rules
