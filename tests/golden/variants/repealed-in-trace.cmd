run tests/golden/variants/yichang.rules tests/golden/lang/example.case
