# .case syntax from standard input ("-").
printf 'case "S-3" { 被惡意誣告 = 是 }\n' |
    $RONGCUO run -q tests/golden/lang/example-en.rules -
