#define _XOPEN_SOURCE 700 /* realpath */
#include "cli/cli.h"
#include "cli/test_prove.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* rongcuo test: the tests written in rule files. */

/* The usage text, in the command's language (CLI_USAGE_TEXT). */
#define USAGE_TEST CLI_USAGE_TEXT(usage_test)

/* Coverage gathered over every file tested, by where each part is
 * declared, so that a base's rules count its own tests and its variants'.
 * A file is one whatever its spelling (real: its realpath, or its name);
 * own when it is the author's (cover_own). */
struct cover_file {
    char *name, *real;
    bool own;
    int depth;   /* the fewest extends from a file tested to it */
    size_t rank; /* the order of the report: own files first, then
                    nearest first, then by name */
};

struct cover_item {
    enum rc_part part;
    char *id;
    size_t file, rank; /* in covers.files; that file's rank */
    int line, made_true, seen_false;
};

struct covers {
    struct cover_item *v;
    size_t n, cap;
    struct cover_file *files;
    size_t nfiles, capfiles;
};

static void *cover_grow(void *v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return v;
    *cap = *cap ? *cap * 2 : 64;
    v = realloc(v, *cap * size);
    if (!v)
        cli_out_of_memory();
    return v;
}

static char *cover_strdup(const char *s)
{
    char *t = strdup(s);
    if (!t)
        cli_out_of_memory();
    return t;
}

/* The index of the file named name in cs->files, added when new. */
static size_t cover_file(struct covers *cs, const char *name)
{
    for (size_t i = 0; i < cs->nfiles; i++)
        if (strcmp(cs->files[i].name, name) == 0)
            return i;
    char buf[PATH_MAX];
    const char *real = realpath(name, buf) ? buf : name;
    for (size_t i = 0; i < cs->nfiles; i++)
        if (strcmp(cs->files[i].real, real) == 0)
            return i;
    cs->files =
        cover_grow(cs->files, &cs->capfiles, cs->nfiles, sizeof *cs->files);
    cs->files[cs->nfiles] = (struct cover_file){
        cover_strdup(name), cover_strdup(real), false, INT_MAX, 0};
    return cs->nfiles++;
}

static void cover_add(struct covers *cs, const struct rc_cover *c, size_t f)
{
    for (size_t i = 0; i < cs->n; i++) {
        struct cover_item *x = &cs->v[i];
        if (x->part == c->part && x->line == c->line && x->file == f &&
            strcmp(x->id, c->id) == 0) {
            x->made_true |= c->made_true;
            if (x->seen_false >= 0)
                x->seen_false |= c->seen_false;
            return;
        }
    }
    cs->v = cover_grow(cs->v, &cs->cap, cs->n, sizeof *cs->v);
    cs->v[cs->n++] =
        (struct cover_item){c->part,      cover_strdup(c->id), f, 0, c->line,
                            c->made_true, c->seen_false};
}

static bool cover_declares(const struct rc_cover *items, int n,
                           const char *file)
{
    for (int k = 0; k < n; k++)
        if (strcmp(items[k].file, file) == 0)
            return true;
    return false;
}

/* Own: the file tested is its author's; so is the file a .test file, or
 * a file that declares no rule, measure or verdict line, extends (and so
 * on up while that one declares none). items (n of them) is what rs
 * declares, or NULL when its tests were not run: then only the file. */
static void cover_own(struct covers *cs, const struct rc_ruleset *rs,
                      const struct rc_cover *items, int n)
{
    const char *f;
    bool own = true;
    for (int i = 0; (f = rc_ruleset_file(rs, i)); i++) {
        size_t k = cover_file(cs, f); /* it may move cs->files */
        struct cover_file *cf = &cs->files[k];
        cf->own = cf->own || own;
        cf->depth = i < cf->depth ? i : cf->depth;
        if (!items || (cover_declares(items, n, f) &&
                       !(i == 0 && cli_has_suffix(f, ".test"))))
            own = false;
    }
}

/* Add what the last rc_ruleset_test of rs covered. */
static void cover_ruleset(struct covers *cs, const struct rc_ruleset *rs)
{
    int n = rc_ruleset_coverage(rs, NULL, 0);
    struct rc_cover *items = calloc((size_t)n + 1, sizeof *items);
    if (!items)
        cli_out_of_memory();
    rc_ruleset_coverage(rs, items, n);
    const char *last = NULL;
    size_t f = 0;
    for (int k = 0; k < n; k++) {
        if (!last || strcmp(last, items[k].file) != 0)
            f = cover_file(cs, last = items[k].file);
        cover_add(cs, &items[k], f);
    }
    cover_own(cs, rs, items, n);
    free(items);
}

static int cover_file_cmp(const void *a, const void *b)
{
    const struct cover_file *x = *(struct cover_file *const *)a,
                            *y = *(struct cover_file *const *)b;
    if (x->own != y->own)
        return y->own - x->own;
    return x->depth != y->depth ? (x->depth > y->depth ? 1 : -1)
                                : strcmp(x->name, y->name);
}

static int cover_cmp(const void *a, const void *b)
{
    const struct cover_item *x = a, *y = b;
    return x->rank != y->rank ? (x->rank > y->rank ? 1 : -1)
                              : x->line - y->line;
}

/* Sort the items by file (own files first, then nearest first, then by
 * name), then by line. */
static void cover_sort(struct covers *cs)
{
    struct cover_file **by = calloc(cs->nfiles + 1, sizeof *by);
    if (!by)
        cli_out_of_memory();
    for (size_t i = 0; i < cs->nfiles; i++)
        by[i] = &cs->files[i];
    qsort(by, cs->nfiles, sizeof *by, cover_file_cmp);
    for (size_t i = 0; i < cs->nfiles; i++)
        by[i]->rank = i;
    free(by);
    for (size_t i = 0; i < cs->n; i++)
        cs->v[i].rank = cs->files[cs->v[i].file].rank;
    qsort(cs->v, cs->n, sizeof *cs->v, cover_cmp);
}

static void cover_gaps(const struct covers *cs, size_t from, size_t to,
                       enum rc_part part, bool want_false, enum msg what)
{
    int k = 0, n = 0;
    for (size_t i = from; i < to; i++) {
        const struct cover_item *x = &cs->v[i];
        if (x->part != part || (want_false && x->seen_false < 0))
            continue;
        n++;
        k += want_false ? x->seen_false : x->made_true;
    }
    if (n == 0)
        return;
    CLI_PRINT(stdout, cli_cover_count, msg_fmt(what, cli_lang()), k, n,
              k * 100 / n);
    for (size_t i = from; i < to; i++) {
        const struct cover_item *x = &cs->v[i];
        if (x->part != part || (want_false && x->seen_false < 0) ||
            (want_false ? x->seen_false : x->made_true))
            continue;
        printf("    - %s  ", x->id);
        cli_put_text(stdout, cs->files[x->file].name);
        printf(":%d\n", x->line);
    }
}

/* Every count and gap of the items from..to, of one file. */
static void cover_file_report(const struct covers *cs, size_t from, size_t to)
{
    const struct cover_file *f = &cs->files[cs->v[from].file];
    CLI_PUTS(stdout, cli_cover_head);
    cli_put_text(stdout, f->name);
    if (f->own)
        CLI_PUTS(stdout, cli_cover_head_end);
    else
        CLI_PUTS(stdout, cli_cover_head_inherited_end);
    cover_gaps(cs, from, to, RC_RULE, false, MSG_cli_cover_rules_fired);
    cover_gaps(cs, from, to, RC_RULE, true, MSG_cli_cover_rules_false);
    cover_gaps(cs, from, to, RC_VERDICT_TABLE, false,
               MSG_cli_cover_lines_decided);
    cover_gaps(cs, from, to, RC_VERDICT_TABLE, true, MSG_cli_cover_lines_false);
    cover_gaps(cs, from, to, RC_MEASURE, false,
               MSG_cli_cover_measures_attached);
    cover_gaps(cs, from, to, RC_MEASURE, true, MSG_cli_cover_measures_not);
}

/* One line for an inherited file: how many of its parts have a gap (no
 * test made it true, or none saw it false where it can be). */
static void cover_inherited(const struct covers *cs, size_t from, size_t to)
{
    int gaps = 0;
    for (size_t i = from; i < to; i++)
        gaps += !cs->v[i].made_true || cs->v[i].seen_false == 0;
    CLI_PUTS(stdout, cli_cover_inherited);
    cli_put_text(stdout, cs->files[cs->v[from].file].name);
    if (gaps)
        CLI_PRINT(stdout, cli_cover_inherited_gaps, gaps, (int)(to - from));
    else
        CLI_PRINT(stdout, cli_cover_inherited_full, (int)(to - from));
}

/* The report: the own files in full, then each inherited file in one line
 * (in full too with all). Frees cs. */
static void cover_report(struct covers *cs, bool all)
{
    cover_sort(cs);
    for (size_t from = 0; from < cs->n;) {
        size_t to = from;
        while (to < cs->n && cs->v[to].file == cs->v[from].file)
            to++;
        if (all || cs->files[cs->v[from].file].own)
            cover_file_report(cs, from, to);
        else
            cover_inherited(cs, from, to);
        from = to;
    }
    for (size_t i = 0; i < cs->n; i++)
        free(cs->v[i].id);
    free(cs->v);
    for (size_t i = 0; i < cs->nfiles; i++) {
        free(cs->files[i].name);
        free(cs->files[i].real);
    }
    free(cs->files);
}

int cli_test(int argc, char **argv)
{
    const char *junit_path = NULL;
    bool coverage = false, coverage_all = false, prove = true;
    enum rc_lang lang;
    struct cli_paths ps = {0};
    struct covers covered = {0};
    struct test_proofs proofs = {0};
    int rc = EXIT_OK;
    bool walk_failed = false;
    static const struct option longs[] = {
        {"coverage", optional_argument, NULL, 'c'},
        {"junit", required_argument, NULL, 'J'},
        {"lang", required_argument, NULL, 'L'},
        {"no-prove", no_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *a;
    struct cli_args args;
    cli_args_init(&args, argc, argv, "h", longs, USAGE_TEST);
    for (int c; (c = cli_args_next(&args, &a)) != CLI_END;) {
        if (c == CLI_BAD || c == 'h') {
            rc = c == 'h' ? cli_help(USAGE_TEST) : EXIT_USAGE;
            goto out;
        }
        if (c == 'c' && a && strcmp(a, "all") != 0) {
            rc = CLI_USAGE(USAGE_TEST, cli_coverage_value, a);
            goto out;
        } else if (c == 'c') {
            coverage = true;
            coverage_all = coverage_all || a;
        } else if (c == 'P') {
            prove = false;
        } else if (c == 'J') {
            junit_path = a;
        } else if (c == 'L' && cli_parse_lang(a, &lang) != 0) {
            rc = CLI_USAGE(USAGE_TEST, cli_lang_value, a);
            goto out;
        } else if (c == 'L') {
            cli_lang_set(lang);
        } else if (c == CLI_FILE) {
            static const char *const rule_files[] = {".rules", ".test", NULL};
            struct stat st;
            if (stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
                if (!cli_walk(a, rule_files, &ps))
                    walk_failed = true;
            } else {
                cli_paths_add(&ps, a);
            }
        }
    }
    if (ps.n == 0) {
        rc = CLI_USAGE0(USAGE_TEST, cli_name_tests);
        goto out;
    }
    struct cli_inputs in = {NULL, 0, 0};
    for (size_t i = 0; i < ps.n; i++)
        cli_inputs_add(&in, ps.v[i]);
    FILE *junit = NULL;
    if (junit_path)
        junit = cli_open_output(junit_path, &in);
    cli_inputs_free(&in);
    if (junit_path && !junit) {
        rc = EXIT_USAGE;
        goto out;
    }
    if (junit)
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n",
              junit);
    int passed = 0, failed = 0;
    struct rc_rulecache *files = rc_rulecache_new(); /* a base read once */
    for (size_t i = 0; i < ps.n; i++) {
        struct rc_diags *d;
        struct rc_ruleset *rs = rc_ruleset_load_cached(files, ps.v[i], &d);
        cli_lang_loaded(rs, d);
        if (!rs) {
            fputs(rc_diags_text(d), stdout);
            CLI_PUTS(stdout, cli_test_fail);
            cli_put_text(stdout, ps.v[i]);
            CLI_PUTS(stdout, cli_test_no_check);
            failed++;
            rc_diags_free(d);
            continue;
        }
        rc_diags_free(d);
        const char *j = NULL;
        if (rc_ruleset_ntests(rs) > 0 || ps.n == 1) {
            const char *t = rc_ruleset_test(rs, cli_lang_given(), &passed,
                                            &failed, junit ? &j : NULL);
            if (!t)
                cli_out_of_memory();
            fputs(t, stdout);
            if (j)
                fputs(j, junit);
            if (coverage)
                cover_ruleset(&covered, rs);
            if (prove)
                test_prove(&proofs, rs, junit);
        } else if (coverage) {
            cover_own(&covered, rs, NULL, 0);
        }
        rc_ruleset_free(rs);
    }
    rc_rulecache_free(files);
    if (coverage)
        cover_report(&covered, coverage_all);
    if (junit) {
        fputs("</testsuites>\n", junit);
        if (!cli_close_output(junit, junit_path, true))
            failed++;
    }
    if (walk_failed)
        failed++;
    test_prove_summary(&proofs, passed, failed);
    rc = failed || proofs.violated || !cli_close_output(stdout, NULL, true)
             ? EXIT_CASE_ERROR
             : EXIT_OK;
out:
    test_prove_free(&proofs);
    cli_paths_free(&ps);
    return rc;
}
