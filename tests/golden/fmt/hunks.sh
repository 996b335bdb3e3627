#!/bin/sh
# fmt --check shows each change in its own hunk, line numbers as diff -u
# gives them.
f=tests/golden/fmt/hunks.rules
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
$RONGCUO fmt --check "$f"
echo "exit $?"
$RONGCUO fmt - <"$f" >"$tmp/laid-out"
$RONGCUO fmt --check "$f" 2>/dev/null | tail -n +3 >"$tmp/ours"
diff -u "$f" "$tmp/laid-out" | tail -n +3 | cmp - "$tmp/ours" &&
    echo "the hunks of diff -u"
