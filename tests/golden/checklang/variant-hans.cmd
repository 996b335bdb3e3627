check tests/golden/checklang/variant-hans.rules
