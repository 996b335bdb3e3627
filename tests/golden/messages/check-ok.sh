# check's last line in the three languages, with a warning, and when the
# file does not check.
d=$PWD/tests/golden/lang
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
for l in en zh-Hant zh-Hans; do
    cp "$d/example-$l.rules" $l.rules
    $RONGCUO check $l.rules
done
$RONGCUO check --lang zh-Hans en.rules
$RONGCUO check --lang en zh-Hant.rules
# a conclusion no rule concludes: a warning
{ cat "$d/example-en.rules"; echo "conclusion spare"; } >en.rules
{ cat "$d/example-zh-Hant.rules"; echo "認定 多餘"; } >hant.rules
{ cat "$d/example-zh-Hans.rules"; echo "认定 多余"; } >hans.rules
for f in en hant hans; do
    $RONGCUO check $f.rules | tail -n 1
done
printf 'fact a: bool\nrule R when b then c\n' >en.rules
printf '事實 甲: 是非\n規則 R 如果 乙 則 丙\n' >hant.rules
printf '事实 甲: 是非\n规则 R 如果 乙 则 丙\n' >hans.rules
for f in en hant hans; do
    $RONGCUO check $f.rules >out
    echo "exit $?"
    tail -n 1 out
done
echo "the diagnostics of a traditional file in English (--lang en):"
$RONGCUO check --lang en hant.rules
