check tests/golden/checklang/tests-hant.rules
