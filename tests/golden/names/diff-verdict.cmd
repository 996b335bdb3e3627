diff tests/golden/names/province.rules tests/golden/names/county-verdict.rules tests/golden/names/province.case
