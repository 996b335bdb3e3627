check tests/golden/authoring/type-word-hans.rules
