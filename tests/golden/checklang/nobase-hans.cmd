check tests/golden/checklang/nobase-hans.rules
