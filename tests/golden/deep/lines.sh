# 33,000 facts and as many verdict lines, every one unknown: for each
# case, the facts each line could settle are gathered at the cost of what
# is found, not of the whole rule set for every line (before: about a
# second a case, so 100 cases ran past the time limit).
d=$(mktemp -d)
cd "$d" || exit 1
awk 'BEGIN { n = 33000
  for (i = 0; i < n; i++) printf "fact f%d: bool\n", i
  print "verdict {"
  for (i = 0; i < n; i++) printf "  v%d when f%d or f%d\n", i % 60, i, (i + 1) % n
  print "  otherwise z\n}" }' >lines.rules
awk 'BEGIN { for (i = 0; i < 100; i++) printf "case \"K%d\" {\n  f%d = false\n}\n", i, i }' >many.case
timeout 60 $RONGCUO run --trace none lines.rules many.case >out
echo "exit $?"
sed -n '1p;2p;100p' out
cut -f2 out | sort | uniq -c
$RONGCUO run -q --format json lines.rules many.case >out
head -n 1 out | grep -o '"missing":\[[^]]*\]'
cd / && rm -rf "$d"
