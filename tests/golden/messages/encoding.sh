# A byte that is not UTF-8 (a GBK character pasted into a UTF-8 file): one
# error, in the language of the file's keywords.
d=$(mktemp -d)
printf 'fact 說明: text = "未\260\241完"\n' >"$d/en.rules"
printf '事實 說明: 文字 = "未\260\241完"\n' >"$d/hant.rules"
printf '事实 说明: 文字 = "未\260\241完"\n' >"$d/hans.rules"
cd "$d" || exit 1
for l in en hant hans; do
    $RONGCUO check $l.rules
    echo "exit $?"
done
cd / && rm -rf "$d"
