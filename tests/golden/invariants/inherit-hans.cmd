show tests/golden/invariants/inherit-hans.rules
