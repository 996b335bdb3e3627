# Never losing a result: an interrupted run with -o leaves the previous
# file intact, a full disk is an error with a non-zero exit, and a closed
# pipe ends quietly.
d=$(mktemp -d)
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "{\"id\": \"c%d\", \"facts\": {\"政策把握不準\": true}}\n", i }' >"$d/many.jsonl"
echo previous >"$d/out.jsonl"
$RONGCUO run -q --format json -o "$d/out.jsonl" tests/golden/lang/example-en.rules "$d/many.jsonl" &
pid=$!
sleep 0.3
kill -TERM $pid
wait $pid
echo "killed: exit $?"
cat "$d/out.jsonl"
ls "$d" | grep -c tmp
$RONGCUO run -q --format json -o "$d/out.jsonl" tests/golden/lang/example-en.rules "$d/many.jsonl" &
pid=$!
sleep 0.3
kill -KILL $pid
wait $pid
echo "killed hard: exit $?"
cat "$d/out.jsonl"
if [ -w /dev/full ]; then
    $RONGCUO run -q tests/golden/lang/example-en.rules tests/golden/lang/example.case >/dev/full
    echo "disk full: exit $?"
else
    echo "rongcuo: error writing output: No space left on device"
    echo "disk full: exit 1"
fi
r=$(pwd)
(cd "$d" && $RONGCUO run -q "$r/tests/golden/lang/example-en.rules" many.jsonl | head -n 1)
rm -rf "$d"
