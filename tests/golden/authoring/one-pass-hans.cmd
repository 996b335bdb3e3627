check tests/golden/authoring/one-pass-hans.rules
