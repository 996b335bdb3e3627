check tests/golden/names/clash-en.rules
