/*
 * The encoding of prove/ against the evaluator, on random rule sets: for
 * random cases, the encoding fixed to the case gives what eval_case gives
 * (status, verdict, measures, conclusions, every rule's condition and
 * effect); a question the solver says no case answers is answered by none
 * of thousands of random cases; every counterexample it gives, read as a
 * case file and run, is one. Deterministic (a fixed seed).
 */
#include "tests/unit/helpers.h"

#include "engine/caseread.h"
#include "engine/plan_tests.h"
#include "engine/names.h"
#include "prove/diff.h"
#include "prove/encode.h"
#include "prove/prove.h"

#ifndef AGREE
#define AGREE 150
#endif

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static void num_expr(struct sbuf *b, int depth)
{
    static const char *const leaf[] = {
        "n0", "n1", "2", "0.5", "-1", "0", "(d0 - 2023-01-01)"};
    static const char *const op[] = {" + ", " - ", " * ", " / "};
    if (depth <= 0 || rnd(3) == 0) {
        sb_puts(b, leaf[rnd(7)]);
        return;
    }
    if (rnd(6) == 0) {
        sb_puts(b, "-(");
        num_expr(b, depth - 1);
        sb_putc(b, ')');
        return;
    }
    unsigned o = rnd(4);
    sb_putc(b, '(');
    num_expr(b, depth - 1);
    sb_puts(b, op[o]);
    if (o == 2)
        sb_puts(b, rnd(2) ? "3" : "n1"); /* keep products mostly linear */
    else
        num_expr(b, depth - 1);
    sb_putc(b, ')');
}

/* A condition; concls: how many conclusions (c0 …) it may read;
 * verdict: it may read the verdict (a measure). */
static void bool_expr(struct sbuf *b, int depth, int concls, bool verdict)
{
    static const char *const atom[] = {"b0",
                                       "b1",
                                       "b2",
                                       "not b0",
                                       "b1 == false",
                                       "s0 in {a, b}",
                                       "s0 == c",
                                       "m0 contains x",
                                       "m0 contains any {y, z}",
                                       "m0 == {x}",
                                       "t0 == \"foo\"",
                                       "t0 != \"bar\"",
                                       "d0 <= 2023-05-01",
                                       "d0 + n0 > 2023-06-01",
                                       "n0 is known",
                                       "not d0 is known",
                                       "d0 - 2 < 2023-01-03"};
    static const char *const cmp[] = {" < ", " <= ", " == ", " != ", " > "};
    unsigned k = depth <= 0 ? rnd(3) : rnd(7);
    if (k == 0 && concls > 0) {
        sb_printf(b, "c%u", rnd((unsigned)concls));
    } else if (k == 1 && verdict) {
        sb_puts(b, rnd(2) ? "verdict == V0" : "verdict in {V1, V2}");
    } else if (k <= 1) {
        sb_puts(b, atom[rnd(17)]);
    } else if (k == 2) {
        num_expr(b, 2);
        sb_puts(b, cmp[rnd(5)]);
        num_expr(b, 1);
    } else if (k == 3) {
        sb_puts(b, "not (");
        bool_expr(b, depth - 1, concls, verdict);
        sb_putc(b, ')');
    } else {
        sb_putc(b, '(');
        bool_expr(b, depth - 1, concls, verdict);
        sb_puts(b, k % 2 ? " and " : " or ");
        bool_expr(b, depth - 1, concls, verdict);
        sb_putc(b, ')');
    }
}

/* A random rule set; rule Q (the last) is the condition of the questions. */
static void rule_set(struct sbuf *b)
{
    sb_puts(b, "fact b0: bool\nfact b1: bool\nfact b2: bool = false\n"
               "fact n0: number\nfact n1: number = 0\nfact d0: date\n"
               "fact s0: one of {a, b, c}\nfact m0: set of {x, y, z}\n"
               "fact t0: text\n"
               "conclusion c0\nconclusion c1\nconclusion c2\nconclusion cq\n");
    int nrules = 3 + (int)rnd(4);
    for (int i = 0; i < nrules; i++) {
        int level = i * 3 / nrules; /* concludes c<level>, reads below */
        sb_printf(b, "rule R%d when ", i);
        bool_expr(b, 2, level, false);
        sb_printf(b, " then c%d", level);
        int j = (int)rnd((unsigned)nrules);
        if (j > i && rnd(2))
            sb_printf(b, " overrides R%d", j); /* a rule of a level >= */
        sb_putc(b, '\n');
    }
    struct sbuf q = {0}; /* rule Q's condition, and a bottom line's */
    bool_expr(&q, 2, 3, false);
    sb_printf(b, "rule Q when %s then cq\nverdict {\n", q.p);
    int nlines = 2 + (int)rnd(3); /* V0, V1 and V2 each on some line */
    unsigned first = rnd(2);
    for (int i = 0; i < nlines; i++) {
        unsigned v = i == 0 ? first : i == 1 ? 1 - first : rnd(3);
        sb_printf(b, "  V%u when ", v);
        bool_expr(b, 1, 3, false);
        sb_putc(b, '\n');
    }
    if (!rnd(2)) {
        sb_puts(b, "  V2 when ");
        bool_expr(b, 1, 3, false);
        sb_puts(b, "\n}\n");
    } else
        sb_puts(b, "  otherwise V2\n}\n");
    sb_puts(b, "measure M0 when ");
    bool_expr(b, 1, 3, true);
    sb_puts(b, "\nmeasure M1 when ");
    bool_expr(b, 1, 3, true);
    sb_putc(b, '\n');
    static const char *const expects[] = {
        "verdict V0",   "not verdict V1",   "measure M0", "not measure M1",
        "undetermined", "not undetermined", "verdict V2", "not verdict V0"};
    sb_printf(b, "invariant \"i\"\n  when %s\n  expect %s\n", q.p,
              expects[rnd(8)]);
    if (rnd(2))
        sb_printf(b, "  expect %s\n", expects[rnd(8)]);
    sb_free(&q);
}

/* A random case of p: each fact left out, unknown, or a small value. */
static struct case_facts *random_case(struct fixture *f, const struct plan *p)
{
    static const struct num nums[] = {{0, 1},  {1, 1}, {2, 1},
                                      {-1, 1}, {1, 2}, {13, 4}};
    static const char *const texts[] = {"foo", "bar", "baz"};
    struct case_facts *cf = cases_new(&f->arena, p, fx_errors(f));
    for (int i = 0; i < p->nfacts; i++) {
        unsigned k = rnd(10);
        if (k < 4)
            continue;
        cf->origin[i] = FROM_CASE;
        struct value *v = &cf->vals[i];
        *v = (struct value){0};
        if (k < 5)
            continue; /* unknown */
        v->known = true;
        switch (p->facts[i].type) {
        case VT_BOOL:
            v->u.b = rnd(2);
            break;
        case VT_NUM:
            v->u.num = nums[rnd(6)];
            break;
        case VT_DATE:
            v->u.date = ast_date(2023, 1 + (int)rnd(12), 1 + (int)rnd(28));
            break;
        case VT_SYM:
            v->u.sym = (int)rnd(3);
            break;
        case VT_SET:
            v->u.set = rnd(8);
            break;
        default:
            v->u.text = texts[rnd(3)];
            break;
        }
    }
    return cf;
}

/* The encoding with the variables of the symbolic case replaced by the
 * values of one case. */
struct fixed {
    Z3_context z;
    Z3_ast *from, *to;
    unsigned n;
};

static void fix(struct fixed *x, struct enc_plan *e,
                const struct case_facts *cf)
{
    Z3_context z = x->z = enc_z3(e->cx);
    x->n = 0;
    for (int i = 0; i < e->p->nfacts; i++) {
        const struct enc_fact *f = &e->facts[i];
        const struct value *v = &cf->vals[i];
        bool given = cf->origin[i] == FROM_CASE;
        x->from[x->n] = f->given;
        x->to[x->n++] = given ? Z3_mk_true(z) : Z3_mk_false(z);
        x->from[x->n] = f->gknown;
        x->to[x->n++] = given && v->known ? Z3_mk_true(z) : Z3_mk_false(z);
        if (given && v->known) {
            x->from[x->n] = f->gval;
            x->to[x->n++] = enc_value(e->cx, e->p->facts[i].type, v);
        }
    }
}

/* Every formula the cross-check compares, as the arguments of one
 * application (of a function that means nothing): one substitution and
 * one simplification per case. */
struct probe {
    Z3_ast app;
    Z3_app fixed; /* its arguments for the case fixed */
    unsigned n;
};

static void probe_add(Z3_ast *args, unsigned *n, struct enc_tv t)
{
    args[(*n)++] = t.t;
    args[(*n)++] = t.f;
}

static void probe_new(struct probe *pr, struct enc_plan *e)
{
    Z3_context z = enc_z3(e->cx);
    const struct plan *p = e->p;
    size_t max = 4 + 4 * (size_t)p->nrules +
                 2 * (size_t)(p->nconcls + p->nmeasures) + (size_t)p->nlines;
    Z3_ast *args = xcalloc(max, sizeof *args);
    Z3_sort *sorts = xcalloc(max, sizeof *sorts);
    unsigned n = 0;
    args[n++] = e->verdict;
    args[n++] = e->error;
    args[n++] = e->undetermined;
    args[n++] = e->decided;
    for (int i = 0; i < p->nrules; i++) {
        probe_add(args, &n, e->cond[i]);
        probe_add(args, &n, e->effect[i]);
    }
    for (int i = 0; i < p->nconcls; i++)
        probe_add(args, &n, e->concl[i]);
    for (int i = 0; i < p->nmeasures; i++)
        probe_add(args, &n, e->measure[i]);
    for (int i = 0; i < p->nlines; i++)
        args[n++] = e->line_hit[i];
    for (unsigned i = 0; i < n; i++)
        sorts[i] = i ? Z3_mk_bool_sort(z) : Z3_mk_int_sort(z);
    Z3_func_decl f = Z3_mk_func_decl(z, Z3_mk_string_symbol(z, "probe"), n,
                                     sorts, Z3_mk_bool_sort(z));
    pr->app = Z3_mk_app(z, f, n, args);
    pr->n = n;
    free(args);
    free(sorts);
}

static void probe_fix(struct probe *pr, const struct fixed *x)
{
    Z3_ast t =
        Z3_simplify(x->z, Z3_substitute(x->z, pr->app, x->n, x->from, x->to));
    pr->fixed = Z3_to_app(x->z, t);
}

static bool bool_arg(const struct fixed *x, const struct probe *pr, unsigned i)
{
    Z3_lbool a = Z3_get_bool_value(x->z, Z3_get_app_arg(x->z, pr->fixed, i));
    assert_true(a != Z3_L_UNDEF);
    return a == Z3_L_TRUE;
}

static enum tv tv_arg(const struct fixed *x, const struct probe *pr,
                      unsigned *i)
{
    bool t = bool_arg(x, pr, (*i)++), f = bool_arg(x, pr, (*i)++);
    assert_false(t && f);
    return t ? TV_TRUE : f ? TV_FALSE : TV_UNKNOWN;
}

/* The encoding fixed to case cf agrees with eval_case on it. */
static void agree(struct enc_plan *e, struct probe *pr, struct result *r,
                  const struct case_facts *cf, struct fixed *x)
{
    const struct plan *p = e->p;
    eval_case(r, cf);
    fix(x, e, cf);
    probe_fix(pr, x);
    int st = bool_arg(x, pr, 1)   ? ST_ERROR
             : bool_arg(x, pr, 2) ? ST_UNDETERMINED
                                  : ST_DECIDED;
    assert_int_equal(st, r->status);
    assert_true(bool_arg(x, pr, 3) == (st == ST_DECIDED));
    if (st == ST_DECIDED) {
        int v = 0;
        assert_true(
            Z3_get_numeral_int(x->z, Z3_get_app_arg(x->z, pr->fixed, 0), &v));
        assert_int_equal(v, r->verdict);
    }
    unsigned i = 4;
    for (int k = 0; k < p->nrules; k++) {
        assert_int_equal(tv_arg(x, pr, &i), r->cond[k]);
        assert_int_equal(tv_arg(x, pr, &i), r->effect[k]);
    }
    for (int k = 0; k < p->nconcls; k++)
        assert_int_equal(tv_arg(x, pr, &i), r->concl[k]);
    for (int k = 0; k < p->nmeasures; k++)
        assert_int_equal(tv_arg(x, pr, &i), r->measures[k]);
    for (int k = 0; k < p->nlines; k++) /* the deciding line */
        assert_int_equal(bool_arg(x, pr, i++), r->lines[k] == TV_TRUE);
}

/* Whether x holds for r: as `rongcuo prove` judges it (prove/invariant.c). */
static bool holds(const struct result *r, const struct expect_info *x)
{
    bool decided = r->status == ST_DECIDED;
    bool is_v = decided && r->verdict == x->index;
    bool is_m = x->kind == EXPECT_MEASURE || x->kind == EXPECT_NOT_MEASURE;
    bool m = is_m && r->status != ST_ERROR && x->index >= 0 &&
             r->measures[x->index] == TV_TRUE;
    switch (x->kind) {
    case EXPECT_VERDICT:
        return is_v;
    case EXPECT_NOT_VERDICT:
        return !is_v;
    case EXPECT_MEASURE:
        return m;
    case EXPECT_NOT_MEASURE:
        return !m;
    case EXPECT_UNDETERMINED:
        return r->status == ST_UNDETERMINED;
    default:
        return decided;
    }
}

static struct expect_info random_expect(const struct plan *p)
{
    static const enum expect_kind kinds[] = {
        EXPECT_VERDICT,     EXPECT_NOT_VERDICT,  EXPECT_MEASURE,
        EXPECT_NOT_MEASURE, EXPECT_UNDETERMINED, EXPECT_NOT_UNDETERMINED};
    struct expect_info x = {.kind = kinds[rnd(6)], .index = -1};
    if (x.kind == EXPECT_VERDICT || x.kind == EXPECT_NOT_VERDICT)
        x.index = p->verdicts.n ? (int)rnd((unsigned)p->verdicts.n) : -1;
    else if (x.kind == EXPECT_MEASURE || x.kind == EXPECT_NOT_MEASURE)
        x.index = (int)rnd((unsigned)p->nmeasures);
    return x;
}

static int proven, violated, undecided, checked;

/* Bottom line "when Q's condition, expect x" on p: proven means no random
 * case breaks it; a counterexample breaks it when run. */
/* Whether r breaks one of the expectations of bottom line iv. */
static bool breaks(const struct result *r, const struct invariant_info *iv)
{
    for (int k = 0; k < iv->nexpects; k++)
        if (!holds(r, &iv->expects[k]))
            return true;
    return false;
}

/* Bottom line inv of p2 (whose condition is rule q's of p): proven means
 * no random case breaks it; a counterexample breaks it when run. */
static void judge(struct fixture *f, struct enc_ctx *cx, const struct plan *p,
                  const struct plan *p2, int inv, struct result *r, int q)
{
    const struct invariant_info *iv = &p2->invariants[inv];
    struct prove_result out;
    prove_invariant(enc_plan_new(cx, p2), inv, "cx", &out);
    if (out.status == PROVE_UNDECIDED) {
        assert_string_not_equal(out.c.reason, PROVE_NOT_CONFIRMED);
        undecided++;
    } else if (out.status == PROVE_PROVEN) {
        proven++;
        for (int k = 0; k < 3000; k++) {
            eval_case(r, random_case(f, p));
            assert_false(r->cond[q] == TV_TRUE && breaks(r, iv));
        }
    } else {
        violated++;
        assert_true(out.confirmed);
        const struct case_facts *cf = NULL;
        int outside = 0;
        struct source *src = fx_src(f, "cx.case", out.c.text);
        assert_int_equal(caseread_given(&f->arena, p, src, NULL, fx_errors(f),
                                        &cf, &outside),
                         1);
        eval_case(r, cf);
        assert_int_equal(r->cond[q], TV_TRUE);
        assert_true(breaks(r, iv));
    }
    prove_case_free(&out.c);
}

/* A bottom line made by hand: rule q's condition, expectation x. */
static void question(struct fixture *f, struct enc_ctx *cx,
                     const struct plan *p, struct result *r, int q)
{
    struct expect_info x = random_expect(p);
    struct invariant_info inv = {"q", {0}, p->rules[q].cond, &x, 1};
    struct plan p2 = *p;
    p2.invariants = &inv;
    p2.ninvariants = 1;
    judge(f, cx, p, &p2, 0, r, q);
}

static void one_set(void)
{
    void *state;
    fx_setup(&state);
    struct fixture *f = state;
    struct sbuf b = {0};
    rule_set(&b);
    struct plan *p = fx_check(f, b.p);
    if (!p) { /* a random text may not check: a dependency cycle */
        sb_free(&b);
        fx_teardown(&state);
        return;
    }
    checked++;
    struct enc_ctx *cx = enc_ctx_new();
    struct enc_plan *e = enc_plan_new(cx, p);
    struct result *r = eval_new(p);
    struct fixed x = {0};
    x.from = xcalloc((size_t)p->nfacts * 3 + 1, sizeof *x.from);
    x.to = xcalloc((size_t)p->nfacts * 3 + 1, sizeof *x.to);
    struct probe pr;
    probe_new(&pr, e);
    for (int k = 0; k < AGREE; k++)
        agree(e, &pr, r, random_case(f, p), &x);
    int q = p->nrules - 1; /* rule Q */
    question(f, cx, p, r, q);
    assert_int_equal(p->ninvariants, 1); /* written in the rule set */
    judge(f, cx, p, p, 0, r, q);
    free(x.from);
    free(x.to);
    eval_free(r);
    enc_ctx_free(cx);
    sb_free(&b);
    fx_teardown(&state);
}

/* Symbolic diff on two random rule sets over the same facts. */
static bool outcome_is(const struct result *r, const struct prove_outcome *o)
{
    if ((int)r->status != o->status)
        return false;
    if (r->status != ST_DECIDED)
        return true;
    const char *v = r->verdict >= 0 ? r->p->verdicts.names[r->verdict] : NULL;
    return (!v && !o->verdict) || (v && o->verdict && names_eq(v, o->verdict));
}

static bool has_measure(const struct result *r, const char *id)
{
    for (int i = 0; r->status != ST_ERROR && i < r->p->nmeasures; i++)
        if (names_eq(r->p->measures[i].id, id) && r->measures[i] == TV_TRUE)
            return true;
    return false;
}

/* Whether the outcomes of r1 (old) and r2 (new) undergo change c. */
static bool undergoes(const struct result *r1, const struct result *r2,
                      const struct prove_change *c)
{
    if (c->kind == PROVE_OUTCOME)
        return outcome_is(r1, &c->from) && outcome_is(r2, &c->to);
    bool a = has_measure(r1, c->measure), b = has_measure(r2, c->measure);
    return c->kind == PROVE_MEASURE_GAINED ? !a && b : a && !b;
}

static int diff_found, diff_cases;

static void one_diff(void)
{
    void *s1, *s2;
    fx_setup(&s1);
    fx_setup(&s2);
    struct fixture *f1 = s1, *f2 = s2;
    struct sbuf b1 = {0}, b2 = {0};
    rule_set(&b1);
    rule_set(&b2);
    struct plan *p1 = fx_check(f1, b1.p), *p2 = fx_check(f2, b2.p);
    struct prove_change *ch = NULL;
    int n = p1 && p2 ? prove_diff(p1, p2, false, &ch) : 0;
    struct result *r1 = p1 && p2 ? eval_new(p1) : NULL;
    struct result *r2 = p1 && p2 ? eval_new(p2) : NULL;
    for (int k = 0; k < n; k++) { /* each case found undergoes its change */
        if (ch[k].answer != PROVE_FOUND)
            continue;
        diff_found++;
        const struct case_facts *c1 = NULL, *c2 = NULL;
        int out = 0;
        struct source *src = fx_src(f1, "d.case", ch[k].c.text);
        caseread_given(&f1->arena, p1, src, NULL, fx_errors(f1), &c1, &out);
        caseread_given(&f2->arena, p2, src, NULL, fx_errors(f2), &c2, &out);
        eval_case(r1, c1);
        eval_case(r2, c2);
        assert_true(undergoes(r1, r2, &ch[k]));
    }
    for (int k = 0; r1 && k < 1000; k++) { /* each change seen is listed */
        struct case_facts *c1 = random_case(f1, p1);
        struct case_facts *c2 = cases_new(&f2->arena, p2, fx_errors(f2));
        memcpy(c2->vals, c1->vals, (size_t)p1->nfacts * sizeof *c1->vals);
        memcpy(c2->origin, c1->origin, (size_t)p1->nfacts * sizeof *c1->origin);
        eval_case(r1, c1);
        eval_case(r2, c2);
        struct prove_outcome o1 = {(int)r1->status, NULL};
        if (r1->status == ST_DECIDED && r1->verdict >= 0)
            o1.verdict = p1->verdicts.names[r1->verdict];
        bool listed = outcome_is(r2, &o1);
        for (int j = 0; j < n && !listed; j++)
            listed = ch[j].kind == PROVE_OUTCOME && undergoes(r1, r2, &ch[j]);
        assert_true(listed);
        for (int m = 0; m < p2->nmeasures; m++) {
            const char *id = p2->measures[m].id;
            if (has_measure(r1, id) == has_measure(r2, id))
                continue;
            listed = false;
            for (int j = 0; j < n && !listed; j++)
                listed = ch[j].kind != PROVE_OUTCOME &&
                         names_eq(ch[j].measure, id) &&
                         undergoes(r1, r2, &ch[j]);
            assert_true(listed);
        }
        diff_cases++;
    }
    prove_changes_free(ch, n);
    eval_free(r1);
    eval_free(r2);
    sb_free(&b1);
    sb_free(&b2);
    fx_teardown(&s1);
    fx_teardown(&s2);
}

static void test_diff(void **state)
{
    (void)state;
    const char *env = getenv("PROVE_CROSS_SETS");
    int sets = env ? atoi(env) : 3;
    for (int n = 0; n < sets; n++)
        one_diff();
    printf("prove diff cross-check: %d changes found and run, %d cases\n",
           diff_found, diff_cases);
}

static void test_cross(void **state)
{
    (void)state;
    /* fewer under valgrind (make valgrind sets it): the solver is slow */
    const char *env = getenv("PROVE_CROSS_SETS");
    int sets = env ? atoi(env) : 18;
    for (int n = 0; n < sets; n++)
        one_set();
    printf("prove cross-check: %d rule sets: %d proven, %d violated, %d "
           "undecided\n",
           checked, proven, violated, undecided);
    if (sets >= 18) /* the questions cover both answers */
        assert_true(proven >= 4 && violated >= 20);
}

int main(void)
{
    /* a hard question now and then (multiplying facts): undecided after 2 s
       rather than a minute */
    prove_set_timeout(2000);
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_cross),
                                       cmocka_unit_test(test_diff)};
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    prove_finalize();
    return rc;
}
