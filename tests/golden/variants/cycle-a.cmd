check tests/golden/variants/cycle-a.rules
