# What `show` prints is itself a rule file that checks, in each keyword
# language.
d=$(mktemp -d)
for lang in en zh-Hant zh-Hans; do
    $RONGCUO show --lang $lang tests/golden/variants/chain/district.rules >"$d/shown.rules" 2>/dev/null
    echo "show $lang: exit $?"
    $RONGCUO check "$d/shown.rules" | sed "s|$d/||"
done
rm -rf "$d"
