check tests/golden/checklang/variant-hant.rules
