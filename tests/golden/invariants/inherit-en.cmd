show --lang en tests/golden/invariants/inherit-hans.rules
