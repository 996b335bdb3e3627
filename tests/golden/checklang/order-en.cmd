check tests/golden/checklang/order-en.rules
