# A chain of 44,000 rules where every rule also reads the chain's end:
# 44,000 cycles, each as long as the path to it. Each is reported in
# constant time, naming its first and last nodes only (before, the check
# took minutes and wrote megabytes of hints).
d=$(mktemp -d)
cd "$d" || exit 1
awk 'BEGIN { n = 44000
  print "fact c0: bool"
  for (i = 1; i <= n; i++) printf "conclusion c%d\n", i
  for (i = 1; i <= n; i++) printf "rule R%d when c%d and c%d then c%d\n", i, i - 1, n, i
  printf "verdict { a when c%d otherwise b }\n", n }' >cycle.rules
ulimit -s 1024
timeout 120 $RONGCUO check cycle.rules >out 2>&1
echo "exit $?"
head -n 8 out
grep -c 'depends on itself' out
tail -n 4 out
cd / && rm -rf "$d"
