# A NUL byte would cut a string short ("失實\0abc" read as 失實): it is an
# error at its place in every string of a rule or case file, and in a
# comment; outside them it already was one. The only escapes are \" and
# \\, so no escape makes a NUL.
d=$(mktemp -d)
cd "$d" || exit 1
printf 'policy "B\000x"\nfact a: text\nconclusion c\nrule R when a == "失實" then c\nverdict { x when c otherwise y }\n' >policy.rules
printf 'fact a: text\nconclusion c\nrule R when a == 「失實\000」 then c\nverdict { x when c otherwise y }\n' >cond.rules
printf 'fact a: text\nconclusion c # note\000\nrule R when a == "失實" then c\nverdict { x when c otherwise y }\n' >comment.rules
printf 'fact a: text\000\nconclusion c\nrule R when a == "失實" then c\nverdict { x when c otherwise y }\n' >bare.rules
printf 'fact a: text\nconclusion c\nrule R when a == "失實" then c\nverdict { x when c otherwise y }\n' >ok.rules
printf 'case "1" { a = "失實\000abc" }\ncase "2" { a = "失實" }\ncase "3\000" "標題" { a = "失實" }\ncase "4" “標題\000” { a = "失實" }\ncase "5" { a = "x\\0" }\n' >nul.case
for f in policy cond comment bare; do
    $RONGCUO check $f.rules
    echo "exit $?"
done
$RONGCUO run -q ok.rules nul.case
echo "exit $?"
cd / && rm -rf "$d"
