#!/bin/sh
# Golden tests: behaviour users see, compared byte for byte.
#
# Each tests/golden/**/NAME.cmd holds the arguments of one rongcuo call,
# relative to the repository root; each NAME.sh is a script run there with
# $RONGCUO set. NAME.expected holds what it printed (standard output, then
# standard error), then "exit N". GOLDEN_UPDATE=1 rewrites the expected files
# for review; RONGCUO_WRAP runs every call under a wrapper (valgrind).
#
# usage: tests/golden.sh path/to/rongcuo
set -u
bin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
RONGCUO="${RONGCUO_WRAP:+$RONGCUO_WRAP }$root/$bin"
case $bin in /*) RONGCUO="${RONGCUO_WRAP:+$RONGCUO_WRAP }$bin" ;; esac
export RONGCUO
# The command's own messages follow the environment's language: the tests
# run in a neutral one (a test may set LANG=zh_CN.UTF-8 for itself).
unset LC_ALL LC_MESSAGES
LANG=C.UTF-8
export LANG
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for t in $(find tests/golden -name '*.cmd' -o -name '*.sh' | sort); do
    name=${t%.*}
    out=$tmp/out
    if [ "${t##*.}" = cmd ]; then
        # shellcheck disable=SC2046
        eval "set -- $(cat "$t")"
        $RONGCUO "$@" >"$out.1" 2>"$out.2" </dev/null
    else
        sh "$t" >"$out.1" 2>"$out.2" </dev/null
    fi
    code=$?
    { cat "$out.1" "$out.2"; echo "exit $code"; } >"$out"
    if [ -n "${GOLDEN_UPDATE:-}" ]; then
        cp "$out" "$name.expected"
    fi
    if [ ! -f "$name.expected" ]; then
        echo "FAIL $name: no $name.expected (make golden-update)"
        fail=$((fail + 1))
    elif diff -u "$name.expected" "$out" >"$tmp/diff"; then
        pass=$((pass + 1))
    else
        echo "FAIL $name"
        head -n 60 "$tmp/diff" | cut -c1-300
        fail=$((fail + 1))
    fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
