check tests/golden/messages/lexical-hans.rules
