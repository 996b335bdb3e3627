prove --lang en tests/golden/prove/lax.rules
