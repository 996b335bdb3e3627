# A JSON Lines input with no line end (a symlink to /dev/zero, an endless
# pipe) is not read for ever: the line length limit applies while reading,
# and past 64 MiB with no line end the rest of the input is given up.
# (timeout only keeps a hang from blocking the suite.)
d=$(mktemp -d)
cd "$d" || exit 1
printf 'fact a: bool\nconclusion c\nrule R when a then c\nverdict { x when c otherwise y }\n' >ok.rules
ln -s /dev/zero zero.jsonl
timeout 600 $RONGCUO run ok.rules zero.jsonl >out
echo "exit $?"
cut -c1-120 out
yes '{' | tr -d '\n' | timeout 600 $RONGCUO run -j 2 --trace none ok.rules -
echo "exit $?"
mkfifo fifo.jsonl
{ printf '{"id": "1", "facts": {"a": true}}\n'; yes '{"id":' | tr -d '\n'; } >fifo.jsonl 2>/dev/null &
timeout 600 $RONGCUO run --format json --trace none ok.rules fifo.jsonl
echo "exit $?"
wait
cd / && rm -rf "$d"
