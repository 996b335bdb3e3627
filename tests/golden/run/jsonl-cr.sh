# Line ends in JSON Lines input: LF, CRLF and a lone CR (old Mac) each end
# a line, and lines are counted the same way; a CRLF split between two
# reads of the input is one line end.
d=$(mktemp -d)
cd "$d" || exit 1
printf 'fact a: bool\nconclusion c\nrule R when a then c\nverdict { x when c otherwise y }\n' >ok.rules
printf '{"id": "1", "facts": {"a": true}}\r{"id": "2", "facts": {"a": false}}\r\r{"id": "3", "facts": {"a": 1}}\r' >cr.jsonl
$RONGCUO run --trace none ok.rules cr.jsonl
echo "exit $?"
printf '{"id": "1", "facts": {"a": true}}\r\n{"id": "2", "facts": {"a": false}}\n\r{"id": "3", "facts": {"a": 1}}' >mixed.jsonl
$RONGCUO run -j 2 --trace none ok.rules mixed.jsonl
echo "exit $?"
# line 1 ends with CR as the last byte of the first read (65536 bytes)
awk 'BEGIN { printf "{\"id\": \"long\", \"title\": \""; for (i = 0; i < 65535 - 46; i++) printf "x"; printf "\", \"facts\": {\"a\": 1}}\r\n{\"id\": \"next\", \"facts\": {\"a\": 2}}\r\n" }' >split.jsonl
head -c 65535 split.jsonl | tail -c 1 | od -An -c
$RONGCUO run --trace none ok.rules split.jsonl >out
echo "exit $?"
cut -c1-80 out
cd / && rm -rf "$d"
