check tests/golden/checklang/extcycle-en.rules
