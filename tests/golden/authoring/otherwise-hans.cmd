check tests/golden/authoring/otherwise-hans.rules
