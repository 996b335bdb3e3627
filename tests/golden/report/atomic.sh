# -o FILE gets the whole report or nothing: when the report's temporary
# files cannot be made ($TMPDIR not there), a clear message, exit 2, and
# FILE as it was, with no temporary file left beside it; a run that
# completes replaces it.
d=$(mktemp -d)
R=tests/golden/report
# the binary itself, without a wrapper: valgrind makes its own files in
# $TMPDIR and would fail before rongcuo starts
bin=${RONGCUO##* }
echo old >"$d/out.html"
TMPDIR=$d/none $bin run --format html -o "$d/out.html" $R/small.rules $R/small.case
echo "exit $?"
TMPDIR=$d/none $bin diff --format html -o "$d/out.html" $R/small.rules $R/small-new.rules $R/small.case
echo "exit $?"
cat "$d/out.html"
ls "$d"
TMPDIR=$d $RONGCUO run -q --format html -o "$d/out.html" $R/small.rules $R/small.case
echo "exit $?"
head -n 1 "$d/out.html"
tail -n 1 "$d/out.html"
ls "$d"
rm -rf "$d"
