# test --coverage of a county variant in 繁體 keywords (county → city →
# province): the county's own parts first, then one line per inherited
# file; --coverage=all lists those in full; a .test file's own parts are
# those of the file it extends.
d=$PWD/tests/golden/lang
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cp "$d/example-zh-Hant.rules" province.rules
cat >city.rules <<'R'
沿用 "province.rules"
事實 已報備: 是非 = 否
認定 報備情形
規則 C1 "事前報備" 如果 已報備 則 報備情形
R
cat >county.rules <<'R'
沿用 "city.rules"
措施 專人提醒 如果 結論 == 容錯減責 且 報備情形
測試 "減責、已報備：專人提醒" {
  已知 { 政策把握不準 = 是, 謀取私利 = 否, 已整改 = 是, 損失金額 = 5, 已報備 = 是 }
  預期 結論 容錯減責
  預期 措施 專人提醒
}
測試 "減責、未報備：不提醒" {
  已知 { 政策把握不準 = 是, 謀取私利 = 否, 已整改 = 是, 損失金額 = 5 }
  預期 非 措施 專人提醒
}
R
cat >county.test <<'R'
沿用 "county.rules"
測試 "減責、未報備：不提醒" {
  已知 { 政策把握不準 = 是, 謀取私利 = 否, 已整改 = 是, 損失金額 = 5 }
  預期 非 措施 專人提醒
}
R
for opt in --coverage --coverage=all; do
    echo "$opt county.rules:"
    $RONGCUO test $opt county.rules
    echo "exit $?"
done
echo "--coverage county.test:"
$RONGCUO test --coverage county.test
echo "exit $?"
