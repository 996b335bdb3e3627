# JSON Lines from standard input ("-").
printf '%s\n' '{"id": "S-1", "facts": {"被惡意誣告": true}}' '{"id": "S-2", "facts": {"謀取私利": true}}' |
    $RONGCUO run --format json -q tests/golden/lang/example-en.rules -
