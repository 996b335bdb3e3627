# 1,000 rules that each override every rule (overrides R*): 999,000
# overrides, checked in linear time and memory (before: each rule's list
# was copied whole for every rule added, cubic in time and memory).
# 1,001 such rules pass the limit of 1,000,000 overrides: one error.
d=$(mktemp -d)
cd "$d" || exit 1
rules() {
    awk -v n="$1" 'BEGIN { print "fact a: bool\nconclusion c"
      for (i = 0; i < n; i++) printf "rule R%d when a then c overrides R*\n", i
      print "verdict { x when c otherwise y }" }'
}
rules 1000 >ok.rules
rules 1001 >over.rules
printf 'case "T" {\n  a = true\n}\ncase "U" {\n}\n' >a.case
timeout 60 $RONGCUO check ok.rules
echo "exit $?"
timeout 60 $RONGCUO run -q --trace none ok.rules a.case | cut -c1-60
timeout 60 $RONGCUO check over.rules
echo "exit $?"
cd / && rm -rf "$d"
