check tests/golden/authoring/fullwidth-en.rules
