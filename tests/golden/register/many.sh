# Many cases: 10,000 registered (1,000 under valgrind) and counted with the
# sqlite3 command, every one confirmed by the check. A run killed midway
# leaves a consistent register: SQLite's integrity check passes, the hash
# chain holds, and only whole batches of 1,000 are in. Two runs into one
# file at once lose nothing.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
n=10000
[ -n "${RONGCUO_WRAP:-}" ] && n=1000
R=tests/golden/report/small.rules
cases() { # $1: the ID prefix, $2: how many
    awk -v p="$1" -v n="$2" 'BEGIN { for (i = 1; i <= n; i++)
        printf "{\"id\": \"%s-%d\", \"facts\": {\"self_interest\": false, \"reported\": %s, \"loss\": %d}}\n",
            p, i, i % 3 ? "true" : "false", i % 2 ? 5 : 0 }'
}
cases N $n >"$d/many.jsonl"
$RONGCUO run -q --register "$d/r.db" $R "$d/many.jsonl" >/dev/null
echo "exit $?"
[ "$(sqlite3 "$d/r.db" "SELECT count(*) FROM entries")" = $n ] && echo "every case registered"
sqlite3 "$d/r.db" "SELECT verdict, count(*) FROM entries GROUP BY verdict ORDER BY verdict" |
    awk -F'|' -v n=$n '{ t += $2 } END { print NR " verdicts; the counts add up: " (t == n) }'
$RONGCUO register check "$d/r.db" | sed -e "s|$d|TMP|" -e "s/ $n / N /"
# Killed: SIGKILL once the first batches are in.
cases K 30000 >"$d/kill.jsonl"
$RONGCUO run -q --register "$d/k.db" $R "$d/kill.jsonl" >/dev/null &
pid=$!
i=0
while [ "$(sqlite3 "$d/k.db" "SELECT count(*) FROM entries" 2>/dev/null || echo 0)" -lt 1000 ] &&
    [ $i -lt 600 ] && kill -0 $pid 2>/dev/null; do
    sleep 0.1
    i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
sqlite3 "$d/k.db" "PRAGMA integrity_check"
k=$(sqlite3 "$d/k.db" "SELECT count(*) FROM entries")
[ $((k % 1000)) -eq 0 ] && [ "$k" -gt 0 ] && echo "whole batches only"
$RONGCUO register check "$d/k.db" >/dev/null && echo "the hash chain holds"
# Two writers at once.
cases A 3000 >"$d/a.jsonl"
cases B 3000 >"$d/b.jsonl"
$RONGCUO run -q --register "$d/c.db" $R "$d/a.jsonl" >/dev/null &
a=$!
$RONGCUO run -q --register "$d/c.db" $R "$d/b.jsonl" >/dev/null
echo "exit $?"
wait $a
echo "exit $?"
sqlite3 "$d/c.db" "SELECT substr(case_id, 1, 1), count(DISTINCT case_id) FROM entries GROUP BY 1"
$RONGCUO register check "$d/c.db" | sed "s|$d|TMP|"
