check tests/golden/checklang/tests-hans.rules
