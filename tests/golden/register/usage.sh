# The register's commands given a name too many, in each language, with
# what they take after it (the first line of it here); --help prints what
# they take.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
run() {
    $RONGCUO "$@" >"$d/out" 2>&1
    e=$?
    head -n 3 "$d/out"
    echo "exit $e"
}
run history "$d/r.db" A-1 A-2
run register check --lang zh-Hant "$d/r.db" extra
run replay --lang zh-Hans "$d/r.db" new.rules extra
$RONGCUO history --help | head -n 1
$RONGCUO register --help | head -n 1
[ -e "$d/r.db" ] || echo "no register made"
