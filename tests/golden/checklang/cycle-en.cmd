check tests/golden/checklang/cycle-en.rules
