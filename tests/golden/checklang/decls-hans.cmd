check tests/golden/checklang/decls-hans.rules
