check tests/golden/authoring/policy-word-hant.rules
