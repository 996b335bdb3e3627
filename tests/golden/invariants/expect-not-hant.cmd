test tests/golden/invariants/expect-not-hant.rules
