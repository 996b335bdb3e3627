test tests/golden/invariants/expect-not-hans.rules
