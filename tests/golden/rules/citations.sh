# The rule files in rules/ speak to policy staff: what `rongcuo show` prints
# and what the traces of every sample case print carry none of the internal
# labels of the project's source notes ([SEED], [INF], [HB…], DOMAIN §…,
# 本模型, a bare source number such as S5 or （S10，摘要）); every citation
# names a document a reader can look up (a title in 《》 or 〈〉), except a
# note saying in words how the rule was reconstructed (a citation that
# begins 重構：), which may only follow a citation of a document; and every
# rule and measure that show prints cites at least one document. A rule ID
# written with its prefix (宜昌.S9) is not a source number. Prints
# "citations: ok", or each offence; fails if it read fewer than 40 distinct
# citations.
LC_ALL=C
export LC_ALL
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
labels='\[SEED\]|\[INF\]|\[HB|\[VAR|\[PUB|SEED|DOMAIN|本模型'
bare='(^|[^.A-Za-z0-9_])S[0-9]+([^0-9]|$)'
bad=0
for f in rules/*.rules; do
    $RONGCUO show "$f" >"$tmp/show" 2>&1 || { echo "$f: show failed"; bad=1; }
    $RONGCUO run "$f" rules/cases/*.case >"$tmp/trace" 2>/dev/null
    cat "$tmp/show" "$tmp/trace" >"$tmp/all"
    # every line shown to a reader: no internal label
    grep -E "$labels" "$tmp/all" | sed "s|^|$f: label: |" >>"$tmp/bad"
    # citations and because texts, as declared (show) and as printed (trace)
    sed -nE 's/^ *(依據|依据|cites) "(.*)"$/\2/p; s/^ *(依據|依据|cites): //p' \
        "$tmp/all" >"$tmp/cites"
    sed -nE 's/^ *(理由|because) "(.*)"$/\2/p; s/^ *(理由|because): //p' \
        "$tmp/all" >"$tmp/because"
    cat "$tmp/cites" >>"$tmp/allcites"
    grep -E "$bare" "$tmp/cites" "$tmp/because" | sed "s|^|$f: source number: |" >>"$tmp/bad"
    grep -vE '《.*》|〈.*〉' "$tmp/cites" | grep -vE '^(重構|重构)：' |
        sed "s|^|$f: names no document: |" >>"$tmp/bad"
    # every rule and measure cites a document before any reconstruction note
    awk -v f="$f" '
        function done() { if (name != "" && !doc) print f ": cites no document: " name }
        /^(規則|规则|措施|rule|measure) / { done(); name = $1 " " $2; doc = 0; next }
        /^[^ ]/ { done(); name = "" }
        name != "" && /^ *(依據|依据|cites) "/ {
            if ($0 ~ /《.*》|〈.*〉/) doc = 1
            else if ($0 ~ /"(重構|重构)：/ && !doc)
                print f ": reconstruction note before a document: " name
        }
        END { done() }' "$tmp/show" >>"$tmp/bad"
done
n=$(sort -u "$tmp/allcites" | grep -c .)
if [ "$n" -lt 40 ]; then
    echo "only $n distinct citations read: the check read nothing"
    bad=1
fi
if [ -s "$tmp/bad" ]; then
    sort -u "$tmp/bad"
    exit 1
fi
[ "$bad" -eq 0 ] || exit 1
echo "citations: ok"
