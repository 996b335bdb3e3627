diff tests/golden/variants/hubei.rules tests/golden/variants/yichang.rules tests/golden/variants/example.case tests/golden/lang/example.case tests/golden/run/bad.jsonl
