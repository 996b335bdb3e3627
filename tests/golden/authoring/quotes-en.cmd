check tests/golden/authoring/quotes-en.rules
