/* The explanation of a result as data (engine/explain.c): the lines not
 * taken with the parts that failed and their facts, and the missing facts
 * ranked, sized by the rule set. */

#include "helpers.h"

#include "engine/explain.h"
#include "engine/sbuf.h"

static struct fixture *F(void **state)
{
    return *state;
}

#define RULES                                                      \
    "fact a: bool\nfact b: bool\nfact x: number\nfact y: number\n" \
    "conclusion K\nrule R when a then K\n"                         \
    "verdict {\n  V1 when K and x + y > 10\n  V2 when a or b\n"    \
    "  V3 when b and y > 1\n  otherwise W\n}\n"

static void test_explain_not_taken(void **state)
{
    struct fixture *f = F(state);
    struct plan *p = fx_plan(f, RULES);
    const struct result *r =
        fx_run(f, "case \"C\" { a = false, b = false, x = 1, y = 2 }");
    const struct explanation *e = explain_result(r);
    assert_int_equal(e->nnot_taken, 3); /* every line before otherwise */
    assert_int_equal(e->not_taken[0].line, 0);
    assert_int_equal(e->not_taken[0].nparts, 1); /* K is false */
    assert_int_equal(p->nodes[e->not_taken[0].parts[0].node].op, C_CONCL);
    const struct ex_line *l = &e->not_taken[1];
    assert_int_equal(l->nparts, 2); /* a, b: each side of the `or` */
    assert_int_equal(l->parts[0].is, TV_FALSE);
    assert_int_equal(l->parts[0].nfacts, 1);
    assert_int_equal(l->parts[0].facts[0], fx_fact(p, "a"));
    assert_int_equal(l->parts[1].facts[0], fx_fact(p, "b"));
    l = &e->not_taken[2]; /* b and y > 1: only the false side, b */
    assert_int_equal(l->nparts, 1);
    assert_int_equal(l->parts[0].facts[0], fx_fact(p, "b"));
    assert_int_equal(e->nmissing, 0);
}

static void test_explain_missing_ranked(void **state)
{
    struct fixture *f = F(state);
    struct plan *p = fx_plan(f, "fact a: bool\nfact b: bool\n"
                                "verdict {\n  V1 when b\n  V2 when a and b\n"
                                "  V3 when a\n  V4 when a\n  otherwise W\n}\n");
    const struct result *r = fx_run(f, "case \"C\" { }");
    const struct explanation *e = explain_result(r);
    assert_int_equal(e->nmissing, 1); /* the first line is unknown: b */
    assert_int_equal(e->missing[0], fx_fact(p, "b"));
}

#define RULES2                                                      \
    "fact a: bool\nfact b: bool\nfact c: bool\n"                    \
    "conclusion K\nconclusion L\nconclusion M\n"                    \
    "rule R1 when a then K\nrule R2 when b then K\n"                \
    "rule R3 when a then L\nrule R4 when b then M overrides R3\n"   \
    "rule R5 when c then M overrides R2\n"                          \
    "verdict {\n  V1 when K\n  otherwise W\n}\n"                    \
    "measure N1 when verdict == V1\nmeasure N2 when verdict == W\n" \
    "measure N3 when verdict == V1 and not c\n"

/* Findings: each conclusion found true with only the rules in effect. */
static void test_explain_findings(void **state)
{
    struct fixture *f = F(state);
    struct plan *p = fx_plan(f, RULES2);
    const struct result *r =
        fx_run(f, "case \"C\" { a = true, b = true, c = true }");
    const struct explanation *e = explain_result(r);
    assert_int_equal(e->nfindings, 2); /* K and M; L is overridden */
    assert_string_equal(p->concls[e->findings[0].concl].name, "K");
    assert_int_equal(e->findings[0].nrules, 1); /* R2 is overridden */
    assert_string_equal(p->rules[e->findings[0].rules[0]].id, "R1");
    assert_string_equal(p->concls[e->findings[1].concl].name, "M");
    assert_int_equal(e->findings[1].nrules, 2);
    assert_string_equal(p->rules[e->findings[1].rules[1]].id, "R5");
}

/* Measures: only those attached, in order; N3 is unknown while c is. */
static void test_explain_measures(void **state)
{
    struct fixture *f = F(state);
    struct plan *p = fx_plan(f, RULES2);
    const struct explanation *e =
        explain_result(fx_run(f, "case \"C\" { a = true, b = true }"));
    assert_int_equal(e->nmeasures, 1);
    assert_string_equal(p->measures[e->measures[0]].id, "N1");
    e = explain_result(fx_run(f, "case \"D\" { a = true, c = false }"));
    assert_int_equal(e->nmeasures, 2);
    assert_string_equal(p->measures[e->measures[0]].id, "N1");
    assert_string_equal(p->measures[e->measures[1]].id, "N3");
}

/* Overrides: each rule that fired and did not take effect, with the
 * overriders whose condition is not false. */
static void test_explain_overridden(void **state)
{
    struct fixture *f = F(state);
    struct plan *p = fx_plan(f, RULES2);
    const struct explanation *e = explain_result(
        fx_run(f, "case \"C\" { a = true, b = true, c = true }"));
    assert_int_equal(e->noverridden, 2);
    assert_int_equal(e->overridden[0].rule, fx_rule(p, "R2"));
    assert_int_equal(e->overridden[0].effect, TV_FALSE);
    assert_int_equal(e->overridden[0].nby, 1);
    assert_int_equal(e->overridden[0].by[0], fx_rule(p, "R5"));
    assert_int_equal(e->overridden[1].rule, fx_rule(p, "R3"));
    assert_int_equal(e->overridden[1].by[0], fx_rule(p, "R4"));
    /* c unknown: R2 perhaps overridden (by R5, unknown) */
    e = explain_result(fx_run(f, "case \"D\" { a = true, b = true }"));
    assert_int_equal(e->noverridden, 2);
    assert_int_equal(e->overridden[0].effect, TV_UNKNOWN);
    assert_int_equal(e->overridden[0].by[0], fx_rule(p, "R5"));
    e = explain_result(fx_run(f, "case \"E\" { a = true, b = false }"));
    assert_int_equal(e->noverridden, 0); /* b false: R4 overrides nothing */
}

/* Why not V1: K did not hold, R1's condition is false (a) and R2 fired but
 * R5 overrode it. */
static void test_explain_why_not(void **state)
{
    struct fixture *f = F(state);
    struct plan *p = fx_plan(f, RULES2);
    f->result = eval_new(p);
    f->result->why_not = plan_option(&p->verdicts, "V1");
    f->result->explain = true;
    const struct result *r =
        fx_run(f, "case \"C\" { a = false, b = true, c = true }");
    const struct explanation *e = explain_result(r);
    assert_int_equal(e->nwhy_not, 1);
    const struct ex_wline *l = &e->why_not[0];
    assert_int_equal(l->line, 0);
    assert_int_equal(l->is, TV_FALSE);
    assert_false(l->decided);
    assert_true(l->reached);
    assert_int_equal(l->nparts, 1); /* K is false */
    assert_int_equal(l->parts[0].part.node, p->lines[0].cond);
    assert_int_equal(l->parts[0].nrules, 2);
    const struct ex_wrule *r1 = &l->parts[0].rules[0];
    assert_int_equal(r1->rule, fx_rule(p, "R1"));
    assert_int_equal(r1->cond, TV_FALSE);
    assert_int_equal(r1->nby, 0);
    assert_int_equal(r1->nparts, 1);
    assert_int_equal(r1->parts[0].part.facts[0], fx_fact(p, "a"));
    assert_int_equal(r1->parts[0].nrules, 0); /* a is a fact */
    const struct ex_wrule *r2 = &l->parts[0].rules[1];
    assert_int_equal(r2->cond, TV_TRUE);
    assert_int_equal(r2->nparts, 0);
    assert_int_equal(r2->nby, 1);
    assert_int_equal(r2->by[0], fx_rule(p, "R5"));
}

/* Without --why-not there are no why-not chains. */
static void test_explain_no_why_not(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES2);
    const struct result *r = fx_run(f, "case \"C\" { a = false }");
    assert_int_equal(explain_result(r)->nwhy_not, 0);
}

/* 100 facts under one part and a 40-way `or`: nothing is cut short. */
static void test_explain_sized_by_rule_set(void **state)
{
    struct fixture *f = F(state);
    struct sbuf rules = {0}, c = {0};
    for (int i = 0; i < 100; i++)
        sb_printf(&rules, "fact f%d: number\n", i);
    for (int i = 0; i < 40; i++)
        sb_printf(&rules, "fact g%d: bool\n", i);
    sb_puts(&rules, "verdict {\n  A when f0");
    for (int i = 1; i < 100; i++)
        sb_printf(&rules, " + f%d", i);
    sb_puts(&rules, " > 1000\n  B when g0");
    for (int i = 1; i < 40; i++)
        sb_printf(&rules, " or g%d", i);
    sb_puts(&rules, "\n  otherwise C\n}\n");
    sb_puts(&c, "case \"M\" {\n");
    for (int i = 0; i < 100; i++)
        sb_printf(&c, "  f%d = 1\n", i);
    for (int i = 0; i < 40; i++)
        sb_printf(&c, "  g%d = false\n", i);
    sb_puts(&c, "}\n");
    struct plan *p = fx_plan(f, rules.p);
    const struct explanation *e = explain_result(fx_run(f, c.p));
    assert_int_equal(e->nnot_taken, 2);
    assert_int_equal(e->not_taken[0].nparts, 1);
    assert_int_equal(e->not_taken[0].parts[0].nfacts, 100);
    assert_int_equal(e->not_taken[0].parts[0].facts[99], fx_fact(p, "f99"));
    assert_int_equal(e->not_taken[1].nparts, 40);
    assert_int_equal(e->not_taken[1].parts[39].facts[0], fx_fact(p, "g39"));
    sb_free(&rules);
    sb_free(&c);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(test_explain_not_taken),         T(test_explain_missing_ranked),
        T(test_explain_sized_by_rule_set), T(test_explain_findings),
        T(test_explain_measures),          T(test_explain_overridden),
        T(test_explain_why_not),           T(test_explain_no_why_not),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
