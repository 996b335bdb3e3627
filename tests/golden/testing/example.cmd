test tests/golden/testing/example.test
