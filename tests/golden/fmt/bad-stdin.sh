#!/bin/sh
# A syntax error on standard input: reported, and nothing written.
$RONGCUO fmt - <tests/golden/fmt/bad-hant.rules
