check tests/golden/names/suggest.rules
