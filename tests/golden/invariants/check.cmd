check tests/golden/invariants/base.rules
