check tests/golden/messages/syntax-hans.rules
