# An extends path may be absolute or go up with ../, but only a rule file
# is read through it: a file that does not start like one (/etc/passwd) is
# refused without quoting a byte of it, and a FIFO, device or folder is
# refused without opening it for good (a FIFO would block). The rule file
# named on the command line is held to the same. A file that is not a
# rule file, read by a test's `given case` or named as a case file, is
# never quoted either.
d=$(mktemp -d)
cd "$d" || exit 1
mkdir city district
printf 'root:x:0:0:root:/root:/bin/bash\n' >secret.txt
printf '\177ELF\002\001\001\000rule\n' >binary.rules
printf '\357\273\277\n# 市級\n  \n規則 R 如果 a 則 c\nfact a: bool\nconclusion c\nverdict { x when c otherwise y }\n' >city/city.rules
mkfifo fifo
for base in ../city/city.rules "$d/city/city.rules" ../secret.txt /etc/passwd \
    ../binary.rules /dev/zero ../city ../fifo; do
    printf 'extends "%s"\nrule S when not a then c\n' "$base" >district/d.rules
    timeout 10 $RONGCUO check district/d.rules >out 2>&1
    status=$?
    sed "s|$d|TMP|g" out
    echo "exit $status"
done
for f in fifo /dev/zero secret.txt city; do
    timeout 10 $RONGCUO check $f 2>&1
    echo "exit $?"
done
$RONGCUO check - <city/city.rules
echo "exit $?"
cp secret.txt secret.case
$RONGCUO run -q city/city.rules secret.case
echo "exit $?"
printf 'extends "city/city.rules"\ntest "t" { given case "secret.txt" expect verdict x }\n' >t.test
$RONGCUO test t.test
echo "exit $?"
printf 'x 12abc "a\\q"\n' >junk.case
printf 'extends "city/city.rules"\ntest "t" { given case "junk.case" expect verdict x }\n' >t.test
$RONGCUO test t.test
echo "exit $?"
cd / && rm -rf "$d"
