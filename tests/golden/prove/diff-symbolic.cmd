diff tests/golden/prove/en.rules tests/golden/prove/en-variant.rules
