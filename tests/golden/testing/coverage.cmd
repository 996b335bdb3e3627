test --coverage tests/golden/testing/example.test
