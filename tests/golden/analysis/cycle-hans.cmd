check tests/golden/analysis/cycle-hans.rules
