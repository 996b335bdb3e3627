check tests/golden/checklang/tests-en.rules
