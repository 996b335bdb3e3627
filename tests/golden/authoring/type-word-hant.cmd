check tests/golden/authoring/type-word-hant.rules
