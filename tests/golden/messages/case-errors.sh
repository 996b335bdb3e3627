# A case's errors are in the trace language (the rule file's keyword
# language, or --lang), in .case and JSON Lines input; JSON has "code".
d=$PWD/tests/golden/lang
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cat >bad.case <<'C'
case "B-1" "錯的事實" {
  謀取私力 = 是
  損失金額 = 是
  決策日期 = "2023-5-1"
  已整改 = 是
  已整改 = 否
}
C
cat >bad.jsonl <<'C'
{"id": "J-1", "facts": {"謀取私力": true, "損失金額": "12"}, "note": 1}
{"id": "J-2", "facts": {"領域": ["基層治理"]}}
{"title": "沒有編號", "facts": {}}
{"id": "J-4", "facts": {"已整改": true, "已整改": false}}
{"id": "J-5", "facts": {"損失金額": 1e5000}}
{"id": "J-6", "facts": [1]}
C
for l in en zh-Hant zh-Hans; do
    echo "== $l"
    cp "$d/example-$l.rules" $l.rules
    $RONGCUO run -q $l.rules bad.case | sed -n '/^  [^ ]/,$p'
    $RONGCUO run -q --trace none $l.rules bad.jsonl
    $RONGCUO run -q --format json --trace none $l.rules bad.jsonl | head -n 1
done
echo "== --lang zh-Hans on the English file"
$RONGCUO run -q --lang zh-Hans --trace none en.rules bad.case bad.jsonl
echo "== an evaluation error"
cat >div.rules <<'R'
事實 甲: 數值
認定 丙
規則 R 如果 100 / 甲 > 1 則 丙
結論 "X" { 甲類 如果 丙 否則 乙類 }
R
printf 'case "D-1" "除以零" {\n  甲 = 0\n}\n' >div.case
$RONGCUO run -q --trace none div.rules div.case
$RONGCUO run -q --trace none --lang en div.rules div.case
