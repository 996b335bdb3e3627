# Control characters in case data (a TAB, a newline, ESC, DEL, C1, U+2028)
# are escaped in every text output, so that a case ID or title never
# forges a line or sends a terminal command; JSON escapes them its own way.
r=tests/golden/lang/example-en.rules
c=tests/golden/run/controls.jsonl
$RONGCUO run -q --trace none $r $c
$RONGCUO run -q $r $c | grep '^case'
$RONGCUO run -q --format json --trace none $r $c
$RONGCUO diff $r $r $c 2>&1 | grep -v "^ *[0-9]* |"
# a file name with a newline does not forge a line of the test report
d=$(mktemp -d)
ln -s nowhere "$d/a
ok   forged.rules"
$RONGCUO test "$d" 2>&1 | sed "s#$d#D#g"
rm -rf "$d"
