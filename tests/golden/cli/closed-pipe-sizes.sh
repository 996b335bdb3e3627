# A reader that closes the pipe early (as `| head` does) is not an error:
# every command then ends quietly, with the status it would have had
# (here 0, or 1 where tests of tests/golden/testing fail), the same
# for a small output (still in a buffer at the end) and a large one.
d=$(mktemp -d)
mkfifo "$d/p"
exec 3<>"$d/p"
exec 4>"$d/p"
exec 3>&- # no reader is left: every write gets EPIPE
r=tests/golden/lang/example-en.rules
c=tests/golden/lang/example.case
i=0
while [ $i -lt 3000 ]; do
    echo "{\"id\": \"B-$i\", \"facts\": {\"謀取私利\": false}}"
    i=$((i + 1))
done >"$d/big.jsonl"
for args in "run --trace none $r $c" "run $r $d/big.jsonl" \
    "run -j 2 --format json $r $d/big.jsonl" "check $r" "show $r" \
    "diff $r $r $c" "diff $r $r $d/big.jsonl" "test rules" "test --coverage tests/golden/testing" \
    "--help" "run --help" "--version"; do
    # shellcheck disable=SC2086
    $RONGCUO $args >&4 2>"$d/err"
    echo "exit $? $args" | sed "s#$d#D#g"
    cat "$d/err"
done
rm -rf "$d"
