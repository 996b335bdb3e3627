check tests/golden/authoring/set-hans.rules
