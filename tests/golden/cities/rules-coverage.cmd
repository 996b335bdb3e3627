test --coverage rules
