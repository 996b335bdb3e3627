check tests/golden/messages/syntax-hant.rules
