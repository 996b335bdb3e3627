check tests/golden/checklang/cycle-hant.rules
