# rongcuo replay agrees with rongcuo diff on the same cases: the latest facts
# of every case in the register, under the rule set each was recorded under
# (rebuilt from the stored texts) and under the new one. It writes nothing.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
R=tests/golden/report/small.rules
awk 'BEGIN { for (i = 1; i <= 12; i++)
    printf "{\"id\": \"P-%d\", \"facts\": {\"self_interest\": %s, \"reported\": %s, \"loss\": %d}}\n",
        i, i % 5 ? "false" : "true", i % 3 ? "true" : "false", i % 2 ? 5 : 0 }' >"$d/c.jsonl"
sed 's/cleared when tolerated and loss == 0/cleared when tolerated and loss <= 5/' $R >"$d/new.rules"
$RONGCUO run -q --register "$d/r.db" $R "$d/c.jsonl" >/dev/null
before=$(sqlite3 "$d/r.db" "SELECT count(*), max(hash) FROM entries")
$RONGCUO replay "$d/r.db" "$d/new.rules" >"$d/replay" 2>&1
echo "exit $?"
$RONGCUO diff $R "$d/new.rules" "$d/c.jsonl" >"$d/diff" 2>&1
echo "exit $?"
head -n 1 "$d/replay" | sed "s|$d|TMP|g"
# The same report, naming the case files and lines recorded (not copies).
tail -n +2 "$d/replay" | cmp - "$d/diff" && echo "replay reports what diff reports"
sed "s|$d|TMP|g" "$d/diff" | tail -n 4
[ "$(sqlite3 "$d/r.db" "SELECT count(*), max(hash) FROM entries")" = "$before" ] && echo "nothing written"
{ $RONGCUO replay --lang zh-Hans "$d/r.db" "$d/new.rules"; echo "exit $?"; } 2>&1 | sed "s|$d|TMP|g" | tail -n 3
{ $RONGCUO replay "$d/r.db"; echo "exit $?"; } 2>&1 | head -n 1
{ $RONGCUO replay "$d/none.db" "$d/new.rules"; echo "exit $?"; } 2>&1 | sed "s|$d|TMP|g"
# A .case file named as it was given (relative), each case at its line,
# an error in a case at its own line too.
$RONGCUO run -q --register "$d/o.db" $R tests/golden/register/one-line.case >/dev/null
$RONGCUO replay "$d/o.db" "$d/new.rules" 2>&1 | sed "s|$d|TMP|g" | grep -e '^case' -e 'error:'
$RONGCUO replay --format json "$d/o.db" "$d/new.rules" 2>/dev/null | grep -c rongcuo-register-
