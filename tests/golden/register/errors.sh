# Bad input to the register's commands: a clear message and exit 2 (1 for
# a case the register does not have), never a crash.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
h() { sed "s|$d|TMP|g"; }
{ $RONGCUO history "$d/missing.db" YC-1; echo "exit $?"; } 2>&1 | h
$RONGCUO register check README.md 2>&1; echo "exit $?"
$RONGCUO run --register README.md rules/yichang.rules rules/cases/yichang-late-filing.case 2>&1
echo "exit $?"
sqlite3 "$d/other.db" "CREATE TABLE t(a)"
$RONGCUO run --register "$d/other.db" rules/yichang.rules rules/cases/yichang-late-filing.case 2>&1 | h
$RONGCUO run -q --register "$d/r.db" rules/yichang.rules rules/cases/yichang-late-filing.case >/dev/null
{ $RONGCUO history "$d/r.db" YC-9; echo "exit $?"; } 2>&1 | h
$RONGCUO history --lang zh-Hant "$d/r.db" YC-9 2>&1 | h
$RONGCUO history --lang zh-Hans "$d/r.db" YC-9 2>&1 | h
$RONGCUO history "$d/r.db" 2>&1 | head -n 1
$RONGCUO register 2>&1 | head -n 1
$RONGCUO register verify "$d/r.db" 2>&1 | head -n 1
$RONGCUO run --register "$d/r.db" rules/yichang.rules - </dev/null 2>&1
echo "exit $?"
sqlite3 "$d/r.db" "PRAGMA user_version = 2"
{ $RONGCUO register check "$d/r.db"; echo "exit $?"; } 2>&1 | h
$RONGCUO run --register "$d/r.db" rules/yichang.rules rules/cases/yichang-late-filing.case 2>&1 | h
sqlite3 "$d/r.db" "SELECT count(*) FROM entries"
# Standard input cannot be registered: the message says what to do instead,
# in the language of the rule file or of --lang.
$RONGCUO run --register "$d/s.db" tests/golden/report/small.rules - </dev/null 2>&1
$RONGCUO run --lang zh-Hans --register "$d/s.db" rules/yichang.rules - </dev/null 2>&1
[ -e "$d/s.db" ] || echo "no register made"
# SQLite's failures said in the command's language, SQLite's own text after
# them: a folder that does not exist, a damaged file.
R=tests/golden/report/small.rules
C=tests/golden/register/one-line.case
{ $RONGCUO run -q --register "$d/none/r.db" $R $C >/dev/null; echo "exit $?"; } 2>&1 | h
$RONGCUO run -q --register "$d/bad.db" rules/yichang.rules rules/cases/yichang-*.case >/dev/null
# four pages after the first (the schema's) zeroed, whatever their size
ps=$(sqlite3 "$d/bad.db" "PRAGMA page_size")
dd if=/dev/zero of="$d/bad.db" bs="$ps" seek=1 count=4 conv=notrunc 2>/dev/null
{ $RONGCUO run -q --register "$d/bad.db" $R $C >"$d/out"; echo "exit $?"; } 2>&1 | h
[ -s "$d/out" ] || echo "refused before any case is run"
$RONGCUO run -q --register "$d/bad.db" rules/yichang.rules $C 2>&1 >/dev/null | h
$RONGCUO run -q --lang zh-Hans --register "$d/bad.db" $R $C 2>&1 >/dev/null | h
# history and replay say so too, not that the register has no such case.
{ $RONGCUO history "$d/bad.db" YC-2; echo "exit $?"; } 2>&1 | h
{ $RONGCUO replay "$d/bad.db" rules/yichang.rules; echo "exit $?"; } 2>&1 | h
