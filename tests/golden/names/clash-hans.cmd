check tests/golden/names/clash-hans.rules
