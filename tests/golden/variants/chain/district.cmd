run tests/golden/variants/chain/district.rules tests/golden/variants/chain/district.case
