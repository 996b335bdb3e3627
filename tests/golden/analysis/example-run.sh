# The example case under "some cases get no line", saved as a case file,
# gets no line of the verdict table when run: decided, with no verdict.
d=$(mktemp -d)
for f in en hant; do
    $RONGCUO check tests/golden/analysis/$f.rules >"$d/out"
    echo "check $f: exit $?"
    sed -n '/^    \(案件\|case\) /,/^    }/s/^    //p' "$d/out" >"$d/ex.case"
    cat "$d/ex.case"
    $RONGCUO run --trace none tests/golden/analysis/$f.rules "$d/ex.case" 2>&1 |
        cut -f1-5 | sed "s|$d|DIR|g"
done
rm -rf "$d"
