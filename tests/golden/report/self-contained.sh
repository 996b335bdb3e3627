# The reports of the sample cases need nothing from outside: no script,
# style sheet, font or picture by address, no link off the page.
d=$(mktemp -d)
$RONGCUO run -q --format html -o "$d/run.html" rules/hubei.rules rules/cases/*.case
$RONGCUO diff --format html -o "$d/diff.html" rules/hubei.rules rules/yichang.rules rules/cases/*.case 2>/dev/null
for f in run diff; do
    n=$(grep -ciE 'https?:|src=|<link|@import|url\(|href="[^#]' "$d/$f.html")
    printf '%s: %s references outside the file; %s <script> element\n' \
        "$f" "$n" "$(grep -c '<script>' "$d/$f.html")"
done
rm -rf "$d"
