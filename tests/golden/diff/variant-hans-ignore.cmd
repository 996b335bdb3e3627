diff --ignore-undeclared rules/zigui-hans.rules tests/golden/diff/variant-zigui.rules tests/golden/diff/variant-zigui.case
