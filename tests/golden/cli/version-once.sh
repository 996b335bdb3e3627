# The version is written once, in the Makefile: rongcuo --version and the
# man page say it, and no source file spells out a version of its own
# (tests/install.sh checks rongcuo.pc).
v=$(sed -n 's/^VERSION *:= *//p' Makefile)
[ "$($RONGCUO --version)" = "rongcuo $v" ] && echo "--version: the Makefile's"
grep -q "\"rongcuo $v\"" man/rongcuo.1 && echo "man page: the Makefile's"
grep -rnE '"[0-9]+\.[0-9]+\.[0-9]+' cli engine lexer parser ||
    echo "no version in the sources"
