# test's summary and coverage lists in the three languages: the first rule
# file's keyword language, or --lang.
d=$PWD/tests/golden/lang
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cp "$d/example-en.rules" en.rules
cp "$d/example-zh-Hant.rules" hant.rules
cp "$d/example-zh-Hans.rules" hans.rules
cat >en.test <<'T'
extends "en.rules"
test "T2" {
  given { 政策把握不準 = true, 謀取私利 = false, 已整改 = true }
  expect verdict 容錯免責
}
test "wrong" {
  given { 謀取私利 = true }
  expect verdict 容錯免責
}
T
cat >hant.test <<'T'
沿用 "hant.rules"
測試 "T2" {
  已知 { 政策把握不準 = 是, 謀取私利 = 否, 已整改 = 是 }
  預期 結論 容錯免責
}
T
cat >hans.test <<'T'
沿用 "hans.rules"
测试 "T2" {
  已知 { 政策把握不準 = 是, 謀取私利 = 否, 已整改 = 是 }
  预期 结论 容錯免責
}
T
# only the command's own lines: the summary, and the coverage lists
own() { sed -n '/^coverage of\|^「\|^“/,$p'; }
for l in en hant hans; do
    $RONGCUO test --coverage $l.test >out
    echo "exit $?"
    own <out
done
echo "--lang zh-Hant on the English file:"
$RONGCUO test --lang zh-Hant en.test | tail -n 1
echo "a file that does not check:"
printf '事实 甲: 是非\n规则 R 如果 乙 则 丙\n' >bad.rules
$RONGCUO test bad.rules | tail -n 2
