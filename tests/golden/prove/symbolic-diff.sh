# rongcuo-prove diff OLD NEW: every change of outcome some case can
# undergo, over every possible case, each with a case; as JSON; bad usage.
prover="$(dirname "${RONGCUO##* }")/rongcuo-prove"
"$prover" diff tests/golden/prove/en.rules tests/golden/prove/en-variant.rules
echo "exit $?"
"$prover" diff --format json tests/golden/prove/en.rules tests/golden/prove/en-variant.rules
echo "exit $?"
"$prover" diff tests/golden/prove/en.rules
