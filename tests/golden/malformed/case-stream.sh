# A .case file is read one case block at a time: memory is bounded by the
# largest case (and the file's text), not by the number of cases. A 15 MB
# file of 400,000 cases runs under a 150 MB address-space cap (reading
# the whole file first needed about 350 MB), with its broken cases
# reported in place and none lost. Under ASan or valgrind, which need far
# more address space of their own, it runs without the cap.
d=$(mktemp -d)
cd "$d" || exit 1
printf 'fact a: bool\nconclusion c\nrule R when a then c\nverdict { x when c otherwise y }\n' >ok.rules
awk 'BEGIN {
    for (i = 0; i < 400000; i++)
        if (i % 100000 == 50000)
            printf "case \"k%d\" \"標題\" {\n  a = = 是\n}\nfact stray: bool\n", i
        else
            printf "case \"k%d\" \"標題\" {\n  a = %s\n}\n", i, i % 3 ? "是" : "否"
}' >big.case
cap=150000
case $RONGCUO in *valgrind* | */asan/*) cap=unlimited ;; esac
(
    ulimit -v $cap
    $RONGCUO run --trace none ok.rules big.case >out 2>err
    echo "run: exit $?"
    $RONGCUO diff ok.rules ok.rules big.case >diff.out 2>&1
    echo "diff: exit $?"
)
wc -l <out
grep -v '	[xy]	' out | cut -c1-120
cat err
tail -n 2 diff.out
cd / && rm -rf "$d"
