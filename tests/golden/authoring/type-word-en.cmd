check tests/golden/authoring/type-word-en.rules
