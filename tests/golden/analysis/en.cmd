check tests/golden/analysis/en.rules
