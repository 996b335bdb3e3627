check tests/golden/authoring/fullwidth-hans.rules
