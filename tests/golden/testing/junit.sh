# --junit FILE writes JUnit XML; the run still prints its report.
d=$(mktemp -d)
$RONGCUO test --junit "$d/results.xml" tests/golden/testing/example.test tests/golden/testing/failing.test >/dev/null
echo "exit $?"
cat "$d/results.xml"
rm -rf "$d"
