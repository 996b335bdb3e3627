check tests/golden/authoring/quotes-hant.rules
