test tests/golden/testing/bottom-hant.rules
