test tests/golden/invariants/expect-not-en.test
