fmt --check tests/golden/fmt/messy-hans.case
