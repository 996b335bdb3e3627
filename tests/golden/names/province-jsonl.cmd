run --trace none rules/hubei.rules tests/golden/names/simplified.jsonl
