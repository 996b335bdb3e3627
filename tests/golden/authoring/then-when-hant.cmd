check tests/golden/authoring/then-when-hant.rules
