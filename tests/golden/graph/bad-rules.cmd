graph tests/golden/variants/bad-amend.rules
