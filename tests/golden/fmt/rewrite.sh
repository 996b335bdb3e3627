#!/bin/sh
# rongcuo fmt rewrites a file in place, and only when its layout changes;
# the rewritten file is what fmt - gives; a file with a syntax error is
# left as it is, and the others are still formatted.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp tests/golden/fmt/messy-en.rules tests/golden/fmt/messy-hans.case \
    tests/golden/fmt/bad-hans.rules "$tmp"/
chmod 640 "$tmp/messy-en.rules"
cd "$tmp" || exit 2
$RONGCUO fmt messy-en.rules bad-hans.rules messy-hans.case
echo "exit $?"
cmp bad-hans.rules "$OLDPWD/tests/golden/fmt/bad-hans.rules" && echo "bad-hans.rules: unchanged"
$RONGCUO fmt - <"$OLDPWD/tests/golden/fmt/messy-en.rules" | cmp - messy-en.rules &&
    echo "messy-en.rules: as fmt - lays it out"
stat -c '%a' messy-en.rules
before=$(stat -c '%i %Y' messy-en.rules messy-hans.case)
$RONGCUO fmt messy-en.rules messy-hans.case
echo "exit $?"
[ "$before" = "$(stat -c '%i %Y' messy-en.rules messy-hans.case)" ] &&
    echo "formatted files: not written again"
$RONGCUO fmt --check messy-en.rules messy-hans.case
