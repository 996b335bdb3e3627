# Every counterexample prove prints, saved as a case file, is decided by
# rongcuo run in violation of its bottom line: a variant that narrows X1
# (traditional keywords), an evaluation error (simplified), English.
d=$(mktemp -d)
for f in lax hans en; do
    $RONGCUO prove tests/golden/prove/$f.rules >"$d/out"
    echo "prove $f: exit $?"
    sed -n '/^    \(案件\|case\) /,/^    }/s/^    //p' "$d/out" >"$d/cx.case"
    cat "$d/cx.case"
    $RONGCUO run --trace none tests/golden/prove/$f.rules "$d/cx.case" 2>&1 | cut -f1-5 |
        sed "s|$d|DIR|g"
done
rm -rf "$d"
