# A case written as authors speak: yes and no in everyday words (是的,
# 沒有, yes …) get the word to write; a case's errors come in line order
# (a lexical error on line 3 is not listed before a value error on line 2).
d=$PWD/tests/golden/lang
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cat >words.case <<'C'
case "W-1" "日常說法" {
  已整改 = 是的
  損失金額 = 12.5萬元
  謀取私利 = 沒有
  政策把握不準 = yes
  明知故犯 = 不是
  已挽回損失 = "對"
}
C
printf '{"id": "W-2", "facts": {"已整改": "没有", "謀取私利": "N"}}\n' >words.jsonl
for l in en zh-Hant zh-Hans; do
    echo "== $l"
    $RONGCUO run -q --lang $l "$d/example-$l.rules" words.case | sed -n '/^  [^ ]/,$p'
    $RONGCUO run -q --lang $l --trace none "$d/example-$l.rules" words.jsonl
done
