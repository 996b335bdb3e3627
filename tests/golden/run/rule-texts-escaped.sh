# Titles, citations and because texts of a rule file are quoted in the
# trace with their control characters escaped, as case data is: a TAB, a
# C1 control or a line separator in a citation never starts a line.
d=$(mktemp -d)
printf 'fact 甲: bool\nconclusion 乙\nrule R1 "題\tx\302\205y" cites "第一條\342\200\250verdict: 容錯免責" because "因為\tz" when 甲 then 乙\nverdict { 好 when 乙 otherwise 壞 }\n' >"$d/t.rules"
printf 'case A { 甲 = true }\n' >"$d/t.case"
$RONGCUO run -q "$d/t.rules" "$d/t.case" | sed "s#$d#D#g"
# plain texts are copied as they are
printf 'fact 甲: bool\nconclusion 乙\nrule R1 "題" cites "第一條" because "因為" when 甲 then 乙\nverdict { 好 when 乙 otherwise 壞 }\n' >"$d/p.rules"
$RONGCUO run -q "$d/p.rules" "$d/t.case" | sed "s#$d#D#g"
rm -rf "$d"
