check tests/golden/checklang/types-hans.rules
