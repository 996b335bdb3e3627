diff --format json tests/golden/diff/variant-a-en.rules tests/golden/diff/variant-b-en.rules tests/golden/diff/variant-en.case
