# How run --register lays out what it writes: a new register has pages of
# 16 KiB (an entry's explanation fits in its page, without a chain of
# overflow pages); a register made with other pages keeps them, is added to
# and checked as before. A case of more facts than one statement inserts
# (32) has every fact, in order, with its line.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
$RONGCUO run -q --register "$d/new.db" rules/yichang.rules rules/cases/yichang-*.case >/dev/null
echo "exit $?"
sqlite3 "$d/new.db" "PRAGMA page_size; SELECT count(*) FROM entries"
# a register of 4 KiB pages, as run --register made them before
sqlite3 "$d/old.db" "PRAGMA page_size = 4096; CREATE TABLE t(x); DROP TABLE t"
$RONGCUO run -q --register "$d/old.db" rules/yichang.rules rules/cases/yichang-*.case >/dev/null
$RONGCUO run -q --register "$d/old.db" rules/yichang.rules rules/cases/yichang-*.case >/dev/null
echo "exit $?"
sqlite3 "$d/old.db" "PRAGMA page_size; SELECT count(*) FROM entries"
$RONGCUO register check "$d/old.db" | tail -n 1 | sed "s|$d|TMP|"
echo "exit $?"
# 70 facts in one JSON line: 32 + 32 + 6 rows
awk 'BEGIN { printf "{\"id\": \"F-70\", \"facts\": {\"reported\": true"
             for (i = 1; i < 70; i++) printf ", \"f%d\": %d", i, i
             print "}}" }' >"$d/wide.jsonl"
$RONGCUO run -q --register "$d/w.db" tests/golden/register/tiny.rules "$d/wide.jsonl" >/dev/null
echo "exit $?"
sqlite3 "$d/w.db" "SELECT count(*), sum(name = 'f' || value), min(line), max(line) FROM facts;
  SELECT group_concat(name, ' ') FROM (SELECT name FROM facts ORDER BY rowid LIMIT 3 OFFSET 30);
  SELECT name, value FROM facts ORDER BY rowid DESC LIMIT 1"
$RONGCUO register check "$d/w.db" | tail -n 1 | sed "s|$d|TMP|"
