check tests/golden/analysis/hans.rules
