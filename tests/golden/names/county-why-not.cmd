run --why-not 容错免责 tests/golden/names/county.rules tests/golden/names/county.case
