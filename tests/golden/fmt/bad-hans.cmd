fmt tests/golden/fmt/bad-hans.rules
