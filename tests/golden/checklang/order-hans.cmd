check tests/golden/checklang/order-hans.rules
