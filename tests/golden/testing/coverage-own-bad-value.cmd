test --coverage=al tests/golden/testing/example.test
