fmt --check tests/golden/fmt/messy-hant.rules
