check tests/golden/checklang/warnings-en.rules
