#!/bin/sh
# Large rule sets and loading: the time to load and check a generated
# chain of N rules (each with its own conclusion, rule i reading rule
# i-1's), the evaluation time per case and per rule at 1,000, 10,000 and
# 100,000 rules (--trace none, on 200 cases; the load subtracted), and
# `rongcuo test --no-prove rules/`, which loads hubei.rules and the three variants
# that extend it. Best of three wall-clock times (bench/measure).
#
# usage: bench/rules.sh BUILD_DIR    (bench/run.sh may call it)
set -eu
B=$1
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
w=$B/bench
mkdir -p "$w"
rc=$B/rongcuo
m=$w/measure

best() {
    b=""
    for i in 1 2 3; do
        t=$("$m" "$@" 2>&1 >/dev/null | tail -n 1 | cut -d' ' -f1)
        b=$(awk -v a="$b" -v t="$t" 'BEGIN { print (a == "" || t < a) ? t : a }')
    done
    echo "$b"
}

chain() { # N rules, as bench/run.sh's 10,000-rule file
    awk -v n="$1" 'BEGIN {
        printf "fact a: bool\nfact b: number = 0\n"
        for (i = 0; i < n; i++) printf "conclusion c%d\n", i
        printf "rule R0 \"規則 0\" cites \"第0條\" when a and b > 0 then c0\n"
        for (i = 1; i < n; i++)
            printf "rule R%d \"規則 %d\" cites \"第%d條\" when (a and b > %d) or c%d then c%d\n", i, i, i, i, i - 1, i
        printf "verdict { x when c%d otherwise y }\n", n - 1 }'
}

awk 'BEGIN { for (i = 0; i < 200; i++)
    printf "{\"id\":\"k%d\",\"facts\":{\"a\":%s,\"b\":%d}}\n", i, i % 2 ? "true" : "false", i * 37 % 100000 }' >"$w/rules-cases.jsonl"
: >"$w/rules-none.jsonl"
echo "bench: large rule sets (best of 3, on this machine, now)"
printf "  %8s %12s %14s %12s\n" rules "load ms" "per case ms" "ns per rule"
for n in 1000 10000 100000; do
    chain "$n" >"$w/chain-$n.rules"
    "$rc" check --no-analysis "$w/chain-$n.rules" >/dev/null
    load=$(best "$rc" run -q --trace none "$w/chain-$n.rules" "$w/rules-none.jsonl")
    all=$(best "$rc" run -q --trace none "$w/chain-$n.rules" "$w/rules-cases.jsonl")
    awk -v n="$n" -v l="$load" -v a="$all" 'BEGIN {
        c = (a - l) / 200; if (c < 0) c = 0
        printf "  %8d %12.1f %14.3f %12.1f\n", n, l * 1000, c * 1000, c * 1e9 / n }'
done
t=$(best "$rc" test --no-prove rules/)
printf "  rongcuo test --no-prove rules/ (each rule file read, parsed and hashed once): %.0f ms\n" "$(awk -v t="$t" 'BEGIN { print t * 1000 }')"
