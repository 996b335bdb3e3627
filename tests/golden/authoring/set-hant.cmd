check tests/golden/authoring/set-hant.rules
