/*
 * No input makes the library recurse without bound: a chain of 10,000
 * rules, and conditions at the nesting limit (AST_MAX_DEPTH) in every
 * shape, are checked, evaluated, traced (text and JSON, with why-not),
 * shown and tested in a thread with a 1 MiB stack. The work runs in the
 * thread; the assertions run in the main thread on what it found.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/ast.h"
#include "engine/rongcuo.h"
#include "engine/sbuf.h"

#ifndef SMALL_STACK
#define SMALL_STACK (1024 * 1024)
#endif

/* What a job found: the first thing that went wrong, or "" */
struct job {
    const char *text; /* the rule text */
    const char *fact; /* set to value in the first case */
    const char *value;
    const char *want; /* its verdict */
    char err[256];
    int fired; /* rules fired in the first case */
};

static void *run_small(void *(*fn)(void *), void *arg)
{
    pthread_attr_t at;
    pthread_t th;
    void *ret = NULL;
    assert_int_equal(pthread_attr_init(&at), 0);
    assert_int_equal(pthread_attr_setstacksize(&at, SMALL_STACK), 0);
    assert_int_equal(pthread_create(&th, &at, fn, arg), 0);
    assert_int_equal(pthread_join(th, &ret), 0);
    pthread_attr_destroy(&at);
    return ret;
}

static void job_fail(struct job *j, const char *what, const char *detail)
{
    if (!j->err[0])
        snprintf(j->err, sizeof j->err, "%s: %.200s", what,
                 detail ? detail : "(null)");
}

/* Render the last evaluation in every form, why-not included. */
static void render_all(struct job *j, struct rc_eval *ev)
{
    size_t n;
    for (int f = RC_TEXT; f <= RC_JSON; f++) {
        const char *t = rc_eval_render(ev, (enum rc_format)f, RC_LANG_AUTO, &n);
        if (!t || n == 0)
            job_fail(j, "empty trace", NULL);
    }
}

static void evaluate(struct job *j, struct rc_ruleset *rs)
{
    struct rc_eval *ev = rc_eval_new(rs);
    if (rc_eval_why_not(ev, j->want, NULL) != 0)
        job_fail(j, "no such verdict", j->want);
    struct rc_case *c = rc_case_new(rs, "A", NULL);
    if (rc_case_set(c, j->fact, j->value) != 0)
        job_fail(j, "rc_case_set", rc_case_error(c));
    rc_evaluate(ev, c);
    const char *v = rc_eval_verdict(ev);
    if (!v || strcmp(v, j->want) != 0)
        job_fail(j, "verdict of A", v);
    j->fired = rc_eval_list(ev, RC_FIRED, NULL, 0);
    render_all(j, ev);
    rc_case_free(c);
    c = rc_case_new(rs, "B", NULL); /* all unknown: the facts missing */
    rc_evaluate(ev, c);
    const char *miss[2] = {NULL, NULL};
    if (rc_eval_status(ev) != RC_UNDETERMINED ||
        rc_eval_list(ev, RC_MISSING, miss, 2) != 1 ||
        strcmp(miss[0], j->fact) != 0)
        job_fail(j, "missing of B", miss[0]);
    render_all(j, ev);
    rc_case_free(c);
    rc_eval_free(ev);
}

static void *job_run(void *arg)
{
    struct job *j = arg;
    struct rc_diags *dg = NULL;
    struct rc_ruleset *rs =
        rc_ruleset_load_buffer("deep.rules", j->text, strlen(j->text), &dg);
    if (!rs) {
        job_fail(j, "load", rc_diags_text(dg));
        rc_diags_free(dg);
        return NULL;
    }
    rc_diags_free(dg);
    evaluate(j, rs);
    if (!rc_ruleset_show(rs, RC_LANG_AUTO))
        job_fail(j, "show", NULL);
    int passed = 0, failed = 0;
    const char *junit = NULL;
    const char *out =
        rc_ruleset_test(rs, RC_LANG_AUTO, &passed, &failed, &junit);
    if (passed != 1 || failed != 0)
        job_fail(j, "tests", out);
    rc_ruleset_free(rs);
    return NULL;
}

static void check_job(struct job *j)
{
    run_small(job_run, j);
    if (j->err[0])
        fail_msg("%s", j->err);
}

/* c0 → c1 → … → cN: the check's dependency order, the missing facts
 * and the traces follow it without recursing once per rule. */
static void test_chain_10000(void **state)
{
    (void)state;
    enum { N = 10000 };
    struct sbuf s = {0};
    sb_puts(&s, "fact c0: bool\n");
    for (int i = 1; i <= N; i++)
        sb_printf(&s, "conclusion c%d\n", i);
    for (int i = 1; i <= N; i++)
        sb_printf(&s, "rule R%d when c%d then c%d\n", i, i - 1, i);
    sb_printf(&s, "verdict { yes when c%d otherwise no }\n", N);
    sb_printf(&s, "measure M when c%d\n", N);
    sb_puts(&s,
            "test \"t\" {\n  given { c0 = true }\n  expect verdict yes\n}\n");
    struct job j = {.text = s.p, .fact = "c0", .value = "true", .want = "yes"};
    check_job(&j);
    assert_int_equal(j.fired, N);
    sb_free(&s);
}

/* A rule set whose one rule has condition cond (over fact a: bool, or
 * n: number), used again in a measure. */
static void nested(const char *cond, const char *fact)
{
    struct sbuf s = {0};
    sb_puts(&s, "fact a: bool\nfact n: number\nconclusion c\n");
    sb_printf(&s, "rule R when %s then c\n", cond);
    sb_puts(&s, "verdict { yes when c otherwise no }\n");
    sb_printf(&s, "measure M when %s\n", cond);
    const char *value = strcmp(fact, "a") == 0 ? "true" : "1";
    sb_printf(&s,
              "test \"t\" {\n  given { %s = %s }\n  expect verdict yes\n}\n",
              fact, value);
    struct job j = {.text = s.p, .fact = fact, .value = value, .want = "yes"};
    check_job(&j);
    sb_free(&s);
}

/* Exactly AST_MAX_DEPTH levels of each shape, and one more is refused. */
static void repeat(struct sbuf *s, const char *x, int n)
{
    for (int i = 0; i < n; i++)
        sb_puts(s, x);
}

static void test_nesting_limit(void **state)
{
    (void)state;
    const int d = AST_MAX_DEPTH;
    struct sbuf s = {0};
    repeat(&s, "not not ", (d - 1) / 2); /* even: stays a */
    sb_puts(&s, "a");
    nested(s.p, "a");
    s.len = 0;
    sb_puts(&s, "a"); /* a and a and … : left-leaning */
    repeat(&s, " and a", d - 1);
    nested(s.p, "a");
    s.len = 0;
    repeat(&s, "(a and ", d - 1); /* right-leaning */
    sb_puts(&s, "a");
    repeat(&s, ")", d - 1);
    nested(s.p, "a");
    s.len = 0;
    repeat(&s, "(a or ", d - 1);
    sb_puts(&s, "a");
    repeat(&s, ")", d - 1);
    nested(s.p, "a");
    s.len = 0;
    sb_puts(&s, "n"); /* n + n + … > 0 */
    repeat(&s, " + n", d - 2);
    sb_puts(&s, " > 0");
    nested(s.p, "n");
    s.len = 0;
    repeat(&s, "-(", d - 2); /* -(-(…n…)) != 0 */
    sb_puts(&s, "n");
    repeat(&s, ")", d - 2);
    sb_puts(&s, " != 0");
    nested(s.p, "n");
    sb_free(&s);
}

/* A condition one level past the limit, or a long flat and/or of many
 * terms, is an error at its place, not a crash. */
static void *load_only(void *arg)
{
    struct job *j = arg;
    struct rc_diags *dg = NULL;
    struct rc_ruleset *rs =
        rc_ruleset_load_buffer("deep.rules", j->text, strlen(j->text), &dg);
    struct rc_diag dd;
    if (rs || rc_diags_get(dg, 0, &dd) != 0)
        job_fail(j, "loaded", NULL);
    else if (!strstr(dd.message, j->want))
        job_fail(j, "message", dd.message);
    else
        j->fired = dd.line;
    rc_ruleset_free(rs);
    rc_diags_free(dg);
    return NULL;
}

static void too_deep(const char *cond, const char *msg)
{
    struct sbuf s = {0};
    sb_printf(&s,
              "fact a: bool\nconclusion c\nrule R when %s then c\n"
              "verdict { yes when c otherwise no }\n",
              cond);
    struct job j = {.text = s.p, .want = msg};
    run_small(load_only, &j);
    if (j.err[0])
        fail_msg("%s", j.err);
    assert_int_equal(j.fired, 3);
    sb_free(&s);
}

static void test_past_the_limit(void **state)
{
    (void)state;
    const char *msg = "nested too deeply";
    struct sbuf s = {0};
    sb_puts(&s, "a");
    repeat(&s, " and a", AST_MAX_DEPTH);
    too_deep(s.p, msg);
    s.len = 0;
    sb_puts(&s, "a");
    repeat(&s, " or a", 100000);
    too_deep(s.p, msg);
    s.len = 0;
    repeat(&s, "not ", AST_MAX_DEPTH);
    sb_puts(&s, "a");
    too_deep(s.p, msg);
    s.len = 0;
    repeat(&s, "(", 100000);
    sb_puts(&s, "a");
    repeat(&s, ")", 100000);
    too_deep(s.p, "the parser's stack is full");
    sb_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chain_10000),
        cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_past_the_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
