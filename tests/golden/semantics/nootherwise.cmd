run tests/golden/semantics/nootherwise.rules tests/golden/semantics/nootherwise.case
