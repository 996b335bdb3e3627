check tests/golden/checklang/nobase-hant.rules
