test tests/golden/testing/bottom-undecided.rules
