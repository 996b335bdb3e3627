check tests/golden/authoring/then-when-hans.rules
