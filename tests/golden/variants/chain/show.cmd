show tests/golden/variants/chain/district.rules
