check tests/golden/authoring/dates-hant.rules
