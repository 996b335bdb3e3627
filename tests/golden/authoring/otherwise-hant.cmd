check tests/golden/authoring/otherwise-hant.rules
