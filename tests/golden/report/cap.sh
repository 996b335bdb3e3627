# A report of many cases holds the explanations of the first 1,000 only and
# says how many were left out; the table still lists every case, each with
# its number, and only the first 1,000 link to an explanation. The same
# with -j 2; the diff report caps its changed cases the same way.
d=$(mktemp -d)
R=tests/golden/report
awk 'BEGIN { for (i = 1; i <= 1005; i++)
    printf "{\"id\": \"N-%d\", \"facts\": {\"self_interest\": false, \"reported\": %s, \"loss\": %d}}\n",
        i, i % 3 ? "true" : "false", i % 2 ? 5 : 0 }' >"$d/many.jsonl"
for j in 1 2; do
    $RONGCUO run -q -j $j --format html -o "$d/r$j.html" $R/small.rules "$d/many.jsonl"
    echo "exit $?"
    printf 'rows %s, explanations %s, links %s\n' \
        "$(grep -c '^<tr data-v' "$d/r$j.html")" \
        "$(grep -c '^<details class="case"' "$d/r$j.html")" \
        "$(grep -c '^<tr data-v=[^>]*><td class="n">[0-9]*</td><td><a href' "$d/r$j.html")"
    grep -o '<p>1005 cases[^<]*</p>' "$d/r$j.html"
    grep -o '<p class="left-out">[^<]*</p>' "$d/r$j.html"
    grep -o '<tr data-v="[a-z0-9]*"><td class="n">1005</td><td>N-1005</td>' "$d/r$j.html"
done
cmp "$d/r1.html" "$d/r2.html" && echo "the same with -j 2"
sed 's/"reported": false/"reported": true/; s/"loss": 0/"loss": 5/' "$d/many.jsonl" >"$d/changed.jsonl"
$RONGCUO diff --format html -o "$d/d.html" $R/small.rules $R/small-new.rules "$d/changed.jsonl"
echo "exit $?"
printf 'rows %s, explanations %s\n' "$(grep -c '^<tr data-v' "$d/d.html")" \
    "$(grep -c '^<details class="case"' "$d/d.html")"
grep -o '<p>1005 cases compared[^<]*</p>' "$d/d.html"
grep -o '<p class="left-out">[^<]*</p>' "$d/d.html"
rm -rf "$d"
