# prove -o FILE: the report appears whole in FILE (nothing on standard
# output); an input is never replaced.
d=$(mktemp -d)
$RONGCUO prove -o "$d/report.txt" tests/golden/prove/hans.rules
echo "exit $?"
cat "$d/report.txt"
$RONGCUO prove -o tests/golden/prove/hans.rules tests/golden/prove/hans.rules
echo "exit $?"
rm -rf "$d"
