run tests/golden/lang/example-en.rules tests/golden/run/case-recovery.case
