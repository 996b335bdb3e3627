run --why-not 容錯免責 tests/golden/semantics/semantics.rules tests/golden/semantics/semantics.case
