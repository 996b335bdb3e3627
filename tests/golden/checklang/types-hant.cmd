check tests/golden/checklang/types-hant.rules
