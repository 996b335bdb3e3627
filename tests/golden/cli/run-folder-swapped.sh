# A folder given to run reads the .case and .jsonl files below it, in name
# order (as test reads a folder); a folder without one is an error. The
# rule file named after the case file is an error that shows the order to
# write, in the language of the environment (no rule file is read).
d=$(mktemp -d)
mkdir -p "$d/reg/sub" "$d/empty"
cp rules/cases/tc01-songzi.case "$d/reg/"
cp rules/cases/tc02-yichang-market.case "$d/reg/sub/" 2>/dev/null ||
    cp "$(ls rules/cases/tc02*.case | head -n 1)" "$d/reg/sub/"
printf '{"id": "J-1", "facts": {"謀取私利": true}}\n' >"$d/reg/j.jsonl"
printf 'not a case file\n' >"$d/reg/notes.txt"
{
    $RONGCUO run -q --trace none rules/hubei.rules "$d/reg"
    echo "exit $?"
    $RONGCUO run rules/hubei.rules "$d/empty" 2>&1
    echo "exit $?"
} | sed "s#$d#D#g"
for l in C.UTF-8 zh_TW.UTF-8 zh_CN.UTF-8; do
    LANG=$l $RONGCUO run rules/cases/tc01-songzi.case rules/hubei.rules 2>&1
    echo "exit $?"
done
rm -rf "$d"
