check tests/golden/names/clash-hant.rules
