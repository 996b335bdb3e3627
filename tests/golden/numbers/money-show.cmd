show tests/golden/numbers/money.rules
