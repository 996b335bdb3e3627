check tests/golden/authoring/op-word-hans.rules
