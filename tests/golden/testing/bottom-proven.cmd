test tests/golden/testing/bottom-ok.rules
