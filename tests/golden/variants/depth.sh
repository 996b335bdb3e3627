# extends more than 16 files deep is an error at the extends that goes
# too far.
d=$(mktemp -d)
cd "$d" || exit 1
printf 'fact a: bool\nconclusion c\nrule R when a then c\nverdict { x when c otherwise y }\n' >f0.rules
i=1
while [ $i -le 17 ]; do
    printf 'extends "f%d.rules"\n' $((i - 1)) >f$i.rules
    i=$((i + 1))
done
$RONGCUO check f16.rules
echo "exit $?"
$RONGCUO check f17.rules
echo "exit $?"
cd / && rm -rf "$d"
