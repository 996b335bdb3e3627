check tests/golden/authoring/fullwidth-hant.rules
