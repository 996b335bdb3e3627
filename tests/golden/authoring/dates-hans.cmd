check tests/golden/authoring/dates-hans.rules
