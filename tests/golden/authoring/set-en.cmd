check tests/golden/authoring/set-en.rules
