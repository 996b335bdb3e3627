check tests/golden/analysis/cycle-hant.rules
