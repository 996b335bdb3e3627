# Old-Mac line ends (a lone CR) end lines as LF and CRLF do: a comment
# stops at the line end, every case is read, and errors point at the
# same line:col with the same source line and caret.
d=$(mktemp -d)
cd "$d" || exit 1
rules='# rules\nfact a: bool\n# a comment before the rules\nconclusion c\nrule R when a then c  # trailing comment\nverdict { x when c otherwise y }\n'
cases='# three cases\ncase "1" { a = 是 }\n# between\ncase "2" {\n  a = 否\n}\ncase "3" { a = 是 }\n'
bad='fact a: bool\n# comment\nconclusion c\nrule R when b then c\nverdict { x when c otherwise y }\n'
badstr='fact a: bool\n# comment\nconclusion c\nrule R when a then c\nverdict { x when c otherwise "y }\n'
badcase='case "1" { a = 是 }\n# comment\ncase "2" { a = 12abc }\ncase "3" { a = 是 }\n'
for form in lf crlf cr; do
    case $form in
    lf) conv=cat ;;
    crlf) conv="sed s/\$/\r/" ;;
    cr) conv="tr \n \r" ;;
    esac
    mkdir $form
    printf "$rules" | $conv >$form/ok.rules
    printf "$cases" | $conv >$form/ok.case
    printf "$bad" | $conv >$form/bad.rules
    printf "$badstr" | $conv >$form/badstr.rules
    printf "$badcase" | $conv >$form/bad.case
done
for form in lf crlf cr; do
    echo "== $form"
    cd $form
    $RONGCUO check ok.rules
    echo "exit $?"
    $RONGCUO run -q --trace none ok.rules ok.case
    echo "exit $?"
    for f in bad badstr; do
        $RONGCUO check $f.rules 2>&1
        echo "exit $?"
    done
    $RONGCUO run -q ok.rules bad.case 2>&1 | grep -A 6 'case 2'
    echo "exit $?"
    cd ..
done
cd / && rm -rf "$d"
