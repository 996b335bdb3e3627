check tests/golden/messages/lexical-hant.rules
