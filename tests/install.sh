#!/bin/sh
# make install into a scratch folder; build examples/embed.c against the
# installed header and library with pkg-config; run it; render the man
# pages; every function of the header is exported by the shared library;
# make uninstall leaves nothing behind.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
make -s --no-print-directory install DESTDIR="$dest" PREFIX=/usr >/dev/null
export PKG_CONFIG_PATH="$dest/usr/lib/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$dest"
flags=$(pkg-config --cflags --libs rongcuo)
${CC:-cc} -std=c11 -Wall -Wextra -Werror examples/embed.c $flags -o "$dest/embed"
LD_LIBRARY_PATH="$dest/usr/lib" "$dest/embed" rules/hubei.rules >"$dest/out"
grep -q '^EMB-1: 澄清正名' "$dest/out"
# the example linked the shared library, not the static one
LD_LIBRARY_PATH="$dest/usr/lib" ldd "$dest/embed" | grep -q 'librongcuo.so.0'
# rongcuo.pc and --version give the one version of the Makefile
pcv=$(pkg-config --modversion rongcuo)
if [ "$("$dest/usr/bin/rongcuo" --version)" != "rongcuo $pcv" ]; then
    echo "install-test: rongcuo.pc says $pcv, --version differs"
    exit 1
fi
# every function declared in the installed header is exported by the
# shared library (a declaration without RC_API would be hidden)
nm -D --defined-only "$dest/usr/lib/librongcuo.so" | awk '{print $NF}' \
    | sort -u >"$dest/exported"
sed -n 's/.*[ *]\(rc_[a-z0-9_]*\)(.*/\1/p' "$dest/usr/include/rongcuo.h" \
    | sort -u >"$dest/declared"
missing=$(comm -23 "$dest/declared" "$dest/exported")
if [ -n "$missing" ] || [ ! -s "$dest/declared" ]; then
    echo "install-test: declared in rongcuo.h, not exported:" $missing
    exit 1
fi
for page in man1/rongcuo.1 man5/rongcuo-rules.5; do
    if command -v man >/dev/null 2>&1; then
        out=$(MANWIDTH=80 man --warnings -l "$dest/usr/share/man/$page" 2>&1 >/dev/null)
        if [ -n "$out" ]; then
            echo "install-test: $page: $out"
            exit 1
        fi
    fi
done
make -s --no-print-directory uninstall DESTDIR="$dest" PREFIX=/usr
left=$(find "$dest/usr" -type f -o -type l)
if [ -n "$left" ]; then
    echo "install-test: left after uninstall: $left"
    exit 1
fi
echo "install-test: installed, built the example with pkg-config, ran it, checked the exports, uninstalled"
