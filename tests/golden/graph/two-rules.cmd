graph tests/golden/graph/en.rules tests/golden/graph/hant.rules
