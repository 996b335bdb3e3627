check tests/golden/authoring/op-word-en.rules
