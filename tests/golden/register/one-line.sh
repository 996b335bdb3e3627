# A case written on one line is kept as that line alone, not with the case
# after it, and so is a block left open (up to the next case's head); a
# case with an error is kept too, and the check confirms them all.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
$RONGCUO run -q --trace none --register "$d/r.db" tests/golden/report/small.rules \
    tests/golden/register/one-line.case 2>&1 | sed "s|$d|TMP|g"
sqlite3 "$d/r.db" "SELECT case_id, status, source_line, replace(source_text, char(10), '|')
  FROM entries ORDER BY seq"
$RONGCUO register check "$d/r.db" | sed "s|$d|TMP|g"
# The facts of each entry, those written on a block's head line included,
# each with its value as written and its line; history lists them.
sqlite3 "$d/r.db" "SELECT e.case_id, f.name, f.value, f.line FROM facts f
  JOIN entries e ON e.seq = f.entry ORDER BY f.rowid"
$RONGCUO history "$d/r.db" A-1 | grep '  fact '
$RONGCUO history "$d/r.db" A-4 | grep '  fact '
