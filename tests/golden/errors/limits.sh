# Inputs past the nesting limits get an error, not a crash.
d=$(mktemp -d)
cd "$d" || exit 1
awk 'BEGIN { printf "fact a: bool\nconclusion c\nrule R when a"; for (i = 0; i < 2000; i++) printf " and a"; print " then c"; print "verdict { x when c otherwise y }" }' >long.rules
awk 'BEGIN { printf "fact a: bool\nconclusion c\nrule R when "; for (i = 0; i < 20000; i++) printf "("; printf "a"; for (i = 0; i < 20000; i++) printf ")"; print " then c"; print "verdict { x when c otherwise y }" }' >deep.rules
$RONGCUO check long.rules
echo "exit $?"
$RONGCUO check deep.rules
echo "exit $?"
cd / && rm -rf "$d"
