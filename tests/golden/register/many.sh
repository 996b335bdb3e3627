# Many cases: 100,000 registered (1,000 under valgrind) on two threads, under
# a rule set of one fact (tiny.rules: each explanation is short), and
# counted with the sqlite3 command, the hash chain linked through all of
# them. A run killed midway leaves a consistent register: SQLite's
# integrity check passes, the hash chain holds, and only whole batches are
# in (a prefix of the input). Two runs into one file at once lose nothing;
# their output is the same as without --register.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
n=100000
[ -n "${RONGCUO_WRAP:-}" ] && n=1000
R=tests/golden/register/tiny.rules
cases() { # $1: the ID prefix, $2: how many
    awk -v p="$1" -v n="$2" 'BEGIN { for (i = 1; i <= n; i++)
        printf "{\"id\": \"%s-%d\", \"facts\": {\"reported\": %s}}\n",
            p, i, i % 3 ? "true" : "false" }'
}
cases N $n >"$d/many.jsonl"
$RONGCUO run -q -j 2 --register "$d/r.db" $R "$d/many.jsonl" >/dev/null
echo "exit $?"
[ "$(sqlite3 "$d/r.db" "SELECT count(*) FROM entries")" = $n ] && echo "every case registered"
[ "$(sqlite3 "$d/r.db" "SELECT count(DISTINCT case_id) FROM entries")" = $n ] && echo "each once"
sqlite3 "$d/r.db" "SELECT verdict, count(*) FROM entries GROUP BY verdict ORDER BY verdict" |
    awk -F'|' -v n=$n '{ t += $2 } END { print NR " verdicts; the counts add up: " (t == n) }'
# the chain: each entry names the hash of the one before (register check,
# which evaluates every entry again, is run on the smaller registers below)
sqlite3 "$d/r.db" "SELECT count(*) FROM entries e JOIN entries p ON p.seq = e.seq - 1
  WHERE e.prev_hash <> p.hash; SELECT count(DISTINCT hash) = count(*) FROM entries"
# Killed: SIGKILL once the first batch is in.
cases K 30000 >"$d/kill.jsonl"
$RONGCUO run -q -j 2 --register "$d/k.db" $R "$d/kill.jsonl" >/dev/null &
pid=$!
i=0
while [ "$(sqlite3 "$d/k.db" "SELECT count(*) FROM entries" 2>/dev/null || echo 0)" -lt 1 ] &&
    [ $i -lt 600 ] && kill -0 $pid 2>/dev/null; do
    sleep 0.1
    i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
sqlite3 "$d/k.db" "PRAGMA integrity_check"
sqlite3 "$d/k.db" "SELECT count(*) > 0 AND count(*) = max(CAST(substr(case_id, 3) AS INTEGER))
  FROM entries" | sed 's/^1$/whole batches only/'
$RONGCUO register check "$d/k.db" >/dev/null && echo "the hash chain holds"
# Two writers at once, on one thread and on two.
cases A 3000 >"$d/a.jsonl"
cases B 3000 >"$d/b.jsonl"
$RONGCUO run -q --format json --register "$d/c.db" $R "$d/a.jsonl" >"$d/a.out" &
a=$!
$RONGCUO run -q -j 2 --register "$d/c.db" $R "$d/b.jsonl" >"$d/b.out"
echo "exit $?"
wait $a
echo "exit $?"
$RONGCUO run -q --format json $R "$d/a.jsonl" | cmp - "$d/a.out" && echo "the same output"
$RONGCUO run -q $R "$d/b.jsonl" | cmp - "$d/b.out" && echo "the same output"
sqlite3 "$d/c.db" "SELECT substr(case_id, 1, 1), count(DISTINCT case_id) FROM entries GROUP BY 1"
$RONGCUO register check "$d/c.db" | sed "s|$d|TMP|"
