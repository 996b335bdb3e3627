# A run stopped by SIGTERM leaves only whole records on its standard
# output: the batch being written is finished, and no line is cut.
# The reader takes one byte, then stops reading until the signal has been
# sent, so the run is stopped while it waits to write (the case that used
# to leave a torn last line).
d=$(mktemp -d)
r=tests/golden/lang/example-en.rules
i=0
while [ $i -lt 3000 ]; do
    echo "{\"id\": \"K-$i\", \"title\": \"容錯糾錯 $i\", \"facts\": {\"謀取私利\": false}}"
    i=$((i + 1))
done >"$d/big.jsonl"
mkfifo "$d/p"
for format in "--format json" "--trace none"; do
    rm -f "$d/started" "$d/go"
    {
        dd bs=1 count=1 2>/dev/null
        touch "$d/started"
        while [ ! -e "$d/go" ]; do sleep 0.1; done
        cat
    } <"$d/p" >"$d/out" &
    reader=$!
    # shellcheck disable=SC2086
    $RONGCUO run -q -j 2 $format $r "$d/big.jsonl" >"$d/p" 2>"$d/err" &
    run=$!
    n=0
    while [ ! -e "$d/started" ] && [ $n -lt 600 ]; do
        sleep 0.1
        n=$((n + 1))
    done
    sleep 0.5 # the run fills the pipe and waits
    kill -TERM $run
    sleep 0.2
    touch "$d/go" # the reader reads again: the run finishes its batch
    wait $run 2>/dev/null
    e=$?
    wait $reader
    [ $e -gt 128 ] && echo "$format: stopped by a signal"
    grep '^rongcuo:' "$d/err"
    n=$(wc -l <"$d/out")
    [ "$n" -gt 0 ] && [ "$n" -lt 3000 ] && echo "$format: part of the cases"
    [ -z "$(tail -c 1 "$d/out")" ] && echo "$format: ends with a newline"
    if [ "$format" = "--format json" ]; then
        grep -vc '^{"case":"K-[0-9]*","title":"容錯糾錯 [0-9]*",.*}$' "$d/out"
    else
        grep -vc '^K-[0-9]*	[^	]*	-	[^	]*	[^	]*	[0-9a-f]\{12\}$' "$d/out"
    fi
done 2>&1
rm -rf "$d"
