#define _XOPEN_SOURCE 700 /* realpath */
/*
 * The bottom lines that `rongcuo test` proves (LANGUAGE.md §10): those of
 * the rule set each file tested tests, by `rongcuo-prove bottom`
 * (cli/prove_analysis.c), run as check runs its analysis (cli/analysis.c),
 * so that rongcuo itself never loads the solver.
 */
#include "cli/test_prove.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "engine/api_int.h"
#include "engine/plan.h"
#include "engine/plan_show.h"

/* Print message id in lang on standard output. */
#define TP_PRINT(lang, id, ...) \
    printf(msg_fmt(MSG_ID(id, __VA_ARGS__), (lang)), __VA_ARGS__)

/* Whether the file named file declares or repeals anything in the rule
 * set shown by s (a file of tests only does not). */
static bool declares(const struct show_info *s, const char *file)
{
    for (int i = 0; i < s->ndecls; i++)
        if (s->decls[i].loc.src && strcmp(s->decls[i].loc.src->name, file) == 0)
            return true;
    for (int i = 0; i < s->nrepealed; i++)
        if (s->repealed[i].by.src &&
            strcmp(s->repealed[i].by.src->name, file) == 0)
            return true;
    return false;
}

/* The file whose rule set has the same bottom lines and rules as rs: the
 * file loaded, or, while it holds only tests, the file it extends. */
static const char *target(const struct rc_ruleset *rs)
{
    const struct show_info *s = rs->plan->show;
    const char *f = rc_ruleset_file(rs, 0);
    for (int i = 1; s && rc_ruleset_file(rs, i) && !declares(s, f); i++)
        f = rc_ruleset_file(rs, i);
    return f;
}

/* Whether the file named f has been proven already; if not, it is added
 * to those proven. */
static bool seen(struct test_proofs *tp, const char *f)
{
    char buf[PATH_MAX];
    const char *real = realpath(f, buf) ? buf : f;
    for (size_t i = 0; i < tp->n; i++)
        if (strcmp(tp->done[i], real) == 0)
            return true;
    if (tp->n == tp->cap) {
        tp->cap = tp->cap ? tp->cap * 2 : 16;
        char **v = realloc(tp->done, tp->cap * sizeof *v);
        if (!v)
            cli_out_of_memory();
        tp->done = v;
    }
    if (!(tp->done[tp->n] = strdup(real)))
        cli_out_of_memory();
    tp->n++;
    return false;
}

/* What rongcuo-prove printed (out, len bytes, after exit status code) for
 * the rule file f: the report under a heading (and its JUnit testsuite
 * into junit, when not NULL), or a note saying why there is none. */
static void report(struct test_proofs *tp, const char *f, enum lang lang,
                   int code, const char *out, size_t len, FILE *junit)
{
    const char *note = MSG(sev_note, lang);
    int p, v, u;
    long n = 0;
    const char *nl = out ? strchr(out, '\n') : NULL;
    size_t rest = nl ? len - (size_t)(nl + 1 - out) : 0;
    if (code == 0 && nl &&
        sscanf(out, "%d %d %d %ld", &p, &v, &u, &n) == 3 + (junit != NULL) &&
        p >= 0 && v >= 0 && u >= 0 && n >= 0 && (size_t)n <= rest) {
        TP_PRINT(lang, test_prove_head, f);
        fwrite(nl + 1, 1, junit ? (size_t)n : rest, stdout);
        if (junit)
            fwrite(nl + 1 + n, 1, rest - (size_t)n, junit);
        if (u > 0)
            TP_PRINT(lang, test_prove_undecided, note, f, u);
        tp->proven += p;
        tp->violated += v;
        tp->undecided += u;
        tp->any = true;
    } else if (code == 127) {
        TP_PRINT(lang, test_prove_no_prover, note, f);
    } else {
        TP_PRINT(lang, test_prove_failed, note, f, code == 0 ? 1 : code);
    }
}

void test_prove(struct test_proofs *tp, const struct rc_ruleset *rs,
                FILE *junit)
{
    static const char *const langs[] = {"en", "zh-Hant", "zh-Hans"};
    if (rs->plan->ninvariants == 0)
        return;
    const char *f = target(rs);
    if (seen(tp, f))
        return;
    enum rc_lang given = cli_lang_given();
    enum rc_lang l = given != RC_LANG_AUTO ? given : rc_ruleset_lang(rs);
    if (l < RC_LANG_EN || l > RC_LANG_ZH_HANS)
        l = RC_LANG_EN;
    char *argv[7] = {(char *)"rongcuo-prove", (char *)"bottom"};
    int k = 2;
    if (junit)
        argv[k++] = (char *)"--junit";
    argv[k++] = (char *)"--lang";
    argv[k++] = (char *)langs[l];
    argv[k] = (char *)f;
    char *out;
    size_t len;
    int code = cli_prover_run(argv, &out, &len);
    report(tp, f, (enum lang)l, code, out, len, junit);
    free(out);
}

void test_prove_summary(const struct test_proofs *tp, int passed, int failed)
{
    if (tp->any)
        CLI_PRINT(stdout, test_prove_summary, passed, failed, tp->proven,
                  tp->violated, tp->undecided);
    else
        CLI_PRINT(stdout, cli_test_summary, passed, failed);
}

void test_prove_free(struct test_proofs *tp)
{
    for (size_t i = 0; i < tp->n; i++)
        free(tp->done[i]);
    free(tp->done);
}
