test tests/golden/testing/badnames.test
