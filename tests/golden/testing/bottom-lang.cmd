test --lang en tests/golden/testing/bottom-hant.rules
