check tests/golden/checklang/names-en.rules
