test tests/golden/testing/bottom-en.rules
