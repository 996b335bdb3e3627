test tests/golden/numbers/money.rules
