test tests/golden/names/county.rules
