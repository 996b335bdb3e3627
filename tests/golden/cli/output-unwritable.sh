# -o into a folder that does not exist: a clear error, exit 2.
$RONGCUO run -q -o /nonexistent/dir/out.txt tests/golden/lang/example-en.rules tests/golden/lang/example.case
