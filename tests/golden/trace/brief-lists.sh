# --trace none in text and JSON: the lists of measures, rules fired and
# facts missing, of lists longer than eight entries, with names past
# sixteen bytes (ASCII and Chinese); the first, the eighth and ninth and
# the last of a list; lists empty.
d=$(mktemp -d)
{
    echo 'policy "brief"'
    i=0
    while [ $i -lt 20 ]; do echo "fact g$i: bool"; i=$((i + 1)); done
    echo 'fact a_long_fact_name_of_twenty_six: bool'
    echo 'fact 一個很長很長的事實名稱: bool'
    i=0
    while [ $i -lt 20 ]; do echo "conclusion c$i"; i=$((i + 1)); done
    i=0
    while [ $i -lt 19 ]; do echo "rule R$i when g$i then c$i"; i=$((i + 1)); done
    echo 'rule A_rule_id_longer_than_sixteen when g19 then c19'
    echo 'measure Measure_with_a_long_id "a measure" when c1'
    echo 'measure M2 "another" when c8'
    echo 'verdict "v" {'
    echo '  Accepted_with_a_long_verdict_name when c0 and a_long_fact_name_of_twenty_six'
    echo '  其他很長的處理結果名稱 when c19 and 一個很長很長的事實名稱'
    echo '  otherwise Plain'
    echo '}'
} >"$d/b.rules"
{
    echo 'case "all" {'
    i=0
    while [ $i -lt 20 ]; do echo "  g$i = true"; i=$((i + 1)); done
    echo '}'
    echo 'case "long" {'
    i=0
    while [ $i -lt 20 ]; do echo "  g$i = $([ $i = 0 ] || [ $i = 8 ] && echo true || echo false)"; i=$((i + 1)); done
    echo '  a_long_fact_name_of_twenty_six = true'
    echo '}'
    echo 'case "cjk" {'
    i=0
    while [ $i -lt 20 ]; do echo "  g$i = $([ $i = 19 ] && echo true || echo false)"; i=$((i + 1)); done
    echo '  一個很長很長的事實名稱 = true'
    echo '}'
    echo 'case "plain" {'
    i=0
    while [ $i -lt 20 ]; do echo "  g$i = false"; i=$((i + 1)); done
    echo '}'
    echo 'case "none" {'
    echo '}'
} >"$d/b.case"
$RONGCUO run -q --trace none "$d/b.rules" "$d/b.case"
echo "exit $?"
$RONGCUO run -q --trace none --format json "$d/b.rules" "$d/b.case"
echo "exit $?"
rm -rf "$d"
