check tests/golden/checklang/names-hans.rules
