# diff's report in the three languages (the old file's keyword language,
# or --lang); its JSON keeps English words.
d=$PWD/tests/golden/lang
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cp "$d/example.case" cases.case
for l in en zh-Hant zh-Hans; do
    cp "$d/example-$l.rules" old-$l.rules
done
# R1 no longer reduces when only 已整改: the loss must be recovered too
sed '/^rule R1/s/when 已整改 then/when 已整改 and 已挽回損失 then/' \
    old-en.rules >new-en.rules
sed '/^規則 R1/s/如果 已整改 則/如果 已整改 且 已挽回損失 則/' \
    old-zh-Hant.rules >new-zh-Hant.rules
sed '/^规则 R1/s/如果 已整改 则/如果 已整改 且 已挽回損失 则/' \
    old-zh-Hans.rules >new-zh-Hans.rules
for l in en zh-Hant zh-Hans; do
    $RONGCUO diff old-$l.rules new-$l.rules cases.case
    echo "exit $?"
done
echo "--lang en on the traditional files:"
$RONGCUO diff --lang en old-zh-Hant.rules new-zh-Hant.rules cases.case | tail -n 1
echo "JSON, traditional files:"
$RONGCUO diff --format json old-zh-Hant.rules new-zh-Hant.rules cases.case | tail -n 1
echo "nothing differs:"
$RONGCUO diff old-zh-Hans.rules old-zh-Hans.rules cases.case
echo "a case with an error under both versions:"
printf 'case "B-1" "壞" {\n  謀取私力 = 是\n}\n' >bad.case
for l in en zh-Hant zh-Hans; do
    $RONGCUO diff old-$l.rules new-$l.rules bad.case 2>&1 | sed -n '/^case\|^案件/,$p'
done
