check tests/golden/messages/lexical-en.rules
