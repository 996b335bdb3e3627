check tests/golden/variants/bad-amend.rules
