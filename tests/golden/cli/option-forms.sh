# Options read with getopt_long: a value in the same word (--format=json,
# -j2), short options together (-qj2), options after the file names, and
# "--" ending the options so that a file name may begin with '-'.
r=tests/golden/lang/example-en.rules
c=tests/golden/lang/example.case
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$c" "$tmp/-x.case"
cd "$tmp" || exit 2
root=$OLDPWD
$RONGCUO run "$root/$r" --format=json -qj2 -- -x.case | grep -c '^{"case":'
$RONGCUO run --trace=none "$root/$r" -q -- -x.case | head -n 2
$RONGCUO run "$root/$r" -x.case 2>&1 | head -n 1
$RONGCUO run --quiet=yes "$root/$r" -- -x.case 2>&1 | head -n 1
$RONGCUO run "$root/$r" -x.case -qo 2>&1 | head -n 1
$RONGCUO run "$root/$r" -- -x.case -qo 2>&1 | tail -n 1
$RONGCUO test --lang=xx . 2>&1 | head -n 1
$RONGCUO diff -o 2>&1 | head -n 1
