# The register only grows (SQLite refuses an update), and rongcuo register
# check detects an entry edited behind its back: its hash no longer
# matches, and its rule set, rebuilt from the stored texts, gives another
# verdict. An entry removed breaks the chain.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
$RONGCUO run -q --register "$d/r.db" rules/yichang.rules rules/cases/yichang-*.case >/dev/null
sqlite3 "$d/r.db" "UPDATE entries SET verdict = '容錯免責' WHERE seq = 2" 2>&1
cp "$d/r.db" "$d/del.db"
sqlite3 "$d/r.db" "DROP TRIGGER entries_no_update;
  UPDATE entries SET verdict = '容錯免責' WHERE seq = 2"
{ $RONGCUO register check "$d/r.db"; echo "exit $?"; } | sed "s|$d|TMP|g"
$RONGCUO register check --lang zh-Hant "$d/r.db" | sed "s|$d|TMP|g"
$RONGCUO register check --lang zh-Hans "$d/r.db" | sed "s|$d|TMP|g"
sqlite3 "$d/del.db" "DROP TRIGGER facts_no_delete; DROP TRIGGER entries_no_delete;
  DELETE FROM facts WHERE entry = 3; DELETE FROM entries WHERE seq = 3"
{ $RONGCUO register check "$d/del.db"; echo "exit $?"; } | sed "s|$d|TMP|g"
