# rongcuo(1) names every option that the --help texts name.
page=man/rongcuo.1
for cmd in run check show test diff; do
    $RONGCUO $cmd --help | grep -oE '^  (-[a-z], )?--?[a-z][a-z-]*' | grep -oE -- '--?[a-z][a-z-]*' |
    while read -r opt; do
        esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
        grep -q -- "$esc" "$page" || echo "$cmd: $opt is not in $page"
    done
done
echo "checked every option of every --help against $page"
