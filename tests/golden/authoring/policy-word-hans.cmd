check tests/golden/authoring/policy-word-hans.rules
