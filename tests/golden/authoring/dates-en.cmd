check tests/golden/authoring/dates-en.rules
