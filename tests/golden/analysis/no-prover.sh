# check without rongcuo-prove beside rongcuo (nor on the PATH): the rule
# file is checked as before, and one note line says that the analysis was
# not made, in the report's language; exit 0. --no-analysis: no note.
bin=${RONGCUO##* }
d=$(mktemp -d)
cp "$bin" "$d/rongcuo"
PATH=/nonexistent "$d/rongcuo" check tests/golden/analysis/en.rules
echo "exit $?"
PATH=/nonexistent "$d/rongcuo" check tests/golden/analysis/hant.rules
echo "exit $?"
PATH=/nonexistent "$d/rongcuo" check --no-analysis tests/golden/analysis/hans.rules
code=$?
rm -rf "$d"
exit $code
