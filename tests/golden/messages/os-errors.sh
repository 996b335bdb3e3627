# The system's reason for a file that cannot be opened, read or written is
# in the language of the message around it: the rule file's keyword
# language for rule and case files, --lang for the command's own.
d=$PWD/tests/golden/lang
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
for l in en zh-Hant zh-Hans; do
    echo "== $l"
    cp "$d/example-$l.rules" $l.rules
    $RONGCUO check --lang $l missing.rules
    echo "exit $?"
    $RONGCUO run -q --trace none $l.rules missing.case 2>&1
    echo "exit $?"
    $RONGCUO run -q $l.rules "$d/example.case" -o no/such/folder/out.txt 2>&1
    echo "exit $?"
    $RONGCUO show --lang $l missing.rules 2>&1
    echo "exit $?"
done
