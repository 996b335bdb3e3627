# Output to a pipe that closes early ends quietly.
$RONGCUO run tests/golden/lang/example-en.rules tests/golden/lang/example.case 2>"${TMPDIR:-/tmp}/rc-pipe.err" | head -n 1
cat "${TMPDIR:-/tmp}/rc-pipe.err" | grep -v '^rongcuo: [0-9]* cases' || true
rm -f "${TMPDIR:-/tmp}/rc-pipe.err"
