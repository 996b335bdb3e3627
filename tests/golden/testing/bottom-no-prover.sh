# test without rongcuo-prove beside rongcuo (nor on the PATH): the tests
# run as before, one note line says that the bottom lines were not
# proven, in the report's language, and the run does not fail for it.
bin=${RONGCUO##* }
d=$(mktemp -d)
cp "$bin" "$d/rongcuo"
PATH=/nonexistent "$d/rongcuo" test tests/golden/testing/bottom-en.rules
echo "exit $?"
PATH=/nonexistent "$d/rongcuo" test tests/golden/testing/bottom-hant.rules
echo "exit $?"
PATH=/nonexistent "$d/rongcuo" test tests/golden/testing/bottom-hans.rules
code=$?
rm -rf "$d"
exit $code
