check tests/golden/checklang/warnings-hans.rules
