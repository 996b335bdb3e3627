# Numbers past the limits (docs/language.md §13): at most 1000 digits as
# written, a JSON exponent of at most 1000, results of at most 32768 bits.
# Each is an error at its place; the other cases go on.
d=$(mktemp -d)
cd "$d" || exit 1
nines=$(awk 'BEGIN { for (i = 0; i < 1000; i++) printf "9" }')
cat >big.rules <<RULES
fact x: number
conclusion c
rule R1 when x * x * x * x * x * x * x * x * x > 0 then c
rule R2 when x * x * x * x * x * x * x * x * x * x > 0 then c
verdict { 是 when c otherwise 否 }
RULES
sed -i 's/是/有/; s/否/無/' big.rules
printf 'fact x: number = %s\nverdict { 有 when x > 0 otherwise 無 }\n' "$nines" >ok.rules
printf 'fact x: number = %s9\n' "$nines" >over.rules
printf 'case A { x = %s }\ncase B { x = -%s9 }\ncase C { x = 2 }\n' "$nines" "$nines" >cases.case
printf '{"id": "J1", "facts": {"x": 1e1000}}\n{"id": "J2", "facts": {"x": 1e1001}}\n{"id": "J3", "facts": {"x": 5e-1001}}\n{"id": "J4", "facts": {"x": 0.5}}\n' >cases.jsonl
$RONGCUO check ok.rules
echo "exit $?"
$RONGCUO check over.rules
echo "exit $?"
$RONGCUO run --trace none big.rules cases.case
echo "exit $?"
$RONGCUO run --trace none big.rules cases.jsonl
echo "exit $?"
cd / && rm -rf "$d"
