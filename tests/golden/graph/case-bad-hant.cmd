graph tests/golden/graph/hant.rules --case tests/golden/graph/city.case
