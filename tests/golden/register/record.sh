# rongcuo run --register: the run's output is the same as without it; every
# case is an entry with its facts, outcome and rule set (each rule file's
# text kept once); history shows a case's entries and what changed; the
# register's check confirms them, in each language.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
hide() { sed -e "s|$d|TMP|g" -e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z/TIME/g'; }
$RONGCUO run rules/yichang.rules rules/cases/yichang-*.case >"$d/plain" 2>/dev/null
$RONGCUO run --register "$d/r.db" rules/yichang.rules rules/cases/yichang-*.case >"$d/reg" 2>"$d/err"
echo "exit $?"
cmp "$d/plain" "$d/reg" && echo "the same output"
hide <"$d/err"
sqlite3 "$d/r.db" "SELECT case_id, status, coalesce(verdict, '-'), measures FROM entries ORDER BY seq;
  SELECT count(*) FROM rule_texts; SELECT idx, name FROM ruleset_files ORDER BY idx;
  SELECT count(*) FROM facts; PRAGMA user_version; PRAGMA journal_mode"
# The same case again, a fact changed and one added, under the same rules.
sed -e 's/已整改 = 是/已整改 = 否/' -e 's/^}/  主動挽回損失 = 是\n}/' \
    rules/cases/yichang-late-filing.case >"$d/late.case"
$RONGCUO run -q --register "$d/r.db" rules/yichang.rules "$d/late.case" >/dev/null
echo "exit $?"
$RONGCUO history "$d/r.db" YC-2 | hide | grep -v '^  fact '
echo "exit $?"
$RONGCUO register check "$d/r.db" | hide
$RONGCUO register check --lang zh-Hant "$d/r.db" | hide
$RONGCUO register check --lang zh-Hans "$d/r.db" | hide
# The simplified-character rule file's messages are in simplified Chinese.
$RONGCUO run -q --register "$d/h.db" rules/zigui-hans.rules rules/cases/zigui-*.case >/dev/null
$RONGCUO run --register "$d/h.db" rules/zigui-hans.rules rules/cases/zigui-*.case 2>&1 >/dev/null | hide
$RONGCUO history --lang zh-Hans "$d/h.db" ZG-1 | hide | grep -v '^  事实 ' | head -n 4
