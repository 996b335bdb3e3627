# Lost output is never success: a case file that cannot be read makes
# diff fail, a dangling .rules link in a tested folder fails the tests, and
# output that cannot be written (a full disk: /dev/full) is an error with a
# message, exit 1, for every command, its --help included.
d=$(mktemp -d)
r=tests/golden/lang/example-en.rules
c=tests/golden/lang/example.case
$RONGCUO diff $r $r "$d/missing.case" 2>&1 | sed "s#$d#D#g"
$RONGCUO diff $r $r "$d/missing.case" >/dev/null 2>&1
echo "diff of a missing case file: exit $?"
mkdir "$d/lang"
cp $r "$d/lang/"
{
    echo 'extends "lang/example-en.rules"'
    echo 'test "t" { given { 政策把握不準 = true, 謀取私利 = false, 已整改 = true, 損失金額 = 12.5 } expect verdict 容錯減責 }'
} >"$d/ok.test"
ln -s "$d/gone.rules" "$d/broken.rules"
$RONGCUO test "$d" 2>&1 | sed "s#$d#D#g"
$RONGCUO test "$d" >/dev/null 2>&1
echo "test of a folder with a dangling link: exit $?"
[ -e /dev/full ] || { echo "no /dev/full" >&2; exit 1; }
for args in "--help" "--version" "run --help" "check --help" "show --help" \
    "test --help" "diff --help" "run $r $c" "run --trace none $r $c" \
    "check $r" "show $r" "test rules" "diff $r $r $c"; do
    # shellcheck disable=SC2086
    $RONGCUO $args >/dev/full 2>"$d/err"
    echo "exit $? $args"
    grep -v '^rongcuo: [0-9]* cases:' "$d/err"
done
rm -rf "$d"
