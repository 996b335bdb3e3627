#!/bin/sh
# rongcuo fmt - lays out standard input on standard output.
$RONGCUO fmt - <tests/golden/fmt/messy-hans.rules
