# Evaluation is a pure function of (rule set, case): a register split into
# parts and evaluated part by part (as GNU parallel or a Hadoop Streaming
# mapper would) gives the same output as one run, -j or not.
d=$(mktemp -d)
awk 'BEGIN { for (i = 0; i < 3000; i++)
    printf "{\"id\": \"S%d\", \"facts\": {\"政策把握不準\": %s, \"謀取私利\": %s, \"已整改\": %s}}\n",
        i, i % 3 ? "true" : "false", i % 7 ? "false" : "true", i % 5 ? "true" : "null" }' >"$d/all.jsonl"
$RONGCUO run -q --trace none --format json tests/golden/lang/example-en.rules "$d/all.jsonl" >"$d/one.out"
(cd "$d" && split -l 700 all.jsonl part.)
for p in "$d"/part.*; do
    $RONGCUO run -q --trace none --format json tests/golden/lang/example-en.rules "$p"
done >"$d/parts.out"
$RONGCUO run -q -j 3 --trace none --format json tests/golden/lang/example-en.rules "$d/all.jsonl" >"$d/j3.out"
cmp "$d/one.out" "$d/parts.out" && echo "parts: identical to one run"
cmp "$d/one.out" "$d/j3.out" && echo "-j 3: identical to one run"
wc -l <"$d/one.out"
rm -rf "$d"
