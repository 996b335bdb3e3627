test tests/golden/testing/bottom-hans.rules
