run tests/golden/names/county.rules tests/golden/names/county.case
