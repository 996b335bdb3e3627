/*
 * The rongcuo command: check rule files and run them over case files. It
 * uses the engine's interface (engine/rongcuo.h) and nothing else.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/rongcuo.h"

#define VERSION "0.1.0"

enum exit_code { EXIT_OK = 0, EXIT_CASE_ERROR = 1, EXIT_USAGE = 2 };

static const char usage_main[] =
    "usage: rongcuo COMMAND [OPTIONS] ...\n"
    "\n"
    "Rongcuo (容錯) evaluates case facts against rules for tolerating and\n"
    "correcting officials' mistakes, and explains every verdict.\n"
    "\n"
    "commands:\n"
    "  run RULES CASEFILE...   evaluate cases and print the verdict trace\n"
    "  check RULES             check a rule file and report its errors\n"
    "  show RULES              print the effective rule set after extends,\n"
    "                          amend and repeal, with each rule's origin\n"
    "  test PATH...            run the tests written in rule files\n"
    "\n"
    "options:\n"
    "  -h, --help              show help (rongcuo COMMAND --help for more)\n"
    "  --version               show the version\n"
    "\n"
    "exit status: 0 every case was evaluated (decided or undetermined),\n"
    "1 some case had an error, 2 bad usage or a rule file that does not\n"
    "check.\n";

static const char usage_run[] =
    "usage: rongcuo run [OPTIONS] RULES CASEFILE...\n"
    "\n"
    "Evaluate every case in the case files against the rule file RULES and\n"
    "print a reasoned verdict trace for each, in input order. A case file\n"
    "is .case syntax or JSON Lines (.jsonl, or any file whose first\n"
    "character is '{'); '-' reads standard input. A bad case is reported\n"
    "with its location and the run goes on with the others.\n"
    "\n"
    "options:\n"
    "  --format text|json      readable text (default) or JSON Lines\n"
    "  --lang en|zh-Hant|zh-Hans\n"
    "                          language of the trace (default: the keyword\n"
    "                          language of the rule file)\n"
    "  -o FILE                 write the trace to FILE; it appears only when\n"
    "                          the run completes\n"
    "  --why-not VERDICT       explain for each case why it did not get\n"
    "                          VERDICT: the conditions that failed and the\n"
    "                          facts still unknown, down to the rules\n"
    "  -q, --quiet             no summary line on standard error\n"
    "  -h, --help              show this help\n"
    "\n"
    "exit status: 0 every case was evaluated, 1 some case had an error,\n"
    "2 bad usage or a rule file that does not check.\n";

static const char usage_check[] =
    "usage: rongcuo check RULES\n"
    "\n"
    "Check a rule file: syntax, names, types, option domains, overrides and\n"
    "dependency cycles. Prints each error and warning with file:line:col,\n"
    "the source line and a caret, then a one-line summary.\n"
    "\n"
    "options:\n"
    "  -h, --help              show this help\n"
    "\n"
    "exit status: 0 the rule file checks (warnings allowed), 2 it does not,\n"
    "or bad usage.\n";

static const char usage_show[] =
    "usage: rongcuo show [OPTIONS] RULES\n"
    "\n"
    "Print the effective rule set of RULES after extends, amend and repeal:\n"
    "every declaration in the rule language, with a comment naming the file\n"
    "and line it comes from; amended ones name the base declaration they\n"
    "replace, and repealed ones are listed at the end. This is what a case\n"
    "is judged by under RULES.\n"
    "\n"
    "options:\n"
    "  --lang en|zh-Hant|zh-Hans\n"
    "                          keyword language (default: that of RULES)\n"
    "  -h, --help              show this help\n"
    "\n"
    "exit status: 0 shown, 2 bad usage or a rule file that does not check.\n";

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
    "  --coverage              also show, per rule file, which rules, verdict\n"
    "                          lines and measures some test made true and saw\n"
    "                          false, and list the gaps\n"
    "  --junit FILE            also write the results as JUnit XML to FILE\n"
    "  --lang en|zh-Hant|zh-Hans\n"
    "                          language of the traces of failing tests\n"
    "  -h, --help              show this help\n"
    "\n"
    "exit status: 0 every test passed, 1 some test failed or a rule file\n"
    "does not check, 2 bad usage.\n";

static int usage_error(const char *usage, const char *fmt, const char *arg)
{
    fprintf(stderr, "rongcuo: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n\n%s", usage);
    return EXIT_USAGE;
}

static bool is_help(const char *a)
{
    return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0;
}

static struct rc_ruleset *load(const char *path)
{
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load(path, &d);
    fputs(rc_diags_text(d), stderr);
    if (!rs)
        fprintf(stderr, "rongcuo: %s: %d error%s; no case was evaluated\n",
                path, rc_diags_errors(d), rc_diags_errors(d) == 1 ? "" : "s");
    rc_diags_free(d);
    return rs;
}

static int cmd_check(int argc, char **argv)
{
    const char *rules = NULL;
    for (int i = 1; i < argc; i++) {
        if (is_help(argv[i])) {
            fputs(usage_check, stdout);
            return EXIT_OK;
        }
        if (argv[i][0] == '-' && argv[i][1])
            return usage_error(usage_check, "unknown option '%s'", argv[i]);
        if (rules)
            return usage_error(usage_check, "one rule file at a time, not '%s'",
                               argv[i]);
        rules = argv[i];
    }
    if (!rules)
        return usage_error(usage_check, "%s", "name a rule file to check");
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load(rules, &d);
    fputs(rc_diags_text(d), stdout);
    int errors = rc_diags_errors(d), warnings = rc_diags_warnings(d);
    if (rs) {
        int f, r, c, m;
        rc_ruleset_counts(rs, &f, &r, &c, &m);
        printf("%s: ok: %d facts, %d conclusions, %d rules, %d measures",
               rules, f, c, r, m);
        if (warnings)
            printf(", %d warning%s", warnings, warnings == 1 ? "" : "s");
        putchar('\n');
    } else {
        printf("%s: %d error%s", rules, errors, errors == 1 ? "" : "s");
        if (warnings)
            printf(", %d warning%s", warnings, warnings == 1 ? "" : "s");
        putchar('\n');
    }
    rc_diags_free(d);
    rc_ruleset_free(rs);
    return rs ? EXIT_OK : EXIT_USAGE;
}

static int parse_lang(const char *s, enum rc_lang *lang);

static int cmd_show(int argc, char **argv)
{
    const char *rules = NULL;
    enum rc_lang lang = RC_LANG_AUTO;
    for (int i = 1; i < argc; i++) {
        if (is_help(argv[i])) {
            fputs(usage_show, stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--lang") == 0) {
            if (i + 1 >= argc)
                return usage_error(usage_show, "%s needs a value", argv[i]);
            if (parse_lang(argv[++i], &lang) != 0)
                return usage_error(usage_show,
                                   "--lang takes en, zh-Hant or zh-Hans, "
                                   "not '%s'", argv[i]);
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1])
            return usage_error(usage_show, "unknown option '%s'", argv[i]);
        if (rules)
            return usage_error(usage_show, "one rule file at a time, not '%s'",
                               argv[i]);
        rules = argv[i];
    }
    if (!rules)
        return usage_error(usage_show, "%s", "name a rule file to show");
    struct rc_ruleset *rs = load(rules);
    if (!rs)
        return EXIT_USAGE;
    fputs(rc_ruleset_show(rs, lang), stdout);
    rc_ruleset_free(rs);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_CASE_ERROR;
}

struct run_opts {
    enum rc_format format;
    enum rc_lang lang;
    const char *out;
    const char *why_not;
    bool quiet;
};

static int parse_lang(const char *s, enum rc_lang *lang)
{
    if (strcmp(s, "en") == 0)
        *lang = RC_LANG_EN;
    else if (strcmp(s, "zh-Hant") == 0)
        *lang = RC_LANG_ZH_HANT;
    else if (strcmp(s, "zh-Hans") == 0)
        *lang = RC_LANG_ZH_HANS;
    else
        return -1;
    return 0;
}

/* Where -o FILE is written until the run completes. */
static char tmp_path[4096];

static void on_signal(int sig)
{
    if (tmp_path[0])
        unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

static FILE *open_output(const char *path)
{
    if (!path)
        return stdout;
    int n = snprintf(tmp_path, sizeof tmp_path, "%s.tmp.%ld", path,
                     (long)getpid());
    if (n < 0 || (size_t)n >= sizeof tmp_path) {
        tmp_path[0] = '\0';
        fprintf(stderr, "rongcuo: output path too long: %s\n", path);
        return NULL;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    FILE *f = fopen(tmp_path, "wb");
    if (!f) {
        fprintf(stderr, "rongcuo: cannot write '%s': %s\n", path,
                strerror(errno));
        tmp_path[0] = '\0';
    }
    return f;
}

/* Flush and put the output in place; false on a write error. */
static bool close_output(FILE *f, const char *path, bool keep)
{
    bool ok = fflush(f) == 0 && !ferror(f);
    int err = errno;
    if (f == stdout) {
        if (!ok && err != EPIPE)
            fprintf(stderr, "rongcuo: error writing output: %s\n",
                    strerror(err));
        return ok;
    }
    ok = fclose(f) == 0 && ok;
    if (ok && keep && rename(tmp_path, path) != 0) {
        fprintf(stderr, "rongcuo: cannot write '%s': %s\n", path,
                strerror(errno));
        ok = false;
    } else if (!ok) {
        fprintf(stderr, "rongcuo: error writing '%s': %s\n", path,
                strerror(err));
    }
    if (!ok || !keep)
        unlink(tmp_path);
    tmp_path[0] = '\0';
    return ok;
}

static int cmd_run(int argc, char **argv)
{
    struct run_opts o = {RC_TEXT, RC_LANG_AUTO, NULL, NULL, false};
    const char *rules = NULL;
    char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0, rc = EXIT_OK;
    if (!files)
        return EXIT_USAGE;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (is_help(a)) {
            fputs(usage_run, stdout);
            free(files);
            return EXIT_OK;
        }
        if (strcmp(a, "--format") == 0 || strcmp(a, "--lang") == 0 ||
            strcmp(a, "-o") == 0 || strcmp(a, "--why-not") == 0) {
            if (i + 1 >= argc) {
                free(files);
                return usage_error(usage_run, "%s needs a value", a);
            }
            const char *v = argv[++i];
            if (a[2] == 'f' && strcmp(v, "text") == 0) {
                o.format = RC_TEXT;
            } else if (a[2] == 'f' && strcmp(v, "json") == 0) {
                o.format = RC_JSON;
            } else if (a[2] == 'f') {
                free(files);
                return usage_error(usage_run,
                                   "--format takes text or json, not '%s'", v);
            } else if (a[2] == 'l' && parse_lang(v, &o.lang) != 0) {
                free(files);
                return usage_error(usage_run,
                                   "--lang takes en, zh-Hant or zh-Hans, "
                                   "not '%s'", v);
            } else if (a[1] == 'o') {
                o.out = v;
            } else if (a[2] == 'w') {
                o.why_not = v;
            }
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o.quiet = true;
        } else if (a[0] == '-' && a[1]) {
            free(files);
            return usage_error(usage_run, "unknown option '%s'", a);
        } else if (!rules) {
            rules = a;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (!rules || nfiles == 0) {
        free(files);
        return usage_error(usage_run, "%s",
                           !rules ? "name a rule file and case files"
                                  : "name at least one case file");
    }
    struct rc_ruleset *rs = load(rules);
    if (!rs) {
        free(files);
        return EXIT_USAGE;
    }
    struct rc_eval *ev = rc_eval_new(rs);
    const char *near = NULL;
    if (o.why_not && rc_eval_why_not(ev, o.why_not, &near) != 0) {
        fprintf(stderr, "rongcuo: the verdict table of %s has no verdict "
                        "'%s'\n", rules, o.why_not);
        if (near)
            fprintf(stderr, "  hint: did you mean '%s'?\n", near);
        rc_eval_free(ev);
        rc_ruleset_free(rs);
        free(files);
        return EXIT_USAGE;
    }
    FILE *out = open_output(o.out);
    if (!out) {
        rc_eval_free(ev);
        rc_ruleset_free(rs);
        free(files);
        return EXIT_USAGE;
    }
    long count[3] = {0, 0, 0};
    for (int i = 0; i < nfiles; i++) {
        struct rc_cases *cs = rc_cases_open(rs, files[i]);
        const struct rc_case *c;
        while ((c = rc_cases_next(cs))) {
            rc_evaluate(ev, c);
            count[rc_eval_status(ev)]++;
            size_t len;
            const char *t = rc_eval_render(ev, o.format, o.lang, &len);
            fwrite(t, 1, len, out);
        }
        rc_cases_close(cs);
    }
    if (count[RC_ERROR])
        rc = EXIT_CASE_ERROR;
    if (!close_output(out, o.out, true))
        rc = EXIT_CASE_ERROR;
    if (!o.quiet)
        fprintf(stderr, "rongcuo: %ld case%s: %ld decided, %ld undetermined, "
                        "%ld error%s\n",
                count[0] + count[1] + count[2],
                count[0] + count[1] + count[2] == 1 ? "" : "s", count[0],
                count[1], count[2], count[2] == 1 ? "" : "s");
    rc_eval_free(ev);
    rc_ruleset_free(rs);
    free(files);
    return rc;
}

struct paths {
    char **v;
    size_t n, cap;
};

static void add_path(struct paths *ps, const char *p)
{
    if (ps->n == ps->cap) {
        ps->cap = ps->cap ? ps->cap * 2 : 16;
        char **v = realloc(ps->v, ps->cap * sizeof *v);
        if (!v) {
            fputs("rongcuo: out of memory\n", stderr);
            exit(EXIT_USAGE);
        }
        ps->v = v;
    }
    ps->v[ps->n] = strdup(p);
    if (!ps->v[ps->n]) {
        fputs("rongcuo: out of memory\n", stderr);
        exit(EXIT_USAGE);
    }
    ps->n++;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .rules and .test files below dir, depth first. */
static void walk(const char *dir, struct paths *ps, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > 32) {
        if (d)
            closedir(d);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (n < 0 || (size_t)n >= sizeof path)
            continue;
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk(path, ps, depth + 1);
        else if (has_suffix(path, ".rules") || has_suffix(path, ".test"))
            add_path(ps, path);
    }
    closedir(d);
}

static int cmd_test(int argc, char **argv)
{
    const char *junit_path = NULL;
    bool coverage = false;
    enum rc_lang lang = RC_LANG_AUTO;
    struct paths ps = {0};
    int rc = EXIT_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (is_help(a)) {
            fputs(usage_test, stdout);
            goto out;
        }
        if (strcmp(a, "--coverage") == 0) {
            coverage = true;
        } else if (strcmp(a, "--junit") == 0 || strcmp(a, "--lang") == 0) {
            if (i + 1 >= argc) {
                rc = usage_error(usage_test, "%s needs a value", a);
                goto out;
            }
            if (a[2] == 'j') {
                junit_path = argv[++i];
            } else if (parse_lang(argv[++i], &lang) != 0) {
                rc = usage_error(usage_test,
                                 "--lang takes en, zh-Hant or zh-Hans, "
                                 "not '%s'", argv[i]);
                goto out;
            }
        } else if (a[0] == '-' && a[1]) {
            rc = usage_error(usage_test, "unknown option '%s'", a);
            goto out;
        } else {
            struct stat st;
            size_t before = ps.n;
            if (stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
                walk(a, &ps, 0);
                qsort(ps.v + before, ps.n - before, sizeof *ps.v, cmp_str);
            } else {
                add_path(&ps, a);
            }
        }
    }
    if (ps.n == 0) {
        rc = usage_error(usage_test, "%s",
                         "name rule files or folders with tests");
        goto out;
    }
    FILE *junit = NULL;
    if (junit_path && !(junit = open_output(junit_path))) {
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
        if (!rs) {
            fputs(rc_diags_text(d), stdout);
            printf("FAIL %s: the rule file does not check\n", ps.v[i]);
            failed++;
            rc_diags_free(d);
            continue;
        }
        rc_diags_free(d);
        const char *j = NULL, *cov = NULL;
        if (rc_ruleset_ntests(rs) > 0 || ps.n == 1) {
            fputs(rc_ruleset_test(rs, lang, &passed, &failed,
                                  junit ? &j : NULL, coverage ? &cov : NULL),
                  stdout);
            if (j)
                fputs(j, junit);
            if (cov)
                fputs(cov, stdout);
        }
        rc_ruleset_free(rs);
    }
    if (junit) {
        fputs("</testsuites>\n", junit);
        if (!close_output(junit, junit_path, true))
            failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    rc = failed ? EXIT_CASE_ERROR : EXIT_OK;
out:
    for (size_t i = 0; i < ps.n; i++)
        free(ps.v[i]);
    free(ps.v);
    return rc;
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2)
        return usage_error(usage_main, "%s", "name a command");
    const char *cmd = argv[1];
    if (is_help(cmd)) {
        fputs(usage_main, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("rongcuo %s\n", VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "run") == 0)
        return cmd_run(argc - 1, argv + 1);
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "show") == 0)
        return cmd_show(argc - 1, argv + 1);
    if (strcmp(cmd, "test") == 0)
        return cmd_test(argc - 1, argv + 1);
    return usage_error(usage_main, "unknown command '%s'", cmd);
}
