# The documented limits: each exceeded gives an error at the place, never
# a crash, a hang or unbounded memory.
d=$(mktemp -d)
cd "$d" || exit 1
awk 'BEGIN { printf "fact "; for (i = 0; i < 1100; i++) printf "a"; print ": bool" }' >longname.rules
awk 'BEGIN { printf "fact 說明: text = \""; for (i = 0; i < 70000; i++) printf "x"; print "\"" }' >longstring.rules
awk 'BEGIN { for (i = 0; i <= 250000; i++) printf "fact f%d: bool\n", i }' >manydecls.rules
awk 'BEGIN { print "fact a: bool\nconclusion c"; for (i = 0; i < 150; i++) printf "rule R%d when b%d then c\n", i, i; print "verdict { x when c otherwise y }" }' >manyerrors.rules
head -c 70000000 /dev/zero >huge.rules
printf 'fact a: bool\nconclusion c\nrule R when a then c\nverdict { x when c otherwise y }\n' >ok.rules
awk 'BEGIN { printf "{\"id\": \"long\", \"title\": \""; for (i = 0; i < 1100000; i++) printf "x"; print "\"}"; print "{\"id\": \"after\", \"facts\": {\"a\": true}}" }' >longline.jsonl
for f in longname longstring manydecls huge; do
    $RONGCUO check $f.rules >out 2>&1
    echo "exit $?"
    cut -c1-160 out | head -n 6
done
$RONGCUO check manyerrors.rules | tail -n 4
$RONGCUO run -q --format json ok.rules longline.jsonl >out
echo "exit $?"
cut -c1-200 out
cd / && rm -rf "$d"
