show tests/golden/invariants/base.rules
