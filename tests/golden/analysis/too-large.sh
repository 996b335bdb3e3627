# check of a rule set too large to analyse: the note says so, in the
# report's language, without running the prover (rongcuo-prove is neither
# beside rongcuo nor on the PATH here, and is not needed); exit 0.
bin=${RONGCUO##* }
d=$(mktemp -d)
cp "$bin" "$d/rongcuo"
gen() { # $1: fact, $2: bool, $3: conclusion, $4: rule, $5: when, $6: then,
    # $7: verdict, $8: otherwise; 501 rules and conclusions, 1,003 in all
    awk -v f="$1" -v b="$2" -v c="$3" -v r="$4" -v w="$5" -v t="$6" \
        -v v="$7" -v o="$8" 'BEGIN {
        printf "%s a: %s\n", f, b
        for (i = 0; i <= 500; i++) printf "%s c%d\n", c, i
        for (i = 0; i <= 500; i++) printf "%s R%d %s a %s c%d\n", r, i, w, t, i
        printf "%s { x %s c500 %s y }\n", v, w, o }'
}
gen fact bool conclusion rule when then verdict otherwise >"$d/en.rules"
gen 事實 是非 認定 規則 如果 則 結論 否則 >"$d/hant.rules"
cd "$d" || exit 1
PATH=/nonexistent ./rongcuo check en.rules
echo "exit $?"
PATH=/nonexistent ./rongcuo check hant.rules
echo "exit $?"
PATH=/nonexistent ./rongcuo check --lang zh-Hans en.rules
code=$?
cd / && rm -rf "$d"
exit $code
