show tests/golden/variants/bad-amend.rules
