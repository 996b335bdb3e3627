check tests/golden/names/county.rules
