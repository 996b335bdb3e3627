# A case ID used twice in one input is a warning on the second case that
# names the first; both cases are evaluated. In text and JSON output, on
# one thread and on two (across batches of 2,048 lines), and in .case files.
d=$(mktemp -d)
cd "$d" || exit 1
printf 'fact a: bool\nconclusion c\nrule R when a then c\nverdict { x when c otherwise y }\n' >ok.rules
printf '{"id": "甲", "facts": {"a": true}}\n{"id": "乙", "facts": {"a": false}}\n{"facts": {"a": true}, "id": "\\u7532"}\n{"id": 7, "facts": {"a": 1}}\n{"id": 7}\n' >dup.jsonl
$RONGCUO run ok.rules dup.jsonl
echo "exit $?"
$RONGCUO run --format json --trace none ok.rules dup.jsonl
echo "exit $?"
awk 'BEGIN { for (i = 1; i <= 5000; i++) printf "{\"id\": \"%d\", \"facts\": {\"a\": true}}\n", i % 3000 }' >many.jsonl
for j in 1 2; do
    $RONGCUO run -q -j $j --format json --trace none ok.rules many.jsonl >out$j
    echo "exit $?"
    grep -c '"warnings"' out$j
    grep '"warnings"' out$j | sed -n '1p;$p' | cut -c 120-300
done
cmp out1 out2 && echo "same with -j 1 and -j 2"
printf 'case "甲" { a = 是 }\ncase "乙" { a = 否 }\ncase "甲" { a = 否 }\n' >dup.case
$RONGCUO run --trace none --format json ok.rules dup.case
echo "exit $?"
cd / && rm -rf "$d"
