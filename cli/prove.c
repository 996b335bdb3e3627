/*
 * rongcuo prove: decide every bottom line (LANGUAGE.md §10) of each rule
 * file over every possible case, with the solver (prove/report.h).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "engine/sbuf.h"
#include "prove/report.h"

/* The usage text, in the command's language (CLI_USAGE_TEXT). */
#define USAGE_PROVE CLI_USAGE_TEXT(usage_prove)
#define USAGE_DIFF  CLI_USAGE_TEXT(usage_prove_diff)

enum { OPT_FORMAT = 256, OPT_LANG };

struct prove_opts {
    const char *usage;
    bool json;
    const char *out;
    const char **files;
    int nfiles;
};

static int prove_option(struct prove_opts *o, int c, const char *v)
{
    enum rc_lang l;
    if (c == 'h')
        return cli_help(o->usage);
    if (c == 'o')
        o->out = v;
    else if (c == OPT_FORMAT &&
             (strcmp(v, "text") == 0 || strcmp(v, "json") == 0))
        o->json = v[0] == 'j';
    else if (c == OPT_FORMAT)
        return CLI_USAGE(o->usage, cli_format_value, v);
    else if (c == OPT_LANG && cli_parse_lang(v, &l) != 0)
        return CLI_USAGE(o->usage, cli_lang_value, v);
    else if (c == OPT_LANG)
        cli_lang_set(l);
    else if (c == CLI_FILE)
        o->files[o->nfiles++] = v;
    return -1;
}

/* The options and files: -1, or an exit status. */
static int prove_args(int argc, char **argv, struct prove_opts *o)
{
    static const struct option longs[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"lang", required_argument, NULL, OPT_LANG},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *v;
    struct cli_args args;
    cli_args_init(&args, argc, argv, "o:h", longs, o->usage);
    for (int c, rc; (c = cli_args_next(&args, &v)) != CLI_END;) {
        if (c == CLI_BAD)
            return EXIT_USAGE;
        if ((rc = prove_option(o, c, v)) != -1)
            return rc;
    }
    if (o->nfiles == 0 && o->usage == USAGE_PROVE)
        return CLI_USAGE0(o->usage, cli_name_rules_prove);
    if (o->nfiles != 2 && o->usage != USAGE_PROVE)
        return CLI_USAGE0(o->usage, cli_name_rules_prove_diff);
    return -1;
}

/* Prove the bottom lines of each rule set loaded into out; whether all
 * are proven. */
static bool prove_all(const struct prove_opts *o, struct rc_ruleset **rs,
                      FILE *out)
{
    bool all = true;
    for (int i = 0; i < o->nfiles; i++) {
        if (!rs[i])
            continue;
        enum rc_lang given = cli_lang_given();
        enum lang lang =
            (enum lang)(given != RC_LANG_AUTO ? given : rc_ruleset_lang(rs[i]));
        struct sbuf b = {0};
        struct prove_counts n = {0, 0, 0};
        prove_report(rs[i], o->files[i], lang, o->json, &b, &n);
        if (!o->json) {
            char c[64];
            long total = n.proven + n.violated + n.undecided;
            snprintf(c, sizeof c,
                     msg_fmt(total == 1 ? MSG_prove_n_line : MSG_prove_n_lines,
                             lang),
                     total);
            SB_MSG(&b, lang, prove_summary, o->files[i], c, n.proven,
                   n.violated, n.undecided);
            sb_putc(&b, '\n');
        }
        if (b.len)
            fwrite(b.p, 1, b.len, out);
        sb_free(&b);
        all = all && n.violated == 0 && n.undecided == 0;
    }
    return all;
}

int cli_prove(int argc, char **argv)
{
    struct prove_opts o = {USAGE_PROVE, false, NULL, NULL, 0};
    o.files = calloc((size_t)argc + 1, sizeof *o.files);
    struct rc_ruleset **rs = calloc((size_t)argc + 1, sizeof *rs);
    if (!o.files || !rs)
        cli_out_of_memory();
    int rc = prove_args(argc, argv, &o);
    bool loaded = true;
    struct cli_inputs in = {NULL, 0, 0};
    for (int i = 0; rc == -1 && i < o.nfiles; i++) {
        rs[i] = cli_load(o.files[i]);
        loaded = loaded && rs[i];
        cli_inputs_add(&in, o.files[i]);
        if (rs[i])
            cli_inputs_add_rules(&in, rs[i]);
    }
    FILE *out = rc == -1 ? cli_open_output(o.out, &in) : NULL;
    cli_inputs_free(&in);
    if (rc == -1 && !out)
        rc = EXIT_USAGE;
    if (rc == -1) {
        bool all = prove_all(&o, rs, out);
        bool written = cli_close_output(out, o.out, true);
        rc = all && loaded && written ? EXIT_OK : EXIT_CASE_ERROR;
        prove_report_finalize();
    }
    for (int i = 0; i < o.nfiles; i++)
        rc_ruleset_free(rs[i]);
    free(rs);
    free(o.files);
    return rc;
}

/* rongcuo-prove diff OLD NEW: symbolic diff (prove/diff.h). */
int cli_prove_diff(int argc, char **argv)
{
    const char *files[3] = {NULL, NULL, NULL};
    struct prove_opts o = {USAGE_DIFF, false, NULL, files, 0};
    if (argc > 3) /* the usage error names the count */
        o.files = calloc((size_t)argc + 1, sizeof *o.files);
    if (!o.files)
        cli_out_of_memory();
    int rc = prove_args(argc, argv, &o);
    struct rc_ruleset *rs[2] = {NULL, NULL};
    struct cli_inputs in = {NULL, 0, 0};
    for (int i = 0; rc == -1 && i < 2; i++) {
        rs[i] = cli_load(o.files[i]);
        cli_inputs_add(&in, o.files[i]);
        if (rs[i])
            cli_inputs_add_rules(&in, rs[i]);
    }
    if (rc == -1 && (!rs[0] || !rs[1]))
        rc = EXIT_CASE_ERROR;
    FILE *out = rc == -1 ? cli_open_output(o.out, &in) : NULL;
    cli_inputs_free(&in);
    if (rc == -1 && !out)
        rc = EXIT_USAGE;
    if (rc == -1) {
        enum rc_lang given = cli_lang_given();
        enum lang lang =
            (enum lang)(given != RC_LANG_AUTO ? given : rc_ruleset_lang(rs[1]));
        struct sbuf b = {0};
        int changes, undecided;
        prove_diff_report(rs[0], rs[1], o.files[0], o.files[1], lang, o.json,
                          &b, &changes, &undecided);
        if (b.len)
            fwrite(b.p, 1, b.len, out);
        sb_free(&b);
        bool written = cli_close_output(out, o.out, true);
        rc = undecided == 0 && written ? EXIT_OK : EXIT_CASE_ERROR;
        prove_report_finalize();
    }
    rc_ruleset_free(rs[0]);
    rc_ruleset_free(rs[1]);
    if (o.files != files)
        free(o.files);
    return rc;
}
