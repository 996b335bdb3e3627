check tests/golden/authoring/quotes-hans.rules
