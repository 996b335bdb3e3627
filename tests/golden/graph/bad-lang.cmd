graph --lang fr tests/golden/graph/en.rules
