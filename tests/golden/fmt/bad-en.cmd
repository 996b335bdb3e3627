fmt tests/golden/fmt/bad-en.rules
