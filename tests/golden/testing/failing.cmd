test tests/golden/testing/failing.test
