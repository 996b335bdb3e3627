run tests/golden/variants/hubei.rules tests/golden/variants/example.case
