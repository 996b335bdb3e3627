/* The evaluator (engine/eval.c, LANGUAGE.md §3 and §8): Kleene logic,
 * overrides, the first-hit verdict, missing facts, measures, errors. */

#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "engine/limits.h"

static struct fixture *F(void **state)
{
    return *state;
}

static void assert_undetermined(struct fixture *f, const struct result *r,
                                const char *missing)
{
    if (r->status != ST_UNDETERMINED)
        fail_msg("status %d, want undetermined", (int)r->status);
    assert_int_equal(r->verdict, -1);
    assert_string_equal(fx_missing(f, r), missing);
    int n = 0;
    for (int i = 0; i < r->p->nfacts; i++)
        n += r->missing[i];
    assert_int_equal(r->nmissing, n);
}

static void assert_decided(const struct result *r, const char *verdict)
{
    if (r->status != ST_DECIDED)
        fail_msg("status %d, want decided", (int)r->status);
    if (verdict)
        assert_string_equal(fx_verdict(r), verdict);
    else
        assert_null(fx_verdict(r));
    assert_int_equal(r->nmissing, 0);
}

/* ---- Kleene logic ---- */

#define KLEENE                            \
    "fact a: bool\n"                      \
    "fact b: bool\n"                      \
    "conclusion K\n"                      \
    "rule AND when a and b then K\n"      \
    "rule OR when a or b then K\n"        \
    "rule NOT when not a then K\n"        \
    "rule EQ when a == b then K\n"        \
    "rule KNOWN when a is known then K\n" \
    "verdict { v when K otherwise w }\n"

static const char *tv_text(int t)
{
    return t == TV_TRUE ? "true" : t == TV_FALSE ? "false" : "unknown";
}

static void test_eval_kleene_truth_tables(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, KLEENE);
    static const int T = TV_TRUE, N = TV_FALSE, U = TV_UNKNOWN;
    static const int vals[3] = {TV_TRUE, TV_FALSE, TV_UNKNOWN};
    /* [a][b]: and, or; not a; a == b */
    static const int and_[3][3] = {{T, N, U}, {N, N, N}, {U, N, U}};
    static const int or_[3][3] = {{T, T, T}, {T, N, U}, {T, U, U}};
    static const int not_[3] = {N, T, U};
    static const int eq_[3][3] = {{T, N, U}, {N, T, U}, {U, U, U}};
    int ra = fx_rule(p, "AND"), ro = fx_rule(p, "OR"), rn = fx_rule(p, "NOT");
    int re = fx_rule(p, "EQ"), rk = fx_rule(p, "KNOWN");
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            char text[128];
            snprintf(text, sizeof text, "case k { a = %s, b = %s }",
                     tv_text(vals[i]), tv_text(vals[j]));
            const struct result *r = fx_run(f, text);
            assert_int_not_equal(r->status, ST_ERROR);
            if (r->cond[ra] != and_[i][j] || r->cond[ro] != or_[i][j] ||
                r->cond[rn] != not_[i] || r->cond[re] != eq_[i][j] ||
                r->cond[rk] != (i == 2 ? N : T))
                fail_msg("%s: and %s, or %s, not %s, == %s, known %s", text,
                         tv_text(r->cond[ra]), tv_text(r->cond[ro]),
                         tv_text(r->cond[rn]), tv_text(r->cond[re]),
                         tv_text(r->cond[rk]));
        }
}

static void test_eval_unknown_and_false_is_false(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, KLEENE);
    /* a left out: unknown; b false */
    const struct result *r = fx_run(f, "case k { b = false }");
    assert_int_equal(r->cond[fx_rule(p, "AND")], TV_FALSE);
    assert_int_equal(r->cond[fx_rule(p, "OR")], TV_UNKNOWN);
    r = fx_run(f, "case k { b = true }");
    assert_int_equal(r->cond[fx_rule(p, "AND")], TV_UNKNOWN);
    assert_int_equal(r->cond[fx_rule(p, "OR")], TV_TRUE);
    /* a conclusion holds when one rule concluding it fires */
    assert_int_equal(r->concl[fx_concl(p, "K")], TV_TRUE);
    assert_decided(r, "v");
}

static void test_eval_comparison_with_unknown(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, "fact x: number\n"
                                      "conclusion K\n"
                                      "rule R when x > 3 or x <= 3 then K\n"
                                      "rule S when not x is known then K\n"
                                      "verdict { v when K otherwise w }\n");
    const struct result *r = fx_run(f, "case k { }");
    assert_int_equal(r->cond[fx_rule(p, "R")], TV_UNKNOWN);
    assert_int_equal(r->cond[fx_rule(p, "S")], TV_TRUE);
    assert_decided(r, "v");
    r = fx_run(f, "case k { x = 1 }");
    assert_int_equal(r->cond[fx_rule(p, "R")], TV_TRUE);
    assert_int_equal(r->cond[fx_rule(p, "S")], TV_FALSE);
}

/* ---- overrides ---- */

#define OVERRIDES                             \
    "fact a: bool\n"                          \
    "fact o: bool\n"                          \
    "conclusion K\n"                          \
    "conclusion 例外\n"                     \
    "rule E when a then K\n"                  \
    "rule O when o then 例外 overrides E\n" \
    "verdict { yes when K otherwise no }\n"

static void test_eval_override_true_cancels_effect(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, OVERRIDES);
    int e = fx_rule(p, "E"), o = fx_rule(p, "O");
    const struct result *r = fx_run(f, "case k { a = true, o = true }");
    assert_int_equal(r->cond[e], TV_TRUE);
    assert_int_equal(r->effect[e], TV_FALSE);
    assert_int_equal(r->effect[o], TV_TRUE);
    assert_int_equal(r->concl[fx_concl(p, "K")], TV_FALSE);
    assert_decided(r, "no");
    /* overrider false: the rule takes effect */
    r = fx_run(f, "case k { a = true, o = false }");
    assert_int_equal(r->effect[e], TV_TRUE);
    assert_decided(r, "yes");
    /* unknown condition, overrider true: unknown and not true = false */
    r = fx_run(f, "case k { o = true }");
    assert_int_equal(r->cond[e], TV_UNKNOWN);
    assert_int_equal(r->effect[e], TV_FALSE);
    assert_decided(r, "no");
}

static void test_eval_override_unknown_makes_effect_unknown(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, OVERRIDES);
    int e = fx_rule(p, "E");
    const struct result *r = fx_run(f, "case k { a = true }");
    assert_int_equal(r->cond[e], TV_TRUE);
    assert_int_equal(r->effect[e], TV_UNKNOWN);
    assert_int_equal(r->concl[fx_concl(p, "K")], TV_UNKNOWN);
    /* the overrider's unknown fact is what is missing, not a */
    assert_undetermined(f, r, "o");
    assert_int_equal(r->line, 0);
}

static void test_eval_override_by_prefix(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, "fact a: bool\n"
                                      "fact x: bool\n"
                                      "conclusion K\n"
                                      "conclusion 排除\n"
                                      "rule T1 when a then K\n"
                                      "rule T2 when not x then K\n"
                                      "rule X when x then 排除 overrides T*\n"
                                      "verdict { 排除了 when 排除 "
                                      "容錯 when K otherwise 其他 }\n");
    const struct result *r = fx_run(f, "case k { a = true, x = true }");
    assert_int_equal(r->effect[fx_rule(p, "T1")], TV_FALSE);
    assert_int_equal(r->effect[fx_rule(p, "T2")], TV_FALSE);
    assert_int_equal(r->concl[fx_concl(p, "K")], TV_FALSE);
    assert_decided(r, "排除了");
}

/* ---- the verdict ---- */

#define TABLE                 \
    "fact a: bool\n"          \
    "fact b: bool\n"          \
    "fact c: bool\n"          \
    "conclusion A\n"          \
    "conclusion B\n"          \
    "rule RA when a then A\n" \
    "rule RB when b then B\n" \
    "verdict { 一 when A 二 when B 三 when c otherwise 四 }\n"

static void test_eval_first_hit(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, TABLE);
    /* lines 1 and 2 both true: the first decides */
    const struct result *r = fx_run(f, "case k { a = true, b = true }");
    assert_decided(r, "一");
    assert_int_equal(r->line, 0);
    assert_int_equal(r->lines[0], TV_TRUE);
    assert_int_equal(r->lines[1], LINE_NOT_TRIED);
    r = fx_run(f, "case k { a = false, b = true, c = true }");
    assert_decided(r, "二");
    assert_int_equal(r->line, 1);
    assert_int_equal(r->lines[0], TV_FALSE);
    r = fx_run(f, "case k { a = false, b = false, c = false }");
    assert_decided(r, "四");
    assert_int_equal(r->line, 3);
}

static void test_eval_undetermined_does_not_fall_through(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, TABLE);
    /* line 1 unknown although line 2 is true */
    const struct result *r = fx_run(f, "case k { b = true, c = true }");
    assert_undetermined(f, r, "a");
    assert_int_equal(r->line, 0);
    assert_int_equal(r->lines[0], TV_UNKNOWN);
    assert_int_equal(r->lines[1], LINE_NOT_TRIED);
    /* the same result decides the next case from scratch */
    r = fx_run(f, "case k { a = true }");
    assert_decided(r, "一");
    assert_string_equal(fx_missing(f, r), "");
    /* unknown at the last line before otherwise */
    r = fx_run(f, "case k { a = false, b = false }");
    assert_undetermined(f, r, "c");
    assert_int_equal(r->line, 2);
}

#define MISSING                        \
    "fact a: bool\n"                   \
    "fact b: bool\n"                   \
    "fact c: bool\n"                   \
    "fact d: bool\n"                   \
    "fact e: bool\n"                   \
    "fact g: bool\n"                   \
    "fact h: bool\n"                   \
    "fact x: number\n"                 \
    "conclusion K\n"                   \
    "conclusion L\n"                   \
    "rule R1 when a and b then K\n"    \
    "rule R2 when c and d then K\n"    \
    "rule R3 when h or x > 1 then L\n" \
    "verdict {\n"                      \
    "  v0 when c and d\n"              \
    "  v1 when K and (e or g)\n"       \
    "  v2 when L\n"                    \
    "  otherwise v3\n"                 \
    "}\n"

/* Only the unknown facts that make the line unknown are missing. */
static void test_eval_missing_only_what_matters(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, MISSING);
    /* v0: c false, so d does not matter. v1: K unknown through R1 (a
       unknown, b true; R2 false because c is), e true so g does not
       matter. v2 is not tried, so h and x do not matter. */
    const struct result *r =
        fx_run(f, "case k { b = true, c = false, e = true }");
    assert_undetermined(f, r, "a");
    assert_int_equal(r->line, 1);
    assert_int_equal(r->lines[0], TV_FALSE);
    assert_int_equal(r->lines[2], LINE_NOT_TRIED);
}

static void test_eval_missing_several(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, MISSING);
    /* e false: g matters now; a and b both unknown */
    const struct result *r = fx_run(f, "case k { c = false, e = false }");
    assert_undetermined(f, r, "a,b,g");
    /* K true through R1: only (e or g) is left */
    r = fx_run(f, "case k { a = true, b = true, c = false }");
    assert_undetermined(f, r, "e,g");
    /* K false, then v2 unknown through L: h and x */
    r = fx_run(f, "case k { a = false, c = false }");
    assert_undetermined(f, r, "h,x");
    assert_int_equal(r->line, 2);
    /* x known and small, h unknown: only h */
    r = fx_run(f, "case k { a = false, c = false, x = 0 }");
    assert_undetermined(f, r, "h");
    /* both R1 and R2 unknown (c true, d unknown) */
    r = fx_run(f, "case k { b = true, c = true, e = true }");
    assert_undetermined(f, r, "d");
    assert_int_equal(r->line, 0);
}

/* With only brief traces to make, an undetermined case is not analysed
 * (all_lines and settles are left as they were), and its outcome and
 * missing facts are the same as with the analysis. */
static void test_eval_brief_skips_analysis(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, MISSING);
    const char *text = "case k { c = false, e = false }";
    struct result *r = fx_run(f, text);
    assert_int_equal(r->settles[fx_fact(f->plan, "a")], 1);
    r->brief = true;
    r->settles[fx_fact(f->plan, "a")] = 77;
    r->all_lines[3] = 77;
    r = fx_run(f, text);
    assert_undetermined(f, r, "a,b,g");
    assert_int_equal(r->line, 1);
    assert_int_equal(r->settles[fx_fact(f->plan, "a")], 77);
    assert_int_equal(r->all_lines[3], 77);
    /* why not still asks for the analysis */
    r->explain = true;
    r = fx_run(f, text);
    assert_int_equal(r->settles[fx_fact(f->plan, "a")], 1);
    assert_int_equal(r->all_lines[3], TV_TRUE);
}

static void test_eval_explicit_unknown_beats_default(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, "fact 被誣告: bool = false\n"
                                      "fact 金額: number = 0\n"
                                      "conclusion K\n"
                                      "rule R when 金額 == 0 then K\n"
                                      "verdict { 澄清 when 被誣告 "
                                      "免責 when K otherwise 其他 }\n");
    /* left out: the defaults apply */
    const struct result *r = fx_run(f, "case k { }");
    assert_decided(r, "免責");
    assert_int_equal(r->cf->origin[fx_fact(p, "被誣告")], FROM_DEFAULT);
    /* given as unknown: stays unknown */
    r = fx_run(f, "case k { 被誣告 = unknown }");
    assert_undetermined(f, r, "被誣告");
    assert_int_equal(r->cf->origin[fx_fact(p, "被誣告")], FROM_CASE);
    assert_false(r->cf->vals[fx_fact(p, "被誣告")].known);
    r = fx_run(f, "case k { 被誣告 = 否, 金額 = 未知 }");
    assert_undetermined(f, r, "金額");
}

static void test_eval_measures_with_verdict_unknown(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, "fact a: bool\n"
                                      "fact e: bool\n"
                                      "conclusion A\n"
                                      "rule RA when a then A\n"
                                      "verdict { v1 when A otherwise v2 }\n"
                                      "measure M1 when verdict == v1\n"
                                      "measure M2 when verdict == v1 or e\n"
                                      "measure M3 when e and not a\n"
                                      "measure M4 when verdict in {v1, v2} "
                                      "and e\n");
    const struct result *r = fx_run(f, "case k { e = true }");
    assert_undetermined(f, r, "a");
    assert_int_equal(r->measures[fx_measure(p, "M1")], TV_UNKNOWN);
    assert_int_equal(r->measures[fx_measure(p, "M2")], TV_TRUE);
    assert_int_equal(r->measures[fx_measure(p, "M3")], TV_UNKNOWN);
    assert_int_equal(r->measures[fx_measure(p, "M4")], TV_UNKNOWN);
    /* decided: verdict is known inside measures */
    r = fx_run(f, "case k { a = true, e = true }");
    assert_decided(r, "v1");
    assert_int_equal(r->measures[fx_measure(p, "M1")], TV_TRUE);
    assert_int_equal(r->measures[fx_measure(p, "M3")], TV_FALSE);
    assert_int_equal(r->measures[fx_measure(p, "M4")], TV_TRUE);
    r = fx_run(f, "case k { a = false, e = false }");
    assert_decided(r, "v2");
    assert_int_equal(r->measures[fx_measure(p, "M1")], TV_FALSE);
    assert_int_equal(r->measures[fx_measure(p, "M2")], TV_FALSE);
}

static void test_eval_no_otherwise_no_verdict(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, "fact a: bool\n"
               "conclusion A\n"
               "rule RA when a then A\n"
               "verdict { v1 when A }\n"
               "measure M when not a\n");
    const struct result *r = fx_run(f, "case k { a = false }");
    assert_decided(r, NULL);
    assert_int_equal(r->verdict, -1);
    assert_int_equal(r->line, -1);
    assert_int_equal(r->lines[0], TV_FALSE);
    assert_int_equal(r->measures[0], TV_TRUE);
    r = fx_run(f, "case k { a = true }");
    assert_decided(r, "v1");
}

/* ---- errors ---- */

static void test_eval_division_by_zero_is_an_error(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, "fact x: number\n"
               "fact y: number = 1\n"
               "conclusion K\n"
               "rule R when y / x > 1 then K\n"
               "verdict { v when K otherwise w }\n");
    const struct result *r = fx_run(f, "case k { x = 0 }");
    assert_int_equal(r->status, ST_ERROR);
    assert_int_equal(r->errors.errors, 1);
    const struct diag *d = fx_need(&r->errors, DIAG_ERROR, "division by zero");
    assert_int_equal(d->loc.first_line, 4);
    assert_int_equal(d->loc.first_column, 13);
    /* the next case is fine again */
    r = fx_run(f, "case k { x = 0.5 }");
    assert_decided(r, "v");
    assert_int_equal(r->errors.errors, 0);
    r = fx_run(f, "case k { x = 2 }");
    assert_decided(r, "w");
}

static void test_eval_fact_error_never_gives_a_verdict(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, KLEENE);
    /* b would decide the verdict, but a has a wrong type */
    struct case_facts *cf = fx_case(f, "case k { a = 3, b = true }");
    assert_int_equal(cf->errors->errors, 1);
    fx_need(cf->errors, DIAG_ERROR, "fact 'a' takes");
    const struct result *r = fx_eval(f, cf);
    assert_int_equal(r->status, ST_ERROR);
    assert_int_equal(r->verdict, -1);
    assert_int_equal(r->line, -1);
    for (int i = 0; i < p->nlines; i++)
        assert_int_equal(r->lines[i], LINE_NOT_TRIED);
    for (int i = 0; i < p->nrules; i++)
        assert_int_equal(r->effect[i], TV_FALSE);
    assert_int_equal(r->nmissing, 0);
}

static void test_eval_unknown_fact_in_case(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, EXAMPLE_EN);
    struct case_facts *cf = fx_case(f, "case k {\n"
                                       "  謀取私利 = false\n"
                                       "  已正改 = true\n"
                                       "}");
    assert_int_equal(cf->errors->errors, 1);
    const struct diag *d =
        fx_need(cf->errors, DIAG_ERROR, "the rule set has no fact '已正改'");
    assert_int_equal(d->loc.first_line, 3);
    assert_int_equal(d->loc.first_column, 3);
    assert_string_equal(d->hint, "did you mean '已整改'?");
    assert_int_equal(fx_eval(f, cf)->status, ST_ERROR);
    /* a fact given twice, and a broken case, are errors too */
    cf = fx_case(f, "case k { 已整改 = true, 已整改 = false }");
    fx_need(cf->errors, DIAG_ERROR, "given twice");
    assert_int_equal(fx_eval(f, cf)->status, ST_ERROR);
    cf = fx_case(f, "case k { 已整改 = = true }");
    assert_true(cf->errors->errors >= 1);
    assert_int_equal(fx_eval(f, cf)->status, ST_ERROR);
}

/* ---- values ---- */

#define VALUES                                         \
    "fact area: one of {p, q, r}\n"                    \
    "fact acts: set of {s1, s2, s3, s4}\n"             \
    "list PQ = {p, q}\n"                               \
    "list S12 = {s1, s2}\n"                            \
    "conclusion K\n"                                   \
    "rule I1 when area in {p, r} then K\n"             \
    "rule I2 when area in PQ then K\n"                 \
    "rule I3 when area == q then K\n"                  \
    "rule C1 when acts contains s3 then K\n"           \
    "rule C2 when acts contains any S12 then K\n"      \
    "rule C3 when acts contains {s1, s4} then K\n"     \
    "rule C4 when acts contains any {s3, s4} then K\n" \
    "rule C5 when acts == {s4, s2} then K\n"           \
    "verdict { v when K otherwise w }\n"

static void check_rules(const struct result *r, const char *const *ids,
                        const int *want, int n)
{
    for (int i = 0; i < n; i++) {
        int got = r->cond[fx_rule(r->p, ids[i])];
        if (got != want[i])
            fail_msg("rule %s: %s, want %s", ids[i], tv_text(got),
                     tv_text(want[i]));
    }
}

static void test_eval_in_and_contains(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, VALUES);
    static const char *const ids[] = {"I1", "I2", "I3", "C1",
                                      "C2", "C3", "C4", "C5"};
    static const int T = TV_TRUE, N = TV_FALSE, U = TV_UNKNOWN;
    const struct result *r = fx_run(f, "case k { area = q, acts = {s2, s4} }");
    static const int w1[] = {N, T, T, N, T, N, T, T};
    check_rules(r, ids, w1, 8);
    r = fx_run(f, "case k { area = \"r\", acts = {s1, s3, s4} }");
    static const int w2[] = {T, N, N, T, T, T, T, N};
    check_rules(r, ids, w2, 8);
    r = fx_run(f, "case k { acts = {} }");
    static const int w3[] = {U, U, U, N, N, N, N, N};
    check_rules(r, ids, w3, 8);
    /* a single option for a set-of fact is a set of one */
    r = fx_run(f, "case k { area = p, acts = s3 }");
    static const int w4[] = {T, T, N, T, N, N, T, N};
    check_rules(r, ids, w4, 8);
}

static void test_eval_option_outside_domain_in_case(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, VALUES);
    struct case_facts *cf = fx_case(f, "case k { area = z }");
    const struct diag *d =
        fx_need(cf->errors, DIAG_ERROR, "'z' is not an option of area");
    assert_int_equal(d->loc.first_column, 17);
    cf = fx_case(f, "case k { acts = {s1, s9} }");
    d = fx_need(cf->errors, DIAG_ERROR, "'s9' is not an option of acts");
    assert_int_equal(d->loc.first_column, 22);
    assert_non_null(strstr(d->hint, "s1"));
    assert_int_equal(fx_eval(f, cf)->status, ST_ERROR);
}

static void test_eval_dates(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, "fact d1: date\n"
                                      "fact d2: date\n"
                                      "conclusion K\n"
                                      "rule D1 when d1 < d2 then K\n"
                                      "rule D2 when d1 >= 2023-05-01 then K\n"
                                      "rule D3 when d1 == 2023-02-10 then K\n"
                                      "rule D4 when d2 > 2024-02-28 then K\n"
                                      "verdict { v when K otherwise w }\n");
    static const char *const ids[] = {"D1", "D2", "D3", "D4"};
    static const int T = TV_TRUE, N = TV_FALSE, U = TV_UNKNOWN;
    const struct result *r =
        fx_run(f, "case k { d1 = 2023-02-10, d2 = \"2023-05-01\" }");
    static const int w1[] = {T, N, T, N};
    check_rules(r, ids, w1, 4);
    r = fx_run(f, "case k { d1 = 2024-03-01, d2 = 2024-02-29 }");
    static const int w2[] = {N, T, N, T};
    check_rules(r, ids, w2, 4);
    r = fx_run(f, "case k { d1 = 2023-05-01 }");
    static const int w3[] = {U, T, N, U};
    check_rules(r, ids, w3, 4);
    /* a date as a quoted string must be a real date */
    struct case_facts *cf = fx_case(f, "case k { d1 = \"2023-02-30\" }");
    fx_need(cf->errors, DIAG_ERROR, "not a date");
    cf = fx_case(f, "case k { d1 = 20230210 }");
    fx_need(cf->errors, DIAG_ERROR, "fact 'd1' takes a date");
    (void)p;
}

static void test_eval_exact_decimals(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, "fact x: number\n"
               "conclusion K\n"
               "rule N1 when 0.1 + 0.2 == 0.3 then K\n"
               "rule N2 when x == 12.5 then K\n"
               "rule N3 when x / 3 * 3 == x then K\n"
               "rule N4 when x - 0.1 - 0.2 == 12.2 then K\n"
               "rule N5 when -x < -12.49 then K\n"
               "rule N6 when 1 / 3 + 1 / 3 + 1 / 3 == 1 then K\n"
               "verdict { v when K otherwise w }\n");
    static const char *const ids[] = {"N1", "N2", "N3", "N4", "N5", "N6"};
    static const int T = TV_TRUE, N = TV_FALSE, U = TV_UNKNOWN;
    const struct result *r = fx_run(f, "case k { x = 12.50 }");
    static const int w1[] = {T, T, T, T, T, T};
    check_rules(r, ids, w1, 6);
    r = fx_run(f, "case k { x = 12.49 }");
    static const int w2[] = {T, N, T, N, N, T};
    check_rules(r, ids, w2, 6);
    r = fx_run(f, "case k { }");
    static const int w3[] = {T, U, U, U, U, T};
    check_rules(r, ids, w3, 6);
}

static void test_eval_overflow_is_an_error(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, "fact x: number\n"
               "conclusion K\n"
               "rule R when x * x > 0 then K\n"
               "rule S when x * x * x * x * x * x * x * x * x * x > 0 then K\n"
               "verdict { v when K otherwise w }\n");
    /* past 64 bits is exact, not an error: 9e17 squared */
    struct result *r = fx_run(f, "case k { x = 900000000000000000 }");
    assert_int_equal(r->status, ST_DECIDED);
    assert_int_equal(r->cond[0], TV_TRUE);
    assert_int_equal(r->cond[1], TV_TRUE);
    /* a 1000-digit x: x * x is fine, x to the 10th has about 10000
       digits, past LIMIT_NUM_BITS */
    char text[LIMIT_NUM_DIGITS + 32];
    int k = snprintf(text, sizeof text, "case k { x = ");
    memset(text + k, '9', LIMIT_NUM_DIGITS);
    strcpy(text + k + LIMIT_NUM_DIGITS, " }");
    r = fx_run(f, text);
    assert_int_equal(r->status, ST_ERROR);
    assert_int_equal(r->cond[0], TV_TRUE);
    fx_need(&r->errors, DIAG_ERROR, "too large");
}

/* The big numbers of one case take at most LIMIT_NUM_CASE_BYTES: 1000
 * rules that each compute x to the 9th for a 1000-digit x need about
 * 18 MB; the first rules are evaluated, the last ones are errors. */
static void test_eval_big_numbers_per_case_bounded(void **state)
{
    struct fixture *f = F(state);
    enum { NRULES = 1000 };
    size_t size = 64 + NRULES * 96;
    char *rules = malloc(size), *p = rules;
    assert_non_null(rules);
    p += sprintf(p, "fact x: number\nconclusion K\n");
    for (int i = 0; i < NRULES; i++)
        p += sprintf(p, "rule R%d when x*x*x*x*x*x*x*x*x > 0 then K\n", i);
    sprintf(p, "verdict { v when K otherwise w }\n");
    fx_plan(f, rules);
    free(rules);
    char text[LIMIT_NUM_DIGITS + 32];
    int k = snprintf(text, sizeof text, "case k { x = ");
    memset(text + k, '9', LIMIT_NUM_DIGITS);
    strcpy(text + k + LIMIT_NUM_DIGITS, " }");
    struct result *r = fx_run(f, text);
    assert_int_equal(r->status, ST_ERROR);
    assert_int_equal(r->cond[0], TV_TRUE);
    fx_need(&r->errors, DIAG_ERROR, "too large");
    /* the next case starts afresh */
    r = fx_run(f, "case k { x = 2 }");
    assert_int_equal(r->status, ST_DECIDED);
    assert_int_equal(r->cond[NRULES - 1], TV_TRUE);
}

/* Facts set through cases_new/cases_set, as an embedding program would. */
static void test_eval_facts_from_cases_set(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, EXAMPLE_EN);
    struct diag_list *el = fx_errors(f);
    struct case_facts *cf = cases_new(&f->arena, p, el);
    cf->id = "API-1";
    /* defaults are in place before anything is set */
    int loss = fx_fact(p, "損失金額");
    assert_int_equal(cf->origin[loss], FROM_DEFAULT);
    assert_true(cf->vals[loss].known);
    assert_int_equal(cf->origin[fx_fact(p, "已整改")], FROM_ABSENT);
    struct src_loc loc = {0};
    struct ast_name n1 = {.text = "謀取私利", .loc = loc};
    struct ast_value no = {.kind = VAL_BOOL, .b = false};
    cases_set(&f->arena, p, cf, &n1, &no);
    struct ast_name n2 = {.text = "政策把握不準", .loc = loc};
    struct ast_value yes = {.kind = VAL_BOOL, .b = true};
    cases_set(&f->arena, p, cf, &n2, &yes);
    struct ast_name n3 = {.text = "損失金額", .loc = loc};
    struct ast_value amount = {.kind = VAL_NUM, .num = {25, 2}};
    cases_set(&f->arena, p, cf, &n3, &amount);
    struct ast_name n4 = {.text = "已整改", .loc = loc};
    cases_set(&f->arena, p, cf, &n4, &yes);
    assert_int_equal(el->errors, 0);
    const struct result *r = fx_eval(f, cf);
    assert_decided(r, "容錯減責");
    assert_int_equal(r->measures[fx_measure(p, "談話提醒")], TV_TRUE);
    assert_int_equal(r->measures[fx_measure(p, "責令糾正")], TV_FALSE);
    assert_int_equal(r->effect[fx_rule(p, "T2")], TV_TRUE);
    assert_int_equal(r->effect[fx_rule(p, "E1")], TV_FALSE);
    assert_int_equal(r->effect[fx_rule(p, "R1")], TV_TRUE);
    /* a name the plan does not know */
    struct ast_name bad = {.text = "謀取私立", .loc = loc};
    cases_set(&f->arena, p, cf, &bad, &yes);
    assert_int_equal(el->errors, 1);
    assert_string_equal(el->head->hint, "did you mean '謀取私利'?");
    assert_int_equal(fx_eval(f, cf)->status, ST_ERROR);
}

/* The §5 example case under the §2 rules (LANGUAGE.md). */
static void test_eval_songzi_example(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, EXAMPLE_EN);
    const struct result *r =
        fx_run(f, "case \"SZ-2023-07\" \"松滋市金松投資集團\" {\n"
                  "  謀取私利 = false\n"
                  "  政策把握不準 = 是\n"
                  "  損失金額 = 12.5\n"
                  "  領域 = 營商環境\n"
                  "  行為 = {未批先建}\n"
                  "  決策日期 = 2023-02-10\n"
                  "  已整改 = unknown\n"
                  "}\n");
    assert_undetermined(f, r, "已整改");
    assert_int_equal(r->line, 3);
    assert_int_equal(r->lines[2], TV_FALSE);
    assert_int_equal(r->concl[fx_concl(p, "容錯情形")], TV_TRUE);
    assert_int_equal(r->concl[fx_concl(p, "免責情形")], TV_FALSE);
    assert_int_equal(r->concl[fx_concl(p, "減責情形")], TV_UNKNOWN);
    assert_int_equal(r->measures[fx_measure(p, "談話提醒")], TV_UNKNOWN);
    assert_int_not_equal(r->measures[fx_measure(p, "責令糾正")], TV_TRUE);
    assert_string_equal(r->cf->id, "SZ-2023-07");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(test_eval_kleene_truth_tables),
        T(test_eval_unknown_and_false_is_false),
        T(test_eval_comparison_with_unknown),
        T(test_eval_override_true_cancels_effect),
        T(test_eval_override_unknown_makes_effect_unknown),
        T(test_eval_override_by_prefix),
        T(test_eval_first_hit),
        T(test_eval_undetermined_does_not_fall_through),
        T(test_eval_missing_only_what_matters),
        T(test_eval_missing_several),
        T(test_eval_brief_skips_analysis),
        T(test_eval_explicit_unknown_beats_default),
        T(test_eval_measures_with_verdict_unknown),
        T(test_eval_no_otherwise_no_verdict),
        T(test_eval_division_by_zero_is_an_error),
        T(test_eval_fact_error_never_gives_a_verdict),
        T(test_eval_unknown_fact_in_case),
        T(test_eval_in_and_contains),
        T(test_eval_option_outside_domain_in_case),
        T(test_eval_dates),
        T(test_eval_exact_decimals),
        T(test_eval_overflow_is_an_error),
        T(test_eval_big_numbers_per_case_bounded),
        T(test_eval_facts_from_cases_set),
        T(test_eval_songzi_example),
    };
#undef T
    return cmocka_run_group_tests_name("eval", tests, NULL, NULL);
}
