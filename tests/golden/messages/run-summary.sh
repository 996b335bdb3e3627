# The run summary is in the keyword language of the rule file, or --lang.
d=tests/golden/lang
for l in en zh-Hant zh-Hans; do
    $RONGCUO run --trace none $d/example-$l.rules $d/example.case >/dev/null
done
echo "--lang en on a traditional file, the environment ignored:"
LANG=zh_CN.UTF-8 $RONGCUO run --lang en --trace none $d/example-zh-Hant.rules \
    $d/example.case >/dev/null
echo "--lang zh-Hans on an English file:"
$RONGCUO run --lang zh-Hans --trace none $d/example-en.rules $d/example.case \
    >/dev/null
echo "a rule file that does not check:"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
printf 'fact a: bool\nrule R when b then c\n' >en.rules
printf '事實 甲: 是非\n規則 R 如果 乙 則 丙\n' >hant.rules
printf '事实 甲: 是非\n规则 R 如果 乙 则 丙\n' >hans.rules
for f in en hant hans; do
    $RONGCUO run $f.rules none.case 2>&1 | tail -n 1
done
echo "the same, --lang en:"
$RONGCUO run --lang en hant.rules none.case 2>&1
echo "an output file that is an input:"
cd - >/dev/null || exit 2
$RONGCUO run --lang zh-Hans -o $d/example.case $d/example-en.rules $d/example.case
echo "exit $?"
