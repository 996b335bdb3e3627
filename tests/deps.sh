#!/bin/sh
# Install what the build needs (make, a C compiler, flex, bison, cmocka,
# yajl, GMP, the Z3 solver (for prove), SQLite (for the decision register,
# and its sqlite3 command for the tests), pkg-config, and OpenCC, from which the build takes the table
# that folds traditional characters to simplified ones; Graphviz, whose dot
# the tests of rongcuo graph and make graph-svg run; valgrind with the
# argument "valgrind", clang and libFuzzer with "fuzz"; with "browser",
# Debian's chromium, node and npm, and then puppeteer-core, the version
# pinned in tests/browser/package-lock.json, into build/browser without a
# browser of its own) when it is missing and we may: as root, or through
# sudo without a password. Otherwise say what to install and fail.
need=""
command -v make >/dev/null 2>&1 || need="$need make"
command -v "${CC:-cc}" >/dev/null 2>&1 || need="$need gcc libc6-dev"
[ "${1:-}" = valgrind ] && { command -v valgrind >/dev/null 2>&1 || need="$need valgrind"; }
if [ "${1:-}" = fuzz ]; then
    command -v clang >/dev/null 2>&1 || need="$need clang"
    printf 'int LLVMFuzzerTestOneInput(const char *d, long n) { return d && n; }\n' |
        clang -fsanitize=fuzzer -x c - -o /dev/null >/dev/null 2>&1 ||
        need="$need libclang-rt-14-dev"
fi
if [ "${1:-}" = browser ]; then
    [ -x /usr/bin/chromium ] || need="$need chromium"
    command -v node >/dev/null 2>&1 || need="$need nodejs"
    command -v npm >/dev/null 2>&1 || need="$need npm"
fi
command -v flex >/dev/null 2>&1 || need="$need flex"
command -v bison >/dev/null 2>&1 || need="$need bison"
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
command -v dot >/dev/null 2>&1 || need="$need graphviz"
command -v sqlite3 >/dev/null 2>&1 || need="$need sqlite3"
have_header() {
    printf '#include <stdarg.h>\n#include <stddef.h>\n#include <setjmp.h>\n#include <stdint.h>\n#include <%s>\n' "$1" |
        ${CC:-cc} -E -x c - >/dev/null 2>&1
}
if command -v "${CC:-cc}" >/dev/null 2>&1; then
    have_header cmocka.h || need="$need libcmocka-dev"
    have_header yajl/yajl_parse.h || need="$need libyajl-dev"
    have_header gmp.h || need="$need libgmp-dev"
    have_header z3.h || need="$need libz3-dev"
    have_header opencc/opencc.h || need="$need libopencc-dev"
    have_header sqlite3.h || need="$need libsqlite3-dev"
else
    need="$need libcmocka-dev libyajl-dev libgmp-dev libopencc-dev libz3-dev libsqlite3-dev"
fi
# puppeteer-core for the browser test (make browser), once per lock file.
browser_driver() {
    [ "${1:-}" = browser ] || return 0
    dir=$(dirname "$0")/../build/browser
    cmp -s "$(dirname "$0")/browser/package-lock.json" "$dir/package-lock.json" &&
        [ -d "$dir/node_modules/puppeteer-core" ] && return 0
    mkdir -p "$dir" &&
        cp "$(dirname "$0")/browser/package.json" "$(dirname "$0")/browser/package-lock.json" "$dir/" &&
        (cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
        { echo "rongcuo: npm ci of puppeteer-core into build/browser failed" >&2; exit 1; }
}
[ -z "$need" ] && { browser_driver "${1:-}"; exit 0; }
if [ "$(id -u)" = 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
else
    echo "rongcuo: the build needs:$need" >&2
    echo "rongcuo: install them with: sudo apt-get install$need" >&2
    exit 1
fi
echo "rongcuo: installing$need" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null &&
    $sudo apt-get install -y -qq $need >/dev/null ||
    { echo "rongcuo: apt-get install$need failed" >&2; exit 1; }
browser_driver "${1:-}"
