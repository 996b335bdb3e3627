graph tests/golden/graph/hant.rules
