fmt --check tests/golden/fmt/messy-hans.rules
