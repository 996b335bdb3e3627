# -o FILE: the same graph as on standard output, written whole; a rule
# file among the inputs is never replaced.
d=tests/golden/graph
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
$RONGCUO graph -o "$out/g.dot" $d/city.rules; echo "exit $?"
$RONGCUO graph $d/city.rules | cmp - "$out/g.dot" && echo "same as stdout"
ls "$out"
cp $d/en.rules "$out/en.rules"
$RONGCUO graph -o "$out/en.rules" "$out/en.rules" 2>"$out/err"; echo "exit $?"
sed "s|$out|OUT|g" "$out/err"
cmp $d/en.rules "$out/en.rules" && echo "rule file kept"
