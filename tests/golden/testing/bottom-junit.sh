# --junit FILE: each rule set's bottom lines are a testsuite of their own,
# a violated one a <failure> with its counterexample, an undecided one
# <skipped> with the reason.
d=$(mktemp -d)
$RONGCUO test --junit "$d/results.xml" tests/golden/testing/bottom-en.rules tests/golden/testing/bottom-hant.rules tests/golden/testing/bottom-undecided.rules >/dev/null
echo "exit $?"
cat "$d/results.xml"
rm -rf "$d"
