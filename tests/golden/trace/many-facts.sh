# A verdict line that reads 100 facts, and a false 20-way `or`: the trace
# names every fact and every reason, in text and in JSON (the text trace
# once stopped at 16 reasons without saying so, and 100 facts crashed it).
d=$(mktemp -d)
{
    echo 'policy "many"'
    i=0
    while [ $i -lt 100 ]; do echo "fact f$i: number"; i=$((i + 1)); done
    i=0
    while [ $i -lt 20 ]; do echo "fact g$i: bool"; i=$((i + 1)); done
    sum=f0; i=1
    while [ $i -lt 100 ]; do sum="$sum + f$i"; i=$((i + 1)); done
    any=g0; i=1
    while [ $i -lt 20 ]; do any="$any or g$i"; i=$((i + 1)); done
    echo 'verdict "v" {'
    echo "  A when $sum > 1000"
    echo "  B when $any"
    echo '  otherwise C'
    echo '}'
} >"$d/many.rules"
{
    echo 'case "M-1" {'
    i=0
    while [ $i -lt 100 ]; do echo "  f$i = 1"; i=$((i + 1)); done
    i=0
    while [ $i -lt 20 ]; do echo "  g$i = false"; i=$((i + 1)); done
    echo '}'
} >"$d/many.case"
$RONGCUO run "$d/many.rules" "$d/many.case" >"$d/out.txt" 2>&1
echo "exit $?"
sed "s#$d#D#g" "$d/out.txt"
$RONGCUO run --format json "$d/many.rules" "$d/many.case" >"$d/out.json"
echo "exit $?"
# every fact of line A and every part of line B, once each
grep -o '"name":"f[0-9]*"' "$d/out.json" | sort -u | wc -l
grep -o '"condition":"g[0-9]*"' "$d/out.json" | sort -u | wc -l
rm -rf "$d"
