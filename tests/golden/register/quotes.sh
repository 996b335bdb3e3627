# A .case file's strings may be written in "…", 「…」 or “…”, and its
# braces and separators full-width: the register keeps each case's text
# up to the brace that closes it (not one inside a string) and each fact's
# value whole, as written, and the check confirms every entry.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
R=tests/golden/register/quotes.rules
$RONGCUO run -q --trace none --register "$d/r.db" $R \
    tests/golden/register/quotes.case 2>&1 | sed "s|$d|TMP|g"
sqlite3 "$d/r.db" "SELECT case_id, verdict, source_line, replace(source_text, char(10), '|')
  FROM entries ORDER BY seq"
sqlite3 "$d/r.db" "SELECT e.case_id, f.name, f.value, f.line FROM facts f
  JOIN entries e ON e.seq = f.entry ORDER BY f.rowid"
$RONGCUO register check "$d/r.db" | sed "s|$d|TMP|g"
$RONGCUO history "$d/r.db" Q-3 | grep '  fact '
