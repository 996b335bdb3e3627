check tests/golden/authoring/one-pass-en.rules
