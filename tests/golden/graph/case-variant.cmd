graph tests/golden/graph/city.rules --case tests/golden/graph/city.case
