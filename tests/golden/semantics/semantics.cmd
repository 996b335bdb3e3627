run tests/golden/semantics/semantics.rules tests/golden/semantics/semantics.case
