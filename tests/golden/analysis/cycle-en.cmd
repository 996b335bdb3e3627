check tests/golden/analysis/cycle-en.rules
