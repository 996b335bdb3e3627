check tests/golden/checklang/warnings-hant.rules
