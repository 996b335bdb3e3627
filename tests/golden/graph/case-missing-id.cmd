graph tests/golden/graph/hant.rules --case tests/golden/graph/missing.case --id X
