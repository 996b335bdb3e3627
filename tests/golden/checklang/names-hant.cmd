check tests/golden/checklang/names-hant.rules
