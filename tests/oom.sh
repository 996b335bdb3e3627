#!/bin/sh
# Out of memory is an error with a message, never an abort: the command
# runs under a small address-space limit (ulimit -v) on inputs that need
# more. Not under the sanitizers, which reserve far more address space.
#
# usage: tests/oom.sh path/to/rongcuo
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
yes '# 一行註釋，填滿文件' | head -c 40000000 >"$tmp/big.rules"
{
    echo 'fact 甲: bool'
    echo 'conclusion c'
    echo 'rule R when 甲 then c'
    echo 'verdict { 容錯 when c otherwise 不容錯 }'
} >"$tmp/small.rules"
{
    echo 'case "A-1" { 甲 = 是 }'
    yes '# 一行註釋，填滿文件' | head -c 40000000
    echo
} >"$tmp/big.case"

# expect NAME STATUS TEXT -- ARGS: rongcuo ARGS under the limit exits with
# STATUS and says TEXT on standard error or output.
expect() {
    name=$1 status=$2 text=$3
    shift 4
    (ulimit -v 80000 && exec "$bin" "$@") >"$tmp/out" 2>&1
    code=$?
    if [ "$code" -ne "$status" ] || ! grep -q "$text" "$tmp/out"; then
        echo "FAIL oom $name: exit $code, expected $status and '$text':"
        cat "$tmp/out"
        fail=1
    fi
}
expect check 2 '^error: out of memory$' -- check "$tmp/big.rules"
expect run-rules 2 'error: out of memory' -- run "$tmp/big.rules" "$tmp/big.case"
expect run-cases 2 '^rongcuo: out of memory; the run stopped$' -- \
    run "$tmp/small.rules" "$tmp/big.case"
expect run-output 2 '^rongcuo: out of memory; the run stopped$' -- \
    run -o "$tmp/out.txt" "$tmp/small.rules" "$tmp/big.case"
if [ -e "$tmp/out.txt" ]; then
    echo "FAIL oom run-output: a partial output file was left"
    fail=1
fi
[ $fail -eq 0 ] && echo "oom: out of memory gave a message and exit 2 each time"
exit $fail
