# A case written on one line is kept as that line alone, not with the case
# after it; a case with an error is kept too, and the check confirms both.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
$RONGCUO run -q --trace none --register "$d/r.db" tests/golden/report/small.rules \
    tests/golden/register/one-line.case 2>&1 | sed "s|$d|TMP|g"
sqlite3 "$d/r.db" "SELECT case_id, status, source_line, replace(source_text, char(10), '|')
  FROM entries ORDER BY seq"
$RONGCUO register check "$d/r.db" | sed "s|$d|TMP|g"
