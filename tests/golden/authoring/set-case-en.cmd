run tests/golden/authoring/set-case.rules tests/golden/authoring/set-en.case
