check tests/golden/checklang/extcycle-hans.rules
