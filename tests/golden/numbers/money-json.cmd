run --format json tests/golden/numbers/money.rules tests/golden/numbers/money.jsonl
