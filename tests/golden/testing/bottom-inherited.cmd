test tests/golden/testing/bottom-ok-a.test tests/golden/testing/bottom-ok-b.test tests/golden/testing/bottom-ok.rules tests/golden/testing/bottom-variant.rules
