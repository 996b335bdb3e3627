# test --coverage of a county variant in 简体 keywords and names on a
# province in 繁體 (county → city → province, as 秭归 → 宜昌 → 湖北): the
# county's own parts first, then one line per inherited file;
# --coverage=all lists those in full; a .test file's own parts are those
# of the file it extends; a base among the files tested is own.
d=$PWD/tests/golden/lang
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
mkdir 县
cp "$d/example-zh-Hant.rules" province.rules
cat >县/city.rules <<'R'
沿用 "../province.rules"
事实 已报备: 是非 = 否
认定 报备情形
规则 C1 "事前报备" 如果 已报备 则 报备情形
R
cat >县/county.rules <<'R'
沿用 "city.rules"
措施 专人提醒 如果 结论 == 容错减责 且 报备情形
测试 "减责、已报备：专人提醒" {
  已知 { 政策把握不准 = 是, 谋取私利 = 否, 已整改 = 是, 损失金额 = 5, 已报备 = 是 }
  预期 结论 容错减责
  预期 措施 专人提醒
}
测试 "减责、未报备：不提醒" {
  已知 { 政策把握不准 = 是, 谋取私利 = 否, 已整改 = 是, 损失金额 = 5 }
  预期 非 措施 专人提醒
}
R
cat >县/county.test <<'R'
沿用 "county.rules"
测试 "减责、未报备：不提醒" {
  已知 { 政策把握不准 = 是, 谋取私利 = 否, 已整改 = 是, 损失金额 = 5 }
  预期 非 措施 专人提醒
}
R
for opt in --coverage --coverage=all; do
    echo "$opt 县/county.rules:"
    $RONGCUO test $opt 县/county.rules
    echo "exit $?"
done
echo "--coverage 县/county.test:"
$RONGCUO test --coverage 县/county.test
echo "exit $?"
echo "--coverage 县 (city tested too: own):"
$RONGCUO test --coverage 县
echo "exit $?"
