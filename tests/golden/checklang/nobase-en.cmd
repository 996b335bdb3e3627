check tests/golden/checklang/nobase-en.rules
