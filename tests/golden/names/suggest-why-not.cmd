run --why-not 容错免则 tests/golden/names/county.rules tests/golden/names/county.case
