# test --coverage of a county variant (county → city → province, English
# keywords): the county's own parts first, in full, then one line per
# inherited file; --coverage=all lists the inherited files in full too. A
# .test file's own parts are those of the file it extends; a base among
# the files tested is own (one file, however its path is spelled).
d=$PWD/tests/golden/lang
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
mkdir a
cp "$d/example-en.rules" province.rules
cat >a/city.rules <<'R'
extends "../province.rules"
fact 已報備: bool = false
conclusion 報備情形
rule C1 "事前報備" when 已報備 then 報備情形
R
cat >a/county.rules <<'R'
extends "city.rules"
measure 專人提醒 when verdict == 容錯減責 and 報備情形
test "reduced, filed: reminded" {
  given { 政策把握不準 = true, 謀取私利 = false, 已整改 = true, 損失金額 = 5, 已報備 = true }
  expect verdict 容錯減責
  expect measure 專人提醒
}
test "reduced, not filed: not reminded" {
  given { 政策把握不準 = true, 謀取私利 = false, 已整改 = true, 損失金額 = 5 }
  expect verdict 容錯減責
  expect not measure 專人提醒
}
R
cat >a/county.test <<'R'
extends "county.rules"
test "reduced, filed: reminded" {
  given { 政策把握不準 = true, 謀取私利 = false, 已整改 = true, 損失金額 = 5, 已報備 = true }
  expect measure 專人提醒
}
R
echo "--coverage county.rules:"
$RONGCUO test --coverage a/county.rules
echo "exit $?"
echo "--coverage=all county.rules:"
$RONGCUO test --coverage=all a/county.rules
echo "exit $?"
echo "--coverage county.test:"
$RONGCUO test --coverage a/county.test
echo "exit $?"
echo "--coverage ./a (city, county and county.test tested: both own):"
$RONGCUO test --coverage ./a
echo "exit $?"
