check --no-analysis tests/golden/analysis/en.rules
