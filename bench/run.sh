#!/bin/sh
# make bench: Rongcuo against two hand-written C evaluators of the same
# rules -- bench/flat.c (the minimal baseline: a flat scan, no JSON library,
# no allocation per case) and bench/hand.c (yajl's event parser) -- and
# against reading the file (cat), all in this one run,
# on a deterministic synthetic register (bench/gen.c). Prints cases per
# second and ratios; checks that every verdict agrees; peak memory at
# 100,000 and 1,000,000 cases; the time to load and check 10,000 rules;
# the cost of run --register (docs/register.md) on 10,000 cases.
#
# usage: bench/run.sh BUILD_DIR    (BENCH_CASES=N to change the timed size)
set -eu
B=$1
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
w=$B/bench
mkdir -p "$w"
N=${BENCH_CASES:-200000}
rc=$B/rongcuo
m=$w/measure
# the rules the two hand-written evaluators encode (bench/hubei-v1.rules)
rules=bench/hubei-v1.rules

"$w/gen" "$N" >"$w/corpus.jsonl"
[ -f "$w/corpus-1m.jsonl" ] || "$w/gen" 1000000 >"$w/corpus-1m.jsonl"
head -n 100000 "$w/corpus-1m.jsonl" >"$w/corpus-100k.jsonl"

# best of three runs: "wall-clock processor" seconds, each the least seen
time_of() {
    best=""
    cpu=""
    for i in 1 2 3; do
        out=$("$m" "$@" 2>&1 >/dev/null | tail -n 1)
        t=$(echo "$out" | cut -d' ' -f1)
        c=$(echo "$out" | cut -d' ' -f3)
        best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
        cpu=$(awk -v a="$cpu" -v b="$c" 'BEGIN { print (a == "" || b < a) ? b : a }')
    done
    echo "$best $cpu"
}
wall() { echo "$1" | cut -d' ' -f1; }
rss_of() {
    "$m" "$@" 2>&1 >/dev/null | tail -n 1 | cut -d' ' -f2
}

# verdicts agree on every case, and -j 2 gives the same bytes as -j 1
"$w/hand" <"$w/corpus.jsonl" >"$w/hand.out"
"$w/flat" <"$w/corpus.jsonl" >"$w/flat.out"
"$rc" run -q --trace none "$rules" "$w/corpus.jsonl" >"$w/j1.out"
"$rc" run -q --trace none -j 2 "$rules" "$w/corpus.jsonl" >"$w/j2.out"
cut -f1,2 "$w/j1.out" >"$w/j1.verdicts"
if cmp -s "$w/hand.out" "$w/j1.verdicts"; then
    agree="all $N verdicts agree with both hand-written evaluators"
else
    echo "bench: verdicts differ from the hand-written evaluator:" >&2
    diff "$w/hand.out" "$w/j1.verdicts" | head >&2
    exit 1
fi
cmp -s "$w/flat.out" "$w/j1.verdicts" || {
    echo "bench: verdicts differ from the flat-scan evaluator:" >&2
    diff "$w/flat.out" "$w/j1.verdicts" | head >&2
    exit 1
}
cmp -s "$w/j1.out" "$w/j2.out" || { echo "bench: -j 2 output differs" >&2; exit 1; }
"$rc" run -q "$rules" "$w/corpus.jsonl" >"$w/full1.out"
"$rc" run -q -j 2 "$rules" "$w/corpus.jsonl" >"$w/full2.out"
cmp -s "$w/full1.out" "$w/full2.out" || { echo "bench: -j 2 full trace differs" >&2; exit 1; }

t_cat=$(time_of cat "$w/corpus.jsonl")
t_flat=$(time_of sh -c "'$w/flat' <'$w/corpus.jsonl'")
t_hand=$(time_of sh -c "'$w/hand' <'$w/corpus.jsonl'")
t_n1=$(time_of "$rc" run -q --trace none "$rules" "$w/corpus.jsonl")
t_n2=$(time_of "$rc" run -q --trace none -j 2 "$rules" "$w/corpus.jsonl")
t_f1=$(time_of "$rc" run -q "$rules" "$w/corpus.jsonl")
t_f2=$(time_of "$rc" run -q -j 2 "$rules" "$w/corpus.jsonl")
t_t1=$(time_of "$rc" run -q --format json "$rules" "$w/corpus.jsonl")
# --register: 10,000 cases (each entry keeps its full JSON explanation)
head -n 10000 "$w/corpus.jsonl" >"$w/corpus-10k.jsonl"
# (wall-clock and processor seconds: the rest of the wall clock is the disk)
t_r0=$(time_of "$rc" run -q "$rules" "$w/corpus-10k.jsonl")
t_r1=$(time_of sh -c "rm -f '$w/reg.db' '$w/reg.db-wal' '$w/reg.db-shm'; '$rc' run -q --register '$w/reg.db' '$rules' '$w/corpus-10k.jsonl'")
reg_kb=$(du -k "$w/reg.db" | cut -f1)
t_r2=$(wall "$(time_of sh -c "rm -f '$w/reg.db' '$w/reg.db-wal' '$w/reg.db-shm'; '$rc' run -q -j 2 --register '$w/reg.db' '$rules' '$w/corpus-10k.jsonl'")")
m100k=$(rss_of "$rc" run -q --trace none "$rules" "$w/corpus-100k.jsonl")
m1m=$(rss_of "$rc" run -q --trace none "$rules" "$w/corpus-1m.jsonl")

awk 'BEGIN { printf "fact a: bool\nfact b: number = 0\n"
             for (i = 0; i < 10000; i++) printf "conclusion c%d\n", i
             for (i = 0; i < 10000; i++)
                 printf "rule R%d \"規則 %d\" cites \"第%d條\" when (a and b > %d) or c%d then c%d\n", i, i, i, i, (i + 1) % 10000 == 0 ? 0 : i - 1 < 0 ? 0 : i - 1, i
             print "verdict { x when c9999 otherwise y }" }' >"$w/10k.rules"
# rule i reads c(i-1): a chain, no cycle (R0 reads c0? make it read a)
sed -i 's/or c0 then c0$/then c0/' "$w/10k.rules"
"$rc" check "$w/10k.rules" >/dev/null
t_load=$(wall "$(time_of "$rc" check "$w/10k.rules")")
# every bottom line of the shipped rule sets, proven (docs/prove.md)
t_prove=$(wall "$(time_of "$rc" prove rules/huangshi.rules rules/hubei.rules \
    rules/xiangyang.rules rules/yichang.rules rules/zigui-hans.rules)")

awk -v n="$N" -v cat="$t_cat" -v flat="$t_flat" -v hand="$t_hand" -v t1="$t_t1" -v n1="$t_n1" -v n2="$t_n2" \
    -v f1="$t_f1" -v f2="$t_f2" -v m100k="$m100k" -v m1m="$m1m" \
    -v load="$t_load" -v prove="$t_prove" -v agree="$agree" \
    -v r0="$t_r0" -v r1="$t_r1" -v r2="$t_r2" -v regkb="$reg_kb" 'BEGIN {
    printf "bench: %d cases of bench/hubei-v1.rules (best of 3, on this machine, now)\n", n
    printf "  %-32s %7s %9s %8s %8s %7s %8s\n", "", "seconds", "cases/s", "vs flat", "vs yajl", "cpu s", "cpu/flat"
    row("cat (reading the file)", cat)
    row("flat-scan C evaluator", flat)
    row("yajl-based C evaluator", hand)
    row("rongcuo --trace none -j 1", n1)
    row("rongcuo --trace none -j 2", n2)
    row("rongcuo text trace -j 1", f1)
    row("rongcuo text trace -j 2", f2)
    row("rongcuo JSON trace -j 1", t1)
    printf "  -j 2 over -j 1: %.2fx (--trace none), %.2fx (text trace)\n", w(n1) / w(n2), w(f1) / w(f2)
    printf "  peak memory, --trace none: %d KiB at 100,000 cases, %d KiB at 1,000,000 (%.2fx)\n", m100k, m1m, m1m / m100k
    printf "  run --register, 10,000 cases: %.2f s against %.2f s without (%.1fx); cpu %.2f s against %.2f s; register %d KiB\n", w(r1), w(r0), w(r1) / w(r0), c(r1), c(r0), regkb
    printf "  run --register -j 2, 10,000 cases: %.2f s (%.1fx); %.0f us per case registered (%.0f us of processor time)\n", r2, r2 / w(r0), (w(r1) - w(r0)) * 100, (c(r1) - c(r0)) * 100
    printf "  load and check a 10,000-rule file: %.0f ms\n", load * 1000
    printf "  prove every bottom line of rules/*.rules: %.2f s\n", prove
    printf "  %s; -j 2 output is byte-identical to -j 1\n", agree
    printf "  (cpu s: processor seconds of every thread; on a busy machine the\n"
    printf "  single-thread ratios are truer in it than in wall-clock seconds)\n"
}
function w(t) { split(t, x, " "); return x[1] }
function c(t) { split(t, x, " "); return x[2] }
function row(name, t) {
    printf "  %-32s %7.3f %9.0f %7.2fx %7.2fx %7.3f %7.2fx\n", name, w(t), n / w(t), w(t) / w(flat), w(t) / w(hand), c(t), c(t) / c(flat)
}'
# large rule sets and loading (bench/rules.sh)
sh bench/rules.sh "$B"
