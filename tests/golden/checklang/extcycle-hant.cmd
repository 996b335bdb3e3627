check tests/golden/checklang/extcycle-hant.rules
