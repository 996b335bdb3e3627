# A string that yajl would cut or alter is an error for its case, at the
# place: \u0000 (a case was decided on "失實" from "失實\u0000垃圾"), a lone
# surrogate (turned into '?'), encoded surrogates; "id", "title" or "facts"
# given twice is an error too.
printf '%s\n' \
    '{"id": "T-1", "facts": {"舉報核查結果": "失實\u0000垃圾"}}' \
    '{"id": "T-2\u0000x", "facts": {"舉報核查結果": "失實"}}' \
    '{"id": "T-3", "title": "\ud800", "facts": {"舉報核查結果": "失實"}}' \
    '{"id": "T-4", "facts": {"舉報核查結果\u0000": "失實"}}' \
    '{"id": "T-5", "id": "T-6", "facts": {"舉報核查結果": "失實"}}' \
    '{"id": "T-7", "facts": {"舉報核查結果": "失實"}, "facts": {"謀取私利": true}}' \
    '{"id": "T-8", "title": "\ud83d\ude00 \\u0000", "facts": {"舉報核查結果": "失實"}}' |
    $RONGCUO run --trace none rules/hubei.rules -
echo "exit $?"
printf '{"id": "T-9", "title": "\355\240\200", "facts": {}}\n' |
    $RONGCUO run --trace none rules/hubei.rules -
echo "exit $?"
