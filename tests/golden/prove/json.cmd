prove --format json tests/golden/prove/en.rules tests/golden/prove/lax.rules
