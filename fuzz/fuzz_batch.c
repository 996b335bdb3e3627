/* libFuzzer target: the threaded batch reader. The input is written to a
 * JSON Lines file when it starts with '{', else to a .case file, run through
 * rc_cases_run on one thread and on two: the two outputs must be the same byte
 * for byte, with the same counts. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/rongcuo.h"
#include "fuzz/fuzz_files.h"
#include "fuzz/fuzz_ruletext.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_out {
    char *p;
    size_t len, cap;
};

static int fuzz_collect(void *ctx, const char *d, size_t n)
{
    struct fuzz_out *o = ctx;
    if (o->len + n + 1 > o->cap) {
        size_t cap = (o->len + n + 1) * 2;
        char *p = realloc(o->p, cap);
        if (!p)
            abort();
        o->p = p;
        o->cap = cap;
    }
    memcpy(o->p + o->len, d, n);
    o->len += n;
    return 0;
}

static struct rc_ruleset *fuzz_ruleset(void)
{
    static struct rc_ruleset *rs;
    if (rs)
        return rs;
    struct rc_diags *dg = NULL;
    rs = rc_ruleset_load_buffer("fuzz.rules", fuzz_rules, strlen(fuzz_rules),
                                &dg);
    if (!rs) {
        fputs(rc_diags_text(dg), stderr);
        abort();
    }
    rc_diags_free(dg);
    return rs;
}

/* One run of the file at path on `threads` threads. */
static void fuzz_batch_run(const char *path, int threads, enum rc_format f,
                           const char *why_not, struct fuzz_out *out,
                           struct rc_counts *counts)
{
    struct rc_cases *cs = rc_cases_open(fuzz_ruleset(), path);
    if (!cs)
        abort();
    if (rc_cases_run(cs, threads, f, RC_LANG_AUTO, why_not, fuzz_collect, out,
                     counts) != 0)
        abort();
    rc_cases_close(cs);
}

static void fuzz_compare(const char *path, enum rc_format f,
                         const char *why_not)
{
    struct fuzz_out one = {0}, two = {0};
    struct rc_counts c1 = {0}, c2 = {0};
    fuzz_batch_run(path, 1, f, why_not, &one, &c1);
    fuzz_batch_run(path, 2, f, why_not, &two, &c2);
    if (one.len != two.len || (one.len && memcmp(one.p, two.p, one.len)) ||
        c1.decided != c2.decided || c1.undetermined != c2.undetermined ||
        c1.errors != c2.errors) {
        fprintf(stderr, "fuzz_batch: %s: 2 threads differ from 1\n", path);
        abort();
    }
    free(one.p);
    free(two.p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the format and why-not vary with the input, deterministically */
    unsigned h = 0;
    for (size_t i = 0; i < size && i < 64; i++)
        h = h * 31 + data[i];
    enum rc_format f = (enum rc_format)(h % 4);
    const char *why_not = h / 4 % 2 ? "容錯免責" : NULL;
    const char *name = size && data[0] == '{' ? "in.jsonl" : "in.case";
    fuzz_compare(fuzz_write(name, data, size), f, why_not);
    return 0;
}
