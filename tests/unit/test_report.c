/* The HTML report through rongcuo.h (engine/report_html.c, report_write.c,
 * trace_html.c): the records of rc_cases_run and rc_eval_render make one
 * report, a record that is not one is refused, bad arguments, text from a
 * case escaped, and the same report on any number of threads. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rules_text.h"

struct text {
    char *p;
    size_t len;
};

static int append(void *ctx, const char *data, size_t len)
{
    struct text *t = ctx;
    t->p = realloc(t->p, t->len + len + 1);
    memcpy(t->p + t->len, data, len);
    t->len += len;
    t->p[t->len] = '\0';
    return 0;
}

static int add(void *ctx, const char *data, size_t len)
{
    return rc_report_add(ctx, data, len);
}

static const char cases[] = "case \"A\" { 甲 = 是\n 額 = 7 }\n"
                            "case \"<B&>\" \"\\\"x\\\" <i>\" { 額 = 1 }\n"
                            "case \"C\" { 域 = 乙類 }\n"
                            "case \"D\" { 乙 = 是 }\n";

/* The report of the cases in path on threads threads. */
static char *report(struct rc_ruleset *rs, const char *path, int threads)
{
    struct rc_report *rep = rc_report_new(rs, NULL, RC_LANG_EN);
    assert_non_null(rep);
    struct rc_cases *cs = rc_cases_open(rs, path);
    struct rc_counts n = {0, 0, 0};
    assert_int_equal(
        rc_cases_run(cs, threads, RC_HTML, RC_LANG_EN, NULL, add, rep, &n), 0);
    assert_int_equal(n.decided + n.undetermined + n.errors, 4);
    rc_cases_close(cs);
    struct text t = {NULL, 0};
    assert_int_equal(rc_report_write(rep, append, &t), 0);
    rc_report_free(rep);
    return t.p;
}

static void test_report_run(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    char *path = scratch_file(".case", cases);
    char *one = report(rs, path, 1), *four = report(rs, path, 4);
    scratch_drop(path);
    assert_string_equal(one, four);
    assert_non_null(strstr(one, "<p>4 cases: 2 decided, 1 undetermined, "
                                "1 with errors</p>"));
    assert_non_null(strstr(one, "&lt;B&amp;&gt;"));
    assert_non_null(strstr(one, "&quot;x&quot; &lt;i&gt;"));
    assert_null(strstr(one, "<B&>"));
    assert_null(strstr(one, "<i>"));
    assert_non_null(strstr(one, "<td>提醒</td><td class=\"n\">1</td>"));
    assert_non_null(strstr(one, "<details class=\"case\" id=\"c4\" "
                                "data-v=\"e\">"));
    free(one);
    free(four);
    rc_ruleset_free(rs);
}

static void test_report_diff(void **state)
{
    (void)state;
    struct rc_ruleset *a = rules_load(rules_text);
    struct rc_ruleset *b = rules_load("fact 甲: bool\nconclusion 成立\n"
                                      "rule R1 when 甲 then 成立\n"
                                      "verdict { 容錯 when 成立\n"
                                      "  otherwise 另議 }\n");
    struct rc_report *rep = rc_report_new(b, a, RC_LANG_ZH_HANS);
    struct rc_eval *ea = rc_eval_new(a), *eb = rc_eval_new(b);
    struct rc_case *ca = rc_case_new(a, "K", NULL);
    struct rc_case *cb = rc_case_new(b, "K", NULL);
    rc_case_set(ca, "甲", "是");
    rc_case_set(ca, "額", "20");
    rc_case_set(cb, "甲", "是");
    rc_evaluate(ea, ca);
    rc_evaluate(eb, cb);
    size_t la, lb;
    const char *ta = rc_eval_render(ea, RC_HTML, RC_LANG_ZH_HANS, &la);
    const char *tb = rc_eval_render(eb, RC_HTML, RC_LANG_ZH_HANS, &lb);
    assert_int_equal(rc_report_add(rep, tb, lb), RC_RUN_BAD_ARGUMENT);
    assert_int_equal(rc_report_add_diff(rep, ta, la, tb, lb, 1), 0);
    struct text t = {NULL, 0};
    assert_int_equal(rc_report_write(rep, append, &t), 0);
    assert_non_null(strstr(t.p, "<td>另議 &rarr; 容錯</td>"));
    assert_non_null(strstr(t.p, "比较了 1 件案件：1 件有变化"));
    free(t.p);
    rc_report_free(rep);
    rc_case_free(ca);
    rc_case_free(cb);
    rc_eval_free(ea);
    rc_eval_free(eb);
    rc_ruleset_free(a);
    rc_ruleset_free(b);
}

static void test_report_bad(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    assert_null(rc_report_new(NULL, NULL, RC_LANG_AUTO));
    assert_null(rc_report_new(rs, NULL, (enum rc_lang)7));
    assert_int_equal(rc_report_add(NULL, "", 0), RC_RUN_BAD_ARGUMENT);
    assert_int_equal(rc_report_write(NULL, append, NULL), RC_RUN_BAD_ARGUMENT);
    struct rc_report *rep = rc_report_new(rs, NULL, RC_LANG_AUTO);
    static const char *const bad[] = {"",
                                      "0 0 0 0",
                                      "0 9 0 0\nA\n\n\nbody",
                                      "x\n",
                                      "3 0 0 0\nA\n\n\nbody",
                                      "1 -1 0 1 99\nA\n\n\nbody",
                                      "0 0 2 0\nA\n\n\nbody"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(rc_report_add(rep, bad[i], strlen(bad[i])),
                         RC_RUN_BAD_ARGUMENT);
    assert_int_equal(rc_report_add_diff(rep, "", 0, "", 0, 1),
                     RC_RUN_BAD_ARGUMENT);
    assert_int_equal(rc_report_add(rep, "0 0 0 0\nA\n\n\n<summary>", 21), 0);
    struct text t = {NULL, 0};
    assert_int_equal(rc_report_write(rep, append, &t), 0);
    assert_non_null(strstr(t.p, "<p>1 cases: 1 decided"));
    free(t.p);
    rc_report_free(rep);
    rc_report_free(NULL);
    rc_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_run),
        cmocka_unit_test(test_report_diff),
        cmocka_unit_test(test_report_bad),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
