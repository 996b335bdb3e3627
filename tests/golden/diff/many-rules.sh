# 300 rules that fire under one version and not under the other: the
# report names all 300 (it once stopped at 256 without saying so).
d=$(mktemp -d)
for v in old new; do
    {
        echo 'policy "many"'
        echo 'fact a: bool'
        echo 'conclusion K'
        cond=a
        [ $v = new ] && cond='not a'
        i=0
        while [ $i -lt 300 ]; do
            echo "rule R$i when $cond then K"
            i=$((i + 1))
        done
        echo 'verdict "v" {'
        echo '  Y when K'
        echo '  otherwise N'
        echo '}'
    } >"$d/$v.rules"
done
printf 'case "C-1" {\n  a = true\n}\n' >"$d/c.case"
$RONGCUO diff "$d/old.rules" "$d/new.rules" "$d/c.case" >"$d/out"
echo "exit $?"
grep 'fired only in the old version' "$d/out" | grep -o 'R[0-9]* (' | wc -l
grep 'fired only in the old version' "$d/out" | grep -o 'R299 ([^)]*)' | sed "s#$d#D#g"
rm -rf "$d"
