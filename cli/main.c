/*
 * The rongcuo command: check rule files and run them over case files. It
 * uses the engine's interface (engine/rongcuo.h) and nothing else.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sys/stat.h>

#include "cli/cli.h"
#include "register/register.h"

#ifndef RONGCUO_VERSION
#error "RONGCUO_VERSION comes from the Makefile"
#endif

/* The usage texts, in the command's language (CLI_USAGE_TEXT). */
#define USAGE_MAIN  CLI_USAGE_TEXT(usage_main)
#define USAGE_RUN   CLI_USAGE_TEXT(usage_run)
#define USAGE_CHECK CLI_USAGE_TEXT(usage_check)
#define USAGE_SHOW  CLI_USAGE_TEXT(usage_show)

enum {
    OPT_FORMAT = 256,
    OPT_LANG,
    OPT_TRACE,
    OPT_WHY_NOT,
    OPT_NO_ANALYSIS,
    OPT_REGISTER
};

/* --lang's value v into the command's language: -1, or the exit status
 * of a usage error. */
static int lang_option(const char *usage, const char *v)
{
    enum rc_lang l;
    if (cli_parse_lang(v, &l) != 0)
        return CLI_USAGE(usage, cli_lang_value, v);
    cli_lang_set(l);
    return -1;
}

/* check's last line: "R: ok: 13 facts, …" or "R: 2 errors", and the
 * warnings. */
static void check_summary(const char *rules, struct rc_ruleset *rs,
                          struct rc_diags *d, int more)
{
    char a[64], b[64], c[64], e[64], w[64];
    int warnings = rc_diags_warnings(d) + more;
    if (rs) {
        int nf, nr, nc, nm;
        rc_ruleset_counts(rs, &nf, &nr, &nc, &nm);
        CLI_PRINT(stdout, cli_check_ok, rules,
                  CLI_COUNT(a, nf, cli_n_fact, cli_n_facts),
                  CLI_COUNT(b, nc, cli_n_conclusion, cli_n_conclusions),
                  CLI_COUNT(c, nr, cli_n_rule, cli_n_rules),
                  CLI_COUNT(e, nm, cli_n_measure, cli_n_measures));
    } else {
        CLI_PRINT(stdout, cli_check_failed, rules,
                  CLI_COUNT(a, rc_diags_errors(d), cli_n_error, cli_n_errors));
    }
    if (warnings)
        CLI_PRINT(stdout, cli_and_warnings,
                  CLI_COUNT(w, warnings, cli_n_warning, cli_n_warnings));
    putchar('\n');
}

/* check's options and rule file: -1, or an exit status. */
static int check_args(int argc, char **argv, const char **rules,
                      const char **lang, bool *analysis)
{
    static const struct option longs[] = {
        {"lang", required_argument, NULL, OPT_LANG},
        {"no-analysis", no_argument, NULL, OPT_NO_ANALYSIS},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *v;
    struct cli_args args;
    cli_args_init(&args, argc, argv, "h", longs, USAGE_CHECK);
    for (int c, rc; (c = cli_args_next(&args, &v)) != CLI_END;) {
        if (c == CLI_BAD)
            return EXIT_USAGE;
        if (c == 'h')
            return cli_help(USAGE_CHECK);
        if (c == OPT_LANG && (rc = lang_option(USAGE_CHECK, v)) != -1)
            return rc;
        if (c == OPT_LANG)
            *lang = v;
        else if (c == OPT_NO_ANALYSIS)
            *analysis = false;
        else if (*rules)
            return CLI_USAGE(USAGE_CHECK, cli_one_rule_file, v);
        else
            *rules = v;
    }
    if (!*rules)
        return CLI_USAGE0(USAGE_CHECK, cli_name_rules_check);
    return -1;
}

static int cmd_check(int argc, char **argv)
{
    const char *rules = NULL, *lang = NULL;
    bool analysis = true;
    int rc = check_args(argc, argv, &rules, &lang, &analysis);
    if (rc != -1)
        return rc;
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load(rules, &d);
    cli_lang_loaded(rs, d);
    fputs(rc_diags_text(d), stdout);
    /* the solver's warnings: only for a rule set that checks */
    int more = rs && analysis ? cli_check_analysis(rs, rules, lang) : 0;
    check_summary(rules, rs, d, more);
    rc_diags_free(d);
    rc_ruleset_free(rs);
    if (!cli_close_output(stdout, NULL, true))
        return EXIT_CASE_ERROR;
    return rs ? EXIT_OK : EXIT_USAGE;
}

static int cmd_show(int argc, char **argv)
{
    static const struct option longs[] = {
        {"lang", required_argument, NULL, OPT_LANG},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *rules = NULL, *v;
    struct cli_args args;
    cli_args_init(&args, argc, argv, "h", longs, USAGE_SHOW);
    for (int c, rc; (c = cli_args_next(&args, &v)) != CLI_END;) {
        if (c == CLI_BAD)
            return EXIT_USAGE;
        if (c == 'h')
            return cli_help(USAGE_SHOW);
        if (c == OPT_LANG && (rc = lang_option(USAGE_SHOW, v)) != -1)
            return rc;
        if (c == CLI_FILE && rules)
            return CLI_USAGE(USAGE_SHOW, cli_one_rule_file, v);
        if (c == CLI_FILE)
            rules = v;
    }
    if (!rules)
        return CLI_USAGE0(USAGE_SHOW, cli_name_rules_show);
    enum rc_lang lang = cli_lang_given();
    struct rc_ruleset *rs = cli_load_only(rules);
    if (!rs)
        return EXIT_USAGE;
    const char *shown = rc_ruleset_show(rs, lang);
    if (!shown)
        cli_out_of_memory();
    fputs(shown, stdout);
    rc_ruleset_free(rs);
    return cli_close_output(stdout, NULL, true) ? EXIT_OK : EXIT_CASE_ERROR;
}

struct run_opts {
    enum rc_format format;
    const char *out;
    const char *why_not;
    const char *reg; /* --register FILE.db */
    bool quiet, brief;
    int threads;
};

/* Where the traces go, and the progress line on a terminal. */
struct sink {
    struct cli_records *out;
    struct rc_report *rep; /* --format html: the report the cases go to */
    int rrc;               /* what it said when it stopped the run */
    int werr;
    long done;
    int shown;
    struct rc_cases *cs;
    bool progress;
    double start;
};

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int put(void *ctx, const char *data, size_t len)
{
    struct sink *s = ctx;
    if (s->rep && (s->rrc = rc_report_add(s->rep, data, len)) != 0)
        return 1;
    if (!s->rep && (s->werr = cli_records_put(s->out, data, len)) != 0)
        return 1;
    if (s->progress && ++s->done % 2048 == 0) {
        double t = now() - s->start, rate = (double)s->done / t;
        double frac = rc_cases_progress(s->cs);
        fputs("\r\033[K", stderr);
        CLI_PRINT(stderr, cli_progress, s->done, rate);
        if (frac > 0.01 && frac < 1)
            CLI_PRINT(stderr, cli_progress_left, t / frac - t);
        s->shown = 1;
    }
    return 0;
}

/* One option of run and its value v: -1, or the exit status of a usage
 * error or of --help. */
static int run_option(struct run_opts *o, int c, const char *v)
{
    if (c == 'h')
        return cli_help(USAGE_RUN);
    if (c == 'q')
        o->quiet = true;
    else if (c == 'o')
        o->out = v;
    else if (c == OPT_WHY_NOT)
        o->why_not = v;
    else if (c == OPT_REGISTER)
        o->reg = v;
    else if (c == OPT_FORMAT &&
             (strcmp(v, "text") == 0 || strcmp(v, "json") == 0))
        o->format = v[0] == 'j' ? RC_JSON : RC_TEXT;
    else if (c == OPT_FORMAT && strcmp(v, "html") == 0)
        o->format = RC_HTML;
    else if (c == OPT_FORMAT)
        return CLI_USAGE(USAGE_RUN, html_format_value, v);
    else if (c == OPT_LANG)
        return lang_option(USAGE_RUN, v);
    else if (c == OPT_TRACE && strcmp(v, "none") != 0 && strcmp(v, "full") != 0)
        return CLI_USAGE(USAGE_RUN, cli_trace_value, v);
    else if (c == OPT_TRACE)
        o->brief = v[0] == 'n';
    else if (c == 'j') {
        char *end;
        long j = strtol(v, &end, 10);
        if (*v == '\0' || *end || j < 1 || j > 64)
            return CLI_USAGE(USAGE_RUN, cli_threads_value, v);
        o->threads = (int)j;
    }
    return -1;
}

/* The options and file names of run: -1, or an exit status. */
static int run_args(int argc, char **argv, struct run_opts *o,
                    const char **rules, const char **files, int *nfiles)
{
    static const struct option longs[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"lang", required_argument, NULL, OPT_LANG},
        {"trace", required_argument, NULL, OPT_TRACE},
        {"why-not", required_argument, NULL, OPT_WHY_NOT},
        {"register", required_argument, NULL, OPT_REGISTER},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *v;
    struct cli_args args;
    cli_args_init(&args, argc, argv, "o:j:qh", longs, USAGE_RUN);
    for (int c, rc; (c = cli_args_next(&args, &v)) != CLI_END;) {
        if (c == CLI_BAD)
            return EXIT_USAGE;
        if (c == CLI_FILE && !*rules)
            *rules = v;
        else if (c == CLI_FILE)
            files[(*nfiles)++] = v;
        else if ((rc = run_option(o, c, v)) != -1)
            return rc;
    }
    if (!*rules)
        return CLI_USAGE0(USAGE_RUN, cli_name_rules_and_cases);
    if (*nfiles == 0)
        return CLI_USAGE0(USAGE_RUN, cli_name_case_file);
    return -1;
}

/* "rongcuo: 3 cases: 2 decided, 0 undetermined, 1 error", and the case
 * IDs used twice (the traces say which). */
static void run_summary(const struct rc_counts *n, long warnings)
{
    char a[64], b[64], w[64];
    long total = n->decided + n->undetermined + n->errors;
    CLI_PRINT(stderr, cli_run_summary,
              CLI_COUNT(a, total, cli_n_case, cli_n_cases), n->decided,
              n->undetermined,
              CLI_COUNT(b, n->errors, cli_run_n_error, cli_run_n_errors));
    if (warnings)
        CLI_PRINT(stderr, cli_and_warnings,
                  CLI_COUNT(w, warnings, cli_n_warning, cli_n_warnings));
    fputc('\n', stderr);
}

static int put_records(void *ctx, const char *data, size_t len)
{
    return cli_records_put(ctx, data, len);
}

/* --format html: the report written whole once every case is in; whether
 * memory ran out (oom: it had already). */
static bool report_end(struct sink *s, bool oom)
{
    if (s->rep && !oom && !s->rrc && !s->werr)
        s->rrc = rc_report_write(s->rep, put_records, s->out);
    rc_report_free(s->rep);
    s->rep = NULL;
    return oom || s->rrc == RC_RUN_NO_MEMORY;
}

static bool is_case_path(const char *s)
{
    return cli_has_suffix(s, ".case") || cli_has_suffix(s, ".jsonl");
}

/* The rule file named after the cases (rongcuo run CASES RULES): said,
 * with the order to write, before anything is read. 0 when the order is
 * right. */
static int swapped(const char *rules, const char **files, int nfiles)
{
    if (!is_case_path(rules))
        return 0;
    const char *real = NULL;
    for (int i = 0; i < nfiles && !real; i++)
        if (cli_has_suffix(files[i], ".rules"))
            real = files[i];
    CLI_PRINT(stderr, cli_prefixed, "");
    CLI_PRINT(stderr, cli_rules_first, rules);
    fputc('\n', stderr);
    CLI_PRINT(stderr, cli_rules_first_hint, real ? real : "RULES", rules);
    return EXIT_USAGE;
}

/* The case files to run: files with each folder replaced by the .case and
 * .jsonl files below it, in name order (as `test` reads a folder); false
 * after a message. */
static bool case_paths_of(struct cli_paths *c, const char **files, int n)
{
    static const char *const case_files[] = {".case", ".jsonl", NULL};
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(files[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
            cli_paths_add(c, files[i]); /* its reading says what is wrong */
            continue;
        }
        size_t before = c->n;
        if (!cli_walk(files[i], case_files, c))
            return false;
        if (c->n == before) {
            CLI_PRINT(stderr, cli_prefixed, "");
            CLI_PRINT(stderr, cli_no_cases_in_folder, files[i]);
            fputc('\n', stderr);
            return false;
        }
    }
    return true;
}

/* --register FILE.db: the register opened before the run (none of the
 * case files may be standard input); NULL after a message. */
static struct reg *register_open(const char *path, const struct cli_paths *cp)
{
    for (size_t i = 0; i < cp->n; i++)
        if (strcmp(cp->v[i], "-") == 0) {
            CLI_PRINT(stderr, cli_prefixed, "");
            CLI_PUTS(stderr, reg_stdin);
            fputc('\n', stderr);
            return NULL;
        }
    return reg_open(path, true);
}

/* The end of the register's recording: the run's exit status rc, or
 * EXIT_USAGE when the register failed (said). */
static int run_register(struct reg *reg, struct reg_run *rr,
                        const struct run_opts *o, int rc)
{
    long n = rr ? reg_run_end(rr) : -1;
    reg_close(reg);
    if (n < 0)
        return EXIT_USAGE;
    if (!o->quiet && rc != EXIT_USAGE) {
        CLI_PRINT(stderr, cli_prefixed, "");
        CLI_PRINT(stderr, reg_recorded, n, o->reg);
        fputc('\n', stderr);
    }
    return rc;
}

static int cmd_run(int argc, char **argv)
{
    struct run_opts o = {RC_TEXT, NULL, NULL, NULL, false, false, 1};
    const char *rules = NULL;
    const char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0, rc = EXIT_OK;
    if (!files)
        return EXIT_USAGE;
    if ((rc = run_args(argc, argv, &o, &rules, files, &nfiles)) != -1 ||
        (rc = swapped(rules, files, nfiles)) != 0) {
        free(files);
        return rc;
    }
    struct cli_paths cp = {0};
    if (!case_paths_of(&cp, files, nfiles)) {
        cli_paths_free(&cp);
        free(files);
        return EXIT_USAGE;
    }
    free(files);
    files = (const char **)cp.v;
    nfiles = (int)cp.n;
    rc = EXIT_OK;
    struct rc_ruleset *rs = cli_load(rules);
    if (!rs) {
        cli_paths_free(&cp);
        return EXIT_USAGE;
    }
    if (o.why_not && o.brief) {
        rc_ruleset_free(rs);
        cli_paths_free(&cp);
        return CLI_USAGE0(USAGE_RUN, cli_why_not_brief);
    }
    struct rc_eval *ev = rc_eval_new(rs);
    if (!ev)
        cli_out_of_memory();
    const char *near = NULL;
    if (o.why_not && rc_eval_why_not(ev, o.why_not, &near) != 0) {
        CLI_PRINT(stderr, cli_no_such_verdict, rules, o.why_not);
        if (near)
            CLI_PRINT(stderr, cli_hint_did_you_mean, near);
        rc_eval_free(ev);
        rc_ruleset_free(rs);
        cli_paths_free(&cp);
        return EXIT_USAGE;
    }
    rc_eval_free(ev);
    struct reg *reg = o.reg ? register_open(o.reg, &cp) : NULL;
    struct reg_run *rr = reg ? reg_run_begin(reg, rs) : NULL;
    if (o.reg && !rr) {
        reg_close(reg);
        rc_ruleset_free(rs);
        cli_paths_free(&cp);
        return EXIT_USAGE;
    }
    struct cli_inputs in = {NULL, 0, 0};
    cli_inputs_add(&in, rules);
    cli_inputs_add_rules(&in, rs);
    for (int i = 0; i < nfiles; i++)
        cli_inputs_add(&in, files[i]);
    FILE *out = cli_open_output(o.out, &in);
    cli_inputs_free(&in);
    if (!out) {
        if (rr)
            reg_run_end(rr);
        reg_close(reg);
        rc_ruleset_free(rs);
        cli_paths_free(&cp);
        return EXIT_USAGE;
    }
    static struct cli_records records;
    cli_records_init(&records, out);
    struct sink sink = {.out = &records,
                        .progress = !o.quiet && isatty(STDERR_FILENO),
                        .start = now()};
    struct rc_counts count = {0, 0, 0};
    enum rc_format format =
        o.brief && o.format != RC_HTML
            ? (o.format == RC_JSON ? RC_JSON_BRIEF : RC_TEXT_BRIEF)
            : o.format;
    bool oom = false;
    if (o.format == RC_HTML &&
        !(sink.rep = rc_report_new(rs, NULL, cli_lang_given())))
        sink.rrc = RC_REPORT_SPOOL; /* the likelier of its two causes */
    long warnings = 0;
    struct rc_also also;
    if (rr)
        reg_run_also(rr, &also);
    for (int i = 0; i < nfiles && !sink.werr && !sink.rrc && !oom; i++) {
        struct rc_cases *cs = rc_cases_open(rs, files[i]);
        sink.cs = cs;
        oom = !cs || rc_cases_run_also(cs, o.threads, format, cli_lang_given(),
                                       o.why_not, put, &sink, rr ? &also : NULL,
                                       &count) == RC_RUN_NO_MEMORY;
        warnings += cs ? rc_cases_warnings(cs) : 0;
        rc_cases_close(cs);
    }
    if (sink.shown)
        fputs("\r\033[K", stderr);
    if (count.errors)
        rc = EXIT_CASE_ERROR;
    oom = report_end(&sink, oom);
    if (sink.rrc == RC_REPORT_SPOOL) {
        CLI_PUTS(stderr, html_spool_failed);
        o.quiet = true;
        if (out != stdout)
            cli_close_output(out, o.out, false); /* drops the partial file */
        rc = EXIT_USAGE;
    } else if (oom) {
        CLI_PUTS(stderr, cli_out_of_memory_run);
        o.quiet = true; /* the counts would include cases not written */
        cli_records_flush(&records); /* the cases before, in order */
        if (out != stdout)
            cli_close_output(out, o.out, false); /* drops the partial file */
        rc = EXIT_USAGE;
    } else if (!cli_records_close(&records, out, o.out)) {
        rc = EXIT_CASE_ERROR;
    } else if (records.err == EPIPE) {
        o.quiet = true; /* the reader has gone: end quietly */
    }
    if (!o.quiet)
        run_summary(&count, warnings);
    if (reg)
        rc = run_register(reg, rr, &o, rc);
    rc_ruleset_free(rs);
    cli_paths_free(&cp);
    return rc;
}

/* rongcuo prove runs rongcuo-prove prove … */
static int prove_exec(char **argv)
{
    cli_prover_exec(argv);
    CLI_PRINT(stderr, cli_prefixed, "");
    CLI_PRINT(stderr, cli_no_prover, strerror(errno));
    fputc('\n', stderr);
    return EXIT_USAGE;
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    cli_lang_init(argc, argv);
    if (argc < 2)
        return CLI_USAGE0(USAGE_MAIN, cli_name_command);
    const char *cmd = argv[1];
    if (cli_is_help(cmd)) {
        return cli_help(USAGE_MAIN);
    }
    if (strcmp(cmd, "--version") == 0) {
        return cli_help("rongcuo " RONGCUO_VERSION "\n");
    }
    if (strcmp(cmd, "run") == 0)
        return cmd_run(argc - 1, argv + 1);
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "show") == 0)
        return cmd_show(argc - 1, argv + 1);
    if (strcmp(cmd, "test") == 0)
        return cli_test(argc - 1, argv + 1);
    if (strcmp(cmd, "diff") == 0)
        return cli_diff(argc - 1, argv + 1);
    if (strcmp(cmd, "graph") == 0)
        return cli_graph(argc - 1, argv + 1);
    if (strcmp(cmd, "prove") == 0)
        return prove_exec(argv);
    if (strcmp(cmd, "fmt") == 0)
        return cli_fmt(argc - 1, argv + 1);
    if (strcmp(cmd, "history") == 0)
        return reg_history_cmd(argc - 1, argv + 1);
    if (strcmp(cmd, "replay") == 0)
        return reg_replay_cmd(argc - 1, argv + 1);
    if (strcmp(cmd, "register") == 0)
        return reg_register_cmd(argc - 1, argv + 1);
    return CLI_USAGE(USAGE_MAIN, cli_unknown_command, cmd);
}
