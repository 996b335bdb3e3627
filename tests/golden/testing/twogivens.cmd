test tests/golden/testing/twogivens.test
