# The report of failing tests in the language of the rule file: the same
# five failed expectations in an English, a traditional and a simplified
# file (and --lang choosing another).
d=$(mktemp -d)
cp tests/golden/lang/example-en.rules "$d/en.rules"
cat >>"$d/en.rules" <<'T'
test "wrong expectations" {
  given { 政策把握不準 = true, 謀取私利 = false, 已整改 = true }
  expect verdict 容錯免責
  expect measure 責令糾正
  expect fired X1
  expect not fired T2
}
test "not undetermined" {
  given { 謀取私利 = true }
  expect undetermined missing 已整改
}
test "right" {
  given { 謀取私利 = true }
  expect verdict 不予容錯
}
T
cp tests/golden/lang/example-zh-Hant.rules "$d/hant.rules"
cat >>"$d/hant.rules" <<'T'
測試 "錯誤的預期" {
  已知 { 政策把握不準 = 是, 謀取私利 = 否, 已整改 = 是 }
  預期 結論 容錯免責
  預期 措施 責令糾正
  預期 適用 X1
  預期 非 適用 T2
}
測試 "不是待定" {
  已知 { 謀取私利 = 是 }
  預期 待定 缺少 已整改
}
測試 "正確" {
  已知 { 謀取私利 = 是 }
  預期 結論 不予容錯
}
T
cp tests/golden/lang/example-zh-Hans.rules "$d/hans.rules"
cat >>"$d/hans.rules" <<'T'
测试 "错误的预期" {
  已知 { 政策把握不準 = 是, 謀取私利 = 否, 已整改 = 是 }
  预期 结论 容錯免責
  预期 措施 責令糾正
  预期 适用 X1
  预期 非 适用 T2
}
测试 "不是待定" {
  已知 { 謀取私利 = 是 }
  预期 待定 缺少 已整改
}
测试 "正确" {
  已知 { 謀取私利 = 是 }
  预期 结论 不予容錯
}
T
for f in en hant hans; do
    $RONGCUO test "$d/$f.rules" 2>&1 | grep -v '^      ' | sed "s#$d#D#g"
done
$RONGCUO test --lang zh-Hans "$d/en.rules" 2>&1 | grep -v '^      ' | sed "s#$d#D#g"
rm -rf "$d"
