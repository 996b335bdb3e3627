check tests/golden/checklang/types-en.rules
