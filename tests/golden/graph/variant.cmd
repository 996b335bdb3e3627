graph tests/golden/graph/city.rules
