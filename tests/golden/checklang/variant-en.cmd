check tests/golden/checklang/variant-en.rules
