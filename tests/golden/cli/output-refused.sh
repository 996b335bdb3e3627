# -o FILE replaces only a writable regular file that is not an input of
# the run: a device, a FIFO, a folder, a dangling symbolic link, a
# read-only file, a case file or rule file of the run (its bases too) are
# refused, exit 2, and left as they are. A symbolic link to a regular
# file is written through: the link stays a link. Permissions are kept.
d=$(mktemp -d)
log=$(mktemp)
r=tests/golden/lang/example-en.rules
c=tests/golden/lang/example.case
run() {
    $RONGCUO run -q --trace none "$@" >"$log" 2>&1
    e=$?
    sed "s#$d#D#g" "$log"
    echo "exit $e"
}
run -o /dev/zero $r $c
mkfifo "$d/fifo"
run -o "$d/fifo" $r $c
[ -p "$d/fifo" ] && echo "the FIFO is still a FIFO"
mkdir "$d/folder"
run -o "$d/folder" $r $c
ln -s "$d/nowhere" "$d/dangling"
run -o "$d/dangling" $r $c
echo "read-only" >"$d/ro.txt"
chmod 444 "$d/ro.txt"
run -o "$d/ro.txt" $r $c
cat "$d/ro.txt"
cp $r "$d/rules.rules"
cp $c "$d/cases.case"
ln -s cases.case "$d/link-to-cases"
run -o "$d/cases.case" "$d/rules.rules" "$d/cases.case"
run -o "$d/link-to-cases" "$d/rules.rules" "$d/cases.case"
run -o "$d/rules.rules" "$d/rules.rules" "$d/cases.case"
cmp -s "$d/rules.rules" $r && cmp -s "$d/cases.case" $c && echo "inputs intact"
cp tests/golden/variants/hubei.rules tests/golden/variants/yichang.rules "$d/"
run -o "$d/hubei.rules" "$d/yichang.rules" "$d/cases.case"
cmp -s "$d/hubei.rules" tests/golden/variants/hubei.rules && echo "base intact"
$RONGCUO run -q $r "$d/cases.case" >>"$d/cases.case" 2>"$d/err"
echo "stdout is an input: exit $?"
sed "s#$d#D#g" "$d/err"
cmp -s "$d/cases.case" $c && echo "input intact"
# a link to a regular file: the target is replaced, the link stays
echo old >"$d/target.txt"
chmod 640 "$d/target.txt"
ln -s target.txt "$d/link.txt"
run -o "$d/link.txt" $r $c
[ -L "$d/link.txt" ] && echo "link.txt is still a link"
wc -l <"$d/target.txt"
stat -c %a "$d/target.txt"
ls "$d"
rm -rf "$d" "$log"
