#include "cli/cli.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* rongcuo test: the tests written in rule files. */

static const char usage_test[] =
    "usage: rongcuo test [OPTIONS] PATH...\n"
    "\n"
    "Run the tests written in rule files (test \"…\" { given … expect … })\n"
    "against the rule set of the file they are in, bases included. A PATH\n"
    "is a .rules or .test file, or a folder searched for them. Prints a\n"
    "line per test; a failing test shows what it expected, what it got and\n"
    "the trace of the actual outcome. Ends with \"N passed, M failed\".\n"
    "\n"
    "options:\n"
    "  --coverage              also show, for every rule, measure and\n"
    "                          verdict line declared in the files tested or\n"
    "                          their bases, whether some test made it true\n"
    "                          and some test saw it false, and list the gaps;\n"
    "                          a base's rules count the tests of the base and\n"
    "                          of the variants tested with it\n"
    "  --junit FILE            also write the results as JUnit XML to FILE\n"
    "                          (it appears only when the run completes, as\n"
    "                          for run -o)\n"
    "  --lang en|zh-Hant|zh-Hans\n"
    "                          language of the report and of the traces of\n"
    "                          failing tests (default: the keyword language\n"
    "                          of the first rule file)\n"
    "  -h, --help              show this help\n"
    "\n"
    "exit status: 0 every test passed, 1 some test failed, a rule file\n"
    "does not check or cannot be read, a folder cannot be read, or the\n"
    "report could not be written, 2 bad usage (including a --junit file\n"
    "that cannot be created or may not be replaced).\n";

/* Coverage gathered over every file tested, by where each part is
 * declared, so that a base's rules count its own tests and its variants'. */
struct cover_item {
    enum rc_part part;
    char *id, *file;
    int line, made_true, seen_false;
};

struct covers {
    struct cover_item *v;
    size_t n, cap;
};

static void cover_add(struct covers *cs, const struct rc_cover *c)
{
    for (size_t i = 0; i < cs->n; i++) {
        struct cover_item *x = &cs->v[i];
        if (x->part == c->part && x->line == c->line &&
            strcmp(x->file, c->file) == 0 && strcmp(x->id, c->id) == 0) {
            x->made_true |= c->made_true;
            if (x->seen_false >= 0)
                x->seen_false |= c->seen_false;
            return;
        }
    }
    if (cs->n == cs->cap) {
        cs->cap = cs->cap ? cs->cap * 2 : 64;
        cs->v = realloc(cs->v, cs->cap * sizeof *cs->v);
        if (!cs->v)
            cli_out_of_memory();
    }
    cs->v[cs->n++] =
        (struct cover_item){c->part, strdup(c->id), strdup(c->file),
                            c->line, c->made_true,  c->seen_false};
}

static int cover_cmp(const void *a, const void *b)
{
    const struct cover_item *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    return c ? c : x->line - y->line;
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
        cli_put_text(stdout, x->file);
        printf(":%d\n", x->line);
    }
}

static void cover_report(struct covers *cs)
{
    qsort(cs->v, cs->n, sizeof *cs->v, cover_cmp);
    for (size_t from = 0; from < cs->n;) {
        size_t to = from;
        while (to < cs->n && strcmp(cs->v[to].file, cs->v[from].file) == 0)
            to++;
        CLI_PUTS(stdout, cli_cover_head);
        cli_put_text(stdout, cs->v[from].file);
        CLI_PUTS(stdout, cli_cover_head_end);
        cover_gaps(cs, from, to, RC_RULE, false, MSG_cli_cover_rules_fired);
        cover_gaps(cs, from, to, RC_RULE, true, MSG_cli_cover_rules_false);
        cover_gaps(cs, from, to, RC_VERDICT_TABLE, false,
                   MSG_cli_cover_lines_decided);
        cover_gaps(cs, from, to, RC_VERDICT_TABLE, true,
                   MSG_cli_cover_lines_false);
        cover_gaps(cs, from, to, RC_MEASURE, false,
                   MSG_cli_cover_measures_attached);
        cover_gaps(cs, from, to, RC_MEASURE, true, MSG_cli_cover_measures_not);
        from = to;
    }
    for (size_t i = 0; i < cs->n; i++) {
        free(cs->v[i].id);
        free(cs->v[i].file);
    }
    free(cs->v);
}

int cli_test(int argc, char **argv)
{
    const char *junit_path = NULL;
    bool coverage = false;
    enum rc_lang lang;
    struct cli_paths ps = {0};
    struct covers covered = {0};
    int rc = EXIT_OK;
    bool walk_failed = false;
    static const struct option longs[] = {
        {"coverage", no_argument, NULL, 'c'},
        {"junit", required_argument, NULL, 'J'},
        {"lang", required_argument, NULL, 'L'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *a;
    struct cli_args args;
    cli_args_init(&args, argc, argv, "h", longs, usage_test);
    for (int c; (c = cli_args_next(&args, &a)) != CLI_END;) {
        if (c == CLI_BAD || c == 'h') {
            rc = c == 'h' ? cli_help(usage_test) : EXIT_USAGE;
            goto out;
        }
        if (c == 'c') {
            coverage = true;
        } else if (c == 'J') {
            junit_path = a;
        } else if (c == 'L' && cli_parse_lang(a, &lang) != 0) {
            rc = CLI_USAGE(usage_test, cli_lang_value, a);
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
        rc = CLI_USAGE0(usage_test, cli_name_tests);
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
    for (size_t i = 0; i < ps.n; i++) {
        struct rc_diags *d;
        struct rc_ruleset *rs = rc_ruleset_load(ps.v[i], &d);
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
            if (coverage) {
                int n = rc_ruleset_coverage(rs, NULL, 0);
                struct rc_cover *items = calloc((size_t)n + 1, sizeof *items);
                if (!items)
                    cli_out_of_memory();
                rc_ruleset_coverage(rs, items, n);
                for (int k = 0; k < n; k++)
                    cover_add(&covered, &items[k]);
                free(items);
            }
        }
        rc_ruleset_free(rs);
    }
    if (coverage)
        cover_report(&covered);
    if (junit) {
        fputs("</testsuites>\n", junit);
        if (!cli_close_output(junit, junit_path, true))
            failed++;
    }
    if (walk_failed)
        failed++;
    CLI_PRINT(stdout, cli_test_summary, passed, failed);
    rc = failed || !cli_close_output(stdout, NULL, true) ? EXIT_CASE_ERROR
                                                         : EXIT_OK;
out:
    cli_paths_free(&ps);
    return rc;
}
