check tests/golden/messages/syntax-en.rules
