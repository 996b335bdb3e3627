# Graphviz reads every graph without a warning: rongcuo graph
# rules/yichang.rules | dot -Tsvg gives an SVG, and so does each graph of
# these tests.
d=tests/golden/graph
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
$RONGCUO graph rules/yichang.rules | dot -Tsvg >"$tmp/y.svg"
echo "dot: $?"
grep -c '<svg' "$tmp/y.svg"
for args in "$d/en.rules" "$d/hant.rules" "$d/hans.rules" "$d/city.rules" \
    "--lang zh-Hans $d/en.rules" "$d/en.rules --case $d/en.case" \
    "$d/en.rules --case $d/two.case --id A" \
    "$d/city.rules --case $d/city.case" "rules/hubei.rules" \
    "rules/zigui-hans.rules --case rules/cases/zigui-lng.case"; do
    # shellcheck disable=SC2086
    $RONGCUO graph $args | dot -Tsvg >"$tmp/g.svg" 2>"$tmp/err"
    if grep -q '<svg' "$tmp/g.svg" && [ ! -s "$tmp/err" ]; then
        echo "ok: $args"
    else
        echo "dot failed: $args"
        cat "$tmp/err"
    fi
done
