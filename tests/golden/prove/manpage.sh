# rongcuo(1) names every option that prove --help names.
page=man/rongcuo.1
$RONGCUO prove --help | grep -oE '^  (-[a-z], )?--?[a-z][a-z-]*' | grep -oE -- '--?[a-z][a-z-]*' |
while read -r opt; do
    esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
    grep -q -- "$esc" "$page" || echo "prove: $opt is not in $page"
done
grep -q 'SS "prove \[OPTIONS\] RULES\.\.\."' "$page" || echo "prove is not in $page"
echo "checked every option of prove --help against $page"
