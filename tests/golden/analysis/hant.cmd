check tests/golden/analysis/hant.rules
