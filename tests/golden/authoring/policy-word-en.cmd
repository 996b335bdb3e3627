check tests/golden/authoring/policy-word-en.rules
