check tests/golden/checklang/order-hant.rules
