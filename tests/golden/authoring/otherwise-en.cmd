check tests/golden/authoring/otherwise-en.rules
