run tests/golden/semantics/divzero.rules tests/golden/semantics/divzero.case
