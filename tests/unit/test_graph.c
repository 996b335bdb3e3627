/*
 * The rule graph through the library interface (rc_ruleset_graph): a
 * graph of the plan, coloured by an evaluation that is still there to
 * read, refused for anything else, and out of memory as an error at every
 * allocation.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/arena.h" /* arena_fail_after, for the out-of-memory tests */
#include "engine/rongcuo.h"

static const char rules_text[] =
    "policy \"省\" version \"1\"\nfact 甲: bool\nfact 額: number = 0\n"
    "conclusion 成立\nconclusion 排除\n"
    "rule R1 \"甲成立\" when 甲 and 額 < 10 then 成立\n"
    "rule X1 overrides R1 when 額 > 5 then 排除\n"
    "verdict { 不容錯 when 排除 容錯 when 成立 otherwise 依規 }\n"
    "measure M1 when verdict == 容錯\n";

static struct rc_ruleset *load_text(const char *text)
{
    struct rc_diags *d;
    struct rc_ruleset *rs =
        rc_ruleset_load_buffer("g.rules", text, strlen(text), &d);
    assert_non_null(rs);
    rc_diags_free(d);
    return rs;
}

/* The graph draws every part and edge of the plan. */
static void test_graph_parts_and_edges(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load_text(rules_text);
    const char *g = rc_ruleset_graph(rs, NULL, RC_LANG_AUTO);
    assert_non_null(g);
    assert_true(strncmp(g, "digraph rongcuo {\n", 18) == 0);
    assert_non_null(strstr(g, "label=\"policy 省 version 1\""));
    assert_non_null(strstr(g, "  f0 -> r0;\n"));         /* 甲 → R1 */
    assert_non_null(strstr(g, "  r0 -> c0;\n"));         /* R1 → 成立 */
    assert_non_null(strstr(g, "  r1 -> r0 [color="));    /* X1 overrides */
    assert_non_null(strstr(g, "  c1 -> v:l0:w;\n"));     /* 排除 → line 1 */
    assert_non_null(strstr(g, "  v:l1:e -> m0 [style")); /* 容錯 → M1 */
    assert_non_null(strstr(g, ">otherwise 依規</td>"));
    char *copy = strdup(g);
    assert_string_equal(rc_ruleset_graph(rs, NULL, RC_LANG_AUTO), copy);
    free(copy);
    g = rc_ruleset_graph(rs, NULL, RC_LANG_ZH_HANT);
    assert_non_null(strstr(g, "label=\"辦法 省 版本 1\""));
    assert_non_null(strstr(g, ">否則 依規</td>"));
    rc_ruleset_free(rs);
}

/* An evaluation colours the graph; one that cannot be read is refused. */
static void test_graph_of_a_case(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load_text(rules_text);
    struct rc_ruleset *other = load_text(rules_text);
    struct rc_eval *ev = rc_eval_new(rs);
    assert_null(rc_ruleset_graph(rs, ev, RC_LANG_AUTO)); /* nothing yet */
    struct rc_case *c = rc_case_new(rs, "C-1", NULL);
    assert_int_equal(rc_case_set(c, "甲", "是"), 0);
    rc_evaluate(ev, c);
    const char *g = rc_ruleset_graph(rs, ev, RC_LANG_AUTO);
    assert_non_null(g);
    assert_non_null(strstr(g, "case C-1 → 容錯"));
    assert_non_null(strstr(g, "f0 [shape=ellipse, label=\"甲 = true\", "
                              "fillcolor=\"#a8e0a0\"]"));
    assert_non_null(strstr(g, "border=\"3\">2. 容錯"));
    assert_null(rc_ruleset_graph(other, ev, RC_LANG_AUTO));
    assert_null(rc_ruleset_graph(NULL, NULL, RC_LANG_AUTO));
    assert_null(rc_ruleset_graph(rs, NULL, (enum rc_lang)9));
    rc_case_free(c);
    rc_eval_free(ev);
    rc_ruleset_free(other);
    rc_ruleset_free(rs);
}

/* A case from a stream: readable until the stream's next case; a case
 * with errors is refused. */
static void test_graph_of_a_stream_case(void **state)
{
    (void)state;
    char path[64];
    snprintf(path, sizeof path, "/tmp/rongcuo-graph-%ld.jsonl", (long)getpid());
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("{\"id\": \"J-1\", \"facts\": {\"甲\": true}}\n"
          "{\"id\": \"J-2\", \"facts\": {\"乙\": true}}\n",
          f);
    fclose(f);
    struct rc_ruleset *rs = load_text(rules_text);
    struct rc_cases *cs = rc_cases_open(rs, path);
    struct rc_eval *ev = rc_eval_new(rs);
    rc_evaluate(ev, rc_cases_next(cs));
    assert_non_null(rc_ruleset_graph(rs, ev, RC_LANG_AUTO));
    const struct rc_case *bad = rc_cases_next(cs);
    assert_null(rc_ruleset_graph(rs, ev, RC_LANG_AUTO)); /* moved on */
    rc_evaluate(ev, bad);
    assert_int_equal(rc_eval_status(ev), RC_ERROR);
    assert_null(rc_ruleset_graph(rs, ev, RC_LANG_AUTO));
    rc_eval_free(ev);
    rc_cases_close(cs);
    rc_ruleset_free(rs);
    unlink(path);
}

static struct rc_ruleset *oom_rs;
static struct rc_eval *oom_ev;

static void oom_graph(bool failing)
{
    const char *g = rc_ruleset_graph(oom_rs, NULL, RC_LANG_EN);
    assert_true(g || failing);
    if (g)
        assert_non_null(strstr(g, "r1 -> r0"));
    g = rc_ruleset_graph(oom_rs, oom_ev, RC_LANG_ZH_HANS);
    assert_true(g || failing);
    if (g)
        assert_non_null(strstr(g, "案件 C-1"));
}

/* Run op with the nth allocation failing, for n = 1, 2, … until op no
 * longer meets a failure (as test_api.c does). */
static void test_graph_out_of_memory_is_an_error(void **state)
{
    (void)state;
    oom_rs = load_text(rules_text);
    struct rc_case *c = rc_case_new(oom_rs, "C-1", NULL);
    oom_ev = rc_eval_new(oom_rs);
    rc_evaluate(oom_ev, c);
    for (long n = 1;; n++) {
        arena_fail_after(n);
        oom_graph(true);
        if (arena_fail_after(0) > 0)
            break;
    }
    oom_graph(false);
    rc_eval_free(oom_ev);
    rc_case_free(c);
    rc_ruleset_free(oom_rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_graph_parts_and_edges),
        cmocka_unit_test(test_graph_of_a_case),
        cmocka_unit_test(test_graph_of_a_stream_case),
        cmocka_unit_test(test_graph_out_of_memory_is_an_error),
    };
    return cmocka_run_group_tests_name("graph", tests, NULL, NULL);
}
