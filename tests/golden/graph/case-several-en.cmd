graph --lang en tests/golden/graph/hant.rules --case tests/golden/graph/two.case
