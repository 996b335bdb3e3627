fmt --check tests/golden/fmt/no-such.rules
