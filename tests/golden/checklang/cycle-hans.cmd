check tests/golden/checklang/cycle-hans.rules
