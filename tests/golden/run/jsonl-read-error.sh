# A read error on JSON Lines input is an error at the file and line, and
# the run fails; the cases before it are kept. The error is injected by an
# LD_PRELOAD shim: fopen of a file whose name ends in $RC_EIO_NAME gives a
# stream that fails with EIO after $RC_EIO_AFTER bytes.
d=$(mktemp -d)
cd "$d" || exit 1
cat >eio.c <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

struct eio {
    FILE *f;
    long left;
};

static ssize_t eio_read(void *c, char *buf, size_t n)
{
    struct eio *e = c;
    if (e->left <= 0) {
        errno = EIO;
        return -1;
    }
    if ((long)n > e->left)
        n = (size_t)e->left;
    size_t got = fread(buf, 1, n, e->f);
    e->left -= (long)got;
    return (ssize_t)got;
}

static int eio_seek(void *c, off64_t *off, int whence)
{
    struct eio *e = c;
    if (fseeko(e->f, (off_t)*off, whence) != 0)
        return -1;
    *off = (off64_t)ftello(e->f);
    return 0;
}

static int eio_close(void *c)
{
    struct eio *e = c;
    int r = fclose(e->f);
    free(e);
    return r;
}

static FILE *wrap(const char *path, const char *mode, const char *real)
{
    FILE *(*next)(const char *, const char *) =
        (FILE * (*)(const char *, const char *)) dlsym(RTLD_NEXT, real);
    FILE *f = next(path, mode);
    const char *name = getenv("RC_EIO_NAME"), *after = getenv("RC_EIO_AFTER");
    size_t n = strlen(path), k = name ? strlen(name) : 0;
    if (!f || !name || !after || n < k || strcmp(path + n - k, name) != 0)
        return f;
    struct eio *e = malloc(sizeof *e);
    e->f = f;
    e->left = atol(after);
    cookie_io_functions_t io = {eio_read, NULL, eio_seek, eio_close};
    return fopencookie(e, mode, io);
}

FILE *fopen(const char *path, const char *mode)
{
    return wrap(path, mode, "fopen");
}

FILE *fopen64(const char *path, const char *mode)
{
    return wrap(path, mode, "fopen64");
}
C
cc -shared -fPIC -o eio.so eio.c -ldl || exit 1
printf 'fact a: bool\nconclusion c\nrule R when a then c\nverdict { x when c otherwise y }\n' >ok.rules
awk 'BEGIN { for (i = 1; i <= 5000; i++) printf "{\"id\": \"%d\", \"facts\": {\"a\": true}}\n", i }' >cases.jsonl
# The error cuts a line in the middle: the cases before it,
# then the error, on one thread and on two.
for j in 1 2; do
    LD_PRELOAD=$d/eio.so RC_EIO_NAME=cases.jsonl RC_EIO_AFTER=75000 \
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
        $RONGCUO run -j $j --trace none ok.rules cases.jsonl >out 2>err
    echo "exit $? (-j $j)"
    wc -l <out
    tail -n 2 out
    cat err
done
# At a line end, after 1000 whole lines.
LD_PRELOAD=$d/eio.so RC_EIO_NAME=cases.jsonl RC_EIO_AFTER=$(head -n 1000 cases.jsonl | wc -c) \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
    $RONGCUO run -j 2 --trace none ok.rules cases.jsonl >out
echo "exit $?"
tail -n 1 out
# At the very first read, in JSON.
LD_PRELOAD=$d/eio.so RC_EIO_NAME=cases.jsonl RC_EIO_AFTER=0 \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
    $RONGCUO run --format json ok.rules cases.jsonl
echo "exit $?"
# A directory named like a JSON Lines file: read as a folder of case
# files, and it has none.
mkdir dir.jsonl
$RONGCUO run ok.rules dir.jsonl
echo "exit $?"
cd / && rm -rf "$d"
