# A verdict line and a rule behind a conclusion, each a false 40-way
# `or`: more parts than the explanation keeps on the stack, so the list
# moves to the heap; the trace names every part, in text and in JSON,
# among the lines not taken and with --why-not.
d=$(mktemp -d)
{
    echo 'policy "many parts"'
    i=0
    while [ $i -lt 40 ]; do echo "fact g$i: bool"; i=$((i + 1)); done
    echo 'conclusion k'
    any=g0; i=1
    while [ $i -lt 40 ]; do any="$any or g$i"; i=$((i + 1)); done
    echo "rule R1 when $any then k"
    echo 'verdict "v" {'
    echo "  B when $any"
    echo "  A when k"
    echo '  otherwise C'
    echo '}'
} >"$d/many.rules"
{
    echo 'case "P-1" {'
    i=0
    while [ $i -lt 40 ]; do echo "  g$i = false"; i=$((i + 1)); done
    echo '}'
} >"$d/many.case"
$RONGCUO run --why-not A "$d/many.rules" "$d/many.case" >"$d/out.txt" 2>&1
echo "exit $?"
sed "s#$d#D#g" "$d/out.txt"
$RONGCUO run --format json --why-not A "$d/many.rules" "$d/many.case" >"$d/out.json"
echo "exit $?"
# every part of line B and of R1's condition
grep -o '"condition":"g[0-9]*"' "$d/out.json" | wc -l
grep -o '"condition":"g[0-9]*"' "$d/out.json" | sort -u | wc -l
rm -rf "$d"
