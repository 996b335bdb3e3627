check tests/golden/authoring/op-word-hant.rules
