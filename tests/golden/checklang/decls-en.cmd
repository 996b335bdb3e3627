check tests/golden/checklang/decls-en.rules
