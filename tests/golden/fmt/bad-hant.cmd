fmt tests/golden/fmt/bad-hant.rules
