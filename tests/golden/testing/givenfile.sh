# A test's `given case` reads its file as `run` reads a case file: a
# policy or a test in it is the same error (it was silently ignored), and
# a JSON Lines file gives the same facts as its .case form.
d=$(mktemp -d)
cat >"$d/r.rules" <<'RULES'
fact 甲: bool
fact 額: number
conclusion 成立
rule R1 when 甲 and 額 < 10 then 成立
verdict { 容錯 when 成立 otherwise 不容錯 }
RULES
printf 'policy "p"\ncase "A" { 甲 = 是, 額 = 1 }\n' >"$d/policy.case"
printf 'case "A" { 甲 = 是, 額 = 1 }\ntest "t" { expect verdict 容錯 }\n' >"$d/test.case"
printf '{"id": "A", "facts": {"甲": true, "額": 1}}\n' >"$d/a.jsonl"
for f in policy.case test.case a.jsonl; do
    printf 'extends "r.rules"\ntest "t" {\n  given case "%s" "A"\n  expect verdict 容錯\n}\n' "$f" >"$d/t.test"
    (cd "$d" && $RONGCUO test t.test)
    echo "exit $?"
done
(cd "$d" && $RONGCUO run -q r.rules policy.case)
echo "exit $?"
rm -rf "$d"
