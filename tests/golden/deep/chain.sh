# A chain of 44,000 rules (R_i when c_{i-1} then c_i), within the
# declaration limit, through every command with a 1 MiB stack: nothing
# may recurse once per rule (the order of rules, the missing facts through
# the chain, the traces, show, test). Case A fires the whole chain, B needs
# c0 at its far end, C is false all along. diff runs on 10,000 rules.
d=$(mktemp -d)
cd "$d" || exit 1
chain() {
    awk -v n="$1" 'BEGIN {
      print "policy \"chain\" version \"1\"\nfact c0: bool\nfact z: bool"
      for (i = 1; i <= n; i++) printf "conclusion c%d\n", i
      for (i = 1; i <= n; i++) printf "rule R%d when c%d then c%d\n", i, i - 1, i
      printf "verdict { 成立 when c%d otherwise 不成立 }\nmeasure M when c%d\n", n, n
      printf "test \"whole chain\" {\n  given { c0 = true }\n  expect verdict 成立\n"
      printf "  expect fired R%d\n}\n", n
      print "test \"far end\" {\n  given { z = true }\n  expect undetermined missing c0\n}" }'
}
chain 44000 >chain.rules
chain 10000 >chain10k.rules
printf 'case "A" {\n  c0 = true\n}\ncase "B" {\n}\ncase "C" {\n  c0 = false\n}\n' >chain.case
printf 'policy "chain" version "0"\nfact c0: bool\nconclusion c1\nrule R1 when c0 then c1\nverdict { 成立 when c1 otherwise 不成立 }\n' >small.rules
ulimit -s 1024
$RONGCUO check chain.rules
echo "check: exit $?"
$RONGCUO run -q --trace none chain.rules chain.case >out
echo "run --trace none: exit $?"
cut -f1-3,5 out
cut -f4 out | awk -F, '{ print NF, $1, $NF }'
$RONGCUO run -q chain.rules chain.case >out
echo "run: exit $?"
grep -c '^      rule R' out
grep -A 1 -E '^  (verdict|missing)' out
$RONGCUO run -q --format json chain.rules chain.case >out
echo "run --format json: exit $?"
grep -o -E '^.{0,8}"case":"[^"]*"|"status":"[^"]*"|"missing":\["[^]]*\]' out
grep -o '"fired":\[[^]]*\]' out | awk -F, '{ print NF }'
$RONGCUO run -q --why-not 成立 chain.rules chain.case >out
echo "run --why-not: exit $?"
sed -n '/^case B/,/^$/p' out
$RONGCUO run -q --format json --why-not 成立 chain.rules chain.case >out
echo "run --format json --why-not: exit $?"
grep -o '"why_not":.\{0,100\}' out | head -n 1
$RONGCUO show chain.rules >out
echo "show: exit $?"
wc -l <out
tail -n 8 out
$RONGCUO diff small.rules chain10k.rules chain.case >out
echo "diff: exit $?"
grep -c '^  added rule' out
grep -v '^  added rule' out | cut -c1-120
$RONGCUO diff --format json chain10k.rules small.rules chain.case >out
echo "diff back: exit $?"
wc -c <out
$RONGCUO test chain.rules
echo "test: exit $?"
$RONGCUO test --coverage chain.rules >out
echo "test --coverage: exit $?"
wc -l <out
tail -n 3 out
cd / && rm -rf "$d"
