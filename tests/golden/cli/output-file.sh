# -o FILE: the trace goes to FILE, which appears when the run completes;
# nothing is left beside it.
d=$(mktemp -d)
$RONGCUO run -q --format json -o "$d/out.jsonl" tests/golden/lang/example-en.rules tests/golden/lang/example.case
echo "exit $?"
wc -l <"$d/out.jsonl"
ls "$d"
# a run whose rule file does not check leaves an earlier output intact
echo previous >"$d/out.jsonl"
$RONGCUO run -q -o "$d/out.jsonl" tests/golden/errors/syntax.rules tests/golden/lang/example.case 2>/dev/null
echo "exit $?"
cat "$d/out.jsonl"
ls "$d"
rm -rf "$d"
