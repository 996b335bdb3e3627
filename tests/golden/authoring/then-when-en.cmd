check tests/golden/authoring/then-when-en.rules
