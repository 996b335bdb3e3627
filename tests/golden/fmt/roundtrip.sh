#!/bin/sh
# rongcuo fmt never changes what a file says: every rule, test and case
# file in rules/ and tests/ is formatted in a copy, and for every rule file
# that checks, the effective rule set (show), the verdicts of the cases
# beside it (run) and the results of its tests (test) are the same as
# before; for every other rule file, what check says of it is the same;
# formatting the copy again changes nothing. Line numbers differ
# and are left out of the comparison; the hashes of the files too.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R rules tests "$tmp"/
root=$(pwd)
(cd "$tmp" && $RONGCUO fmt rules tests >/dev/null 2>&1)
changed=$(diff -r -q rules "$tmp/rules" | wc -l)
changed=$((changed + $(diff -r -q tests "$tmp/tests" | wc -l)))
[ "$changed" -ge 50 ] && echo "fmt: at least 50 files laid out anew"
# File names keep their line and column numbers out; the hash goes.
norm() {
    sed -E -e 's/(\.(rules|test|case|jsonl))(:[0-9]+)+/\1/g' \
        -e 's/"(line|column|sha256)":("[^"]*"|[0-9]+)//g' -e 's/sha256 [0-9a-f]+/sha256/' \
        -e 's/^ *[0-9]+ \|.*$//' -e 's/^ *\|.*$//'
}
# Run "$@" in the repository and in the copy; say where they differ.
same() {
    (cd "$root" && $RONGCUO "$@" 2>&1 | norm) >"$tmp/a"
    (cd "$tmp" && $RONGCUO "$@" 2>&1 | norm) >"$tmp/b"
    cmp -s "$tmp/a" "$tmp/b" && return 0
    echo "differs after fmt: rongcuo $*"
    diff "$tmp/a" "$tmp/b" | head -n 20
    bad=$((bad + 1))
}
bad=0 sets=0 runs=0 checks=0
for f in $(find rules tests -name '*.rules' -o -name '*.test' | sort); do
    same check --no-analysis "$f"
    checks=$((checks + 1))
    $RONGCUO show "$f" >/dev/null 2>&1 || continue
    sets=$((sets + 1))
    same show "$f"
    same test "$f"
    cases=$(find "$(dirname "$f")" -maxdepth 2 -name '*.case' | sort)
    [ -n "$cases" ] || continue
    # shellcheck disable=SC2086
    same run --format json --trace none "$f" $cases
    runs=$((runs + 1))
done
[ "$checks" -ge 100 ] && echo "check: the same for at least 100 rule files"
[ "$sets" -ge 40 ] && echo "show and test: the same for at least 40 rule sets"
[ "$runs" -ge 20 ] && echo "run: the same verdicts for at least 20 rule sets"
(cd "$tmp" && $RONGCUO fmt --check rules tests 2>/dev/null) >"$tmp/again"
if [ -s "$tmp/again" ]; then
    echo "formatting twice changes:"
    head -n 40 "$tmp/again"
else
    echo "formatting twice changes nothing"
fi
echo "$bad differences"
[ "$bad" -eq 0 ] && [ ! -s "$tmp/again" ]
