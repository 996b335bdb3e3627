check tests/golden/checklang/decls-hant.rules
