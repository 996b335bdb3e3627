fmt --check tests/golden/fmt/messy-en.rules
