run tests/golden/variants/yichang.rules tests/golden/variants/example.case
