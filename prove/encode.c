#include "prove/encode.h"
#include "prove/enc_int.h"

#include "engine/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/cases.h"
#include "engine/date.h"
#include "engine/plan_tests.h"

/*
 * The plan as formulas (engine/eval.c, step by step). Terms are built in
 * a context without reference counting: they live until the context is
 * deleted, which frees them all at once.
 */

Z3_ast enc_and2(Z3_context z, Z3_ast a, Z3_ast b)
{
    return Z3_mk_and(z, 2, (Z3_ast[]){a, b});
}

Z3_ast enc_or2(Z3_context z, Z3_ast a, Z3_ast b)
{
    return Z3_mk_or(z, 2, (Z3_ast[]){a, b});
}

static Z3_ast and3(Z3_context z, Z3_ast a, Z3_ast b, Z3_ast c)
{
    return Z3_mk_and(z, 3, (Z3_ast[]){a, b, c});
}

static struct enc_val known_val(Z3_context z, Z3_ast v)
{
    return (struct enc_val){Z3_mk_true(z), Z3_mk_false(z), v};
}

static struct enc_val tv_val(Z3_context z, struct enc_tv t)
{
    return (struct enc_val){enc_or2(z, t.t, t.f), Z3_mk_false(z), t.t};
}

static struct enc_tv val_tv(Z3_context z, struct enc_val v)
{
    return (struct enc_tv){enc_and2(z, v.known, v.v),
                           enc_and2(z, v.known, Z3_mk_not(z, v.v))};
}

Z3_ast enc_value(struct enc_ctx *cx, enum vtype t, const struct value *k)
{
    Z3_context z = cx->z;
    switch (t) {
    case VT_BOOL:
        return k->u.b ? Z3_mk_true(z) : Z3_mk_false(z);
    case VT_NUM:
        return enc_num(cx, k->u.num);
    case VT_DATE:
        return Z3_mk_int64(z, k->u.date, cx->int_s);
    case VT_TEXT:
        return Z3_mk_int64(z, enc_text_id(cx, k->u.text), cx->int_s);
    case VT_SYM:
    case VT_VERDICT:
        return Z3_mk_int64(z, k->u.sym, cx->int_s);
    case VT_SET:
        return Z3_mk_unsigned_int64(z, k->u.set, cx->bv_s);
    default:
        return Z3_mk_false(z); /* a list or an error: never a value */
    }
}

/* Ordering comparison op on two values of type t (known both). */
static Z3_ast compare(Z3_context z, enum cop op, enum vtype t, Z3_ast a,
                      Z3_ast b)
{
    if (op == C_EQ || op == C_NE) {
        Z3_ast eq = Z3_mk_eq(z, a, b);
        return op == C_EQ ? eq : Z3_mk_not(z, eq);
    }
    (void)t;
    return op == C_LT   ? Z3_mk_lt(z, a, b)
           : op == C_LE ? Z3_mk_le(z, a, b)
           : op == C_GT ? Z3_mk_gt(z, a, b)
                        : Z3_mk_ge(z, a, b);
}

/* The error of an operation: one of its operands' (evaluated), or its
 * own (own, when its operands are known). known: operands known and no
 * error of its own. */
static struct enc_val op_val(Z3_context z, Z3_ast kids_known, Z3_ast kids_err,
                             Z3_ast own, Z3_ast v)
{
    Z3_ast own_err = enc_and2(z, kids_known, own);
    return (struct enc_val){enc_and2(z, kids_known, Z3_mk_not(z, own)),
                            enc_or2(z, kids_err, own_err), v};
}

static struct enc_val arith(struct enc_ctx *cx, const struct cnode *n,
                            struct enc_val a, struct enc_val b)
{
    Z3_context z = cx->z;
    Z3_ast kk = enc_and2(z, a.known, b.known), ke = enc_or2(z, a.err, b.err);
    Z3_ast args[2] = {a.v, b.v}, v, own = Z3_mk_false(z);
    switch (n->op) {
    case C_ADD:
        v = Z3_mk_add(z, 2, args);
        break;
    case C_SUB:
        v = Z3_mk_sub(z, 2, args);
        break;
    case C_MUL:
        v = Z3_mk_mul(z, 2, args);
        break;
    case C_DIV:
        v = Z3_mk_div(z, a.v, b.v);
        own = Z3_mk_eq(z, b.v, enc_real(cx, 0));
        break;
    default: /* C_NEG */
        return op_val(z, a.known, a.err, own, Z3_mk_unary_minus(z, a.v));
    }
    return op_val(z, kk, ke, own, v);
}

/* date ± days (E_DAYS, E_CALENDAR), date - date */
static struct enc_val date_arith(struct enc_ctx *cx, const struct cnode *n,
                                 struct enc_val a, struct enc_val b)
{
    Z3_context z = cx->z;
    Z3_ast kk = enc_and2(z, a.known, b.known), ke = enc_or2(z, a.err, b.err);
    if (n->op == C_DDIFF) {
        Z3_ast d = Z3_mk_sub(z, 2, (Z3_ast[]){a.v, b.v});
        return op_val(z, kk, ke, Z3_mk_false(z), Z3_mk_int2real(z, d));
    }
    Z3_ast lim = enc_real(cx, 3660000);
    Z3_ast days_ok = and3(z, Z3_mk_is_int(z, b.v), Z3_mk_le(z, b.v, lim),
                          Z3_mk_ge(z, b.v, Z3_mk_unary_minus(z, lim)));
    Z3_ast days = Z3_mk_real2int(z, b.v), args[2] = {a.v, days};
    Z3_ast v = n->op == C_DADD ? Z3_mk_add(z, 2, args) : Z3_mk_sub(z, 2, args);
    Z3_ast in_cal =
        enc_and2(z, Z3_mk_ge(z, v, cx->date_lo), Z3_mk_le(z, v, cx->date_hi));
    Z3_ast own = Z3_mk_not(z, enc_and2(z, days_ok, in_cal));
    return op_val(z, kk, ke, own, v);
}

/* and/or: settled by one operand false (true), whatever the other; else
 * an error of either spreads (engine/eval.c). */
static struct enc_val and_or(Z3_context z, bool is_and, struct enc_val a,
                             struct enc_val b)
{
    struct enc_tv x = val_tv(z, a), y = val_tv(z, b), r;
    if (is_and)
        r = (struct enc_tv){enc_and2(z, x.t, y.t), enc_or2(z, x.f, y.f)};
    else
        r = (struct enc_tv){enc_or2(z, x.t, y.t), enc_and2(z, x.f, y.f)};
    struct enc_val v = tv_val(z, r);
    v.err = enc_and2(z, Z3_mk_not(z, v.known), enc_or2(z, a.err, b.err));
    return v;
}

/* in, contains, contains any: on a known operand */
static struct enc_val member(struct enc_ctx *cx, const struct cnode *n,
                             struct enc_val a)
{
    Z3_context z = cx->z;
    Z3_ast t;
    if (n->op == C_IN) {
        Z3_ast *any = xcalloc(65, sizeof *any);
        int k = 0;
        for (int i = 0; i < 64; i++)
            if (n->k.u.set >> i & 1)
                any[k++] = Z3_mk_eq(z, a.v, Z3_mk_int(z, i, cx->int_s));
        t = k ? Z3_mk_or(z, (unsigned)k, any) : Z3_mk_false(z);
        free(any);
    } else {
        Z3_ast m = Z3_mk_unsigned_int64(z, n->k.u.set, cx->bv_s);
        Z3_ast both = Z3_mk_bvand(z, a.v, m);
        t = n->op == C_HAS_ALL
                ? Z3_mk_eq(z, both, m)
                : Z3_mk_not(z, Z3_mk_eq(z, both,
                                        Z3_mk_unsigned_int64(z, 0, cx->bv_s)));
    }
    return op_val(z, a.known, a.err, Z3_mk_false(z), t);
}

/* Node i, its operands built. */
static struct enc_val build(struct enc_plan *e, int i)
{
    struct enc_ctx *cx = e->cx;
    Z3_context z = cx->z;
    const struct cnode *n = &e->p->nodes[i];
    struct enc_val a = n->a >= 0 ? e->nodes[n->a] : known_val(z, 0);
    struct enc_val b = n->b >= 0 ? e->nodes[n->b] : known_val(z, 0);
    switch (n->op) {
    case C_FACT:
        return e->facts[n->a].eff;
    case C_CONCL:
        return tv_val(z, e->concl[n->a]);
    case C_CONST:
        return known_val(z, enc_value(cx, n->type, &n->k));
    case C_VERDICT: /* known unless undetermined (measures, eval.c) */
        return (struct enc_val){Z3_mk_not(z, e->undet_raw), Z3_mk_false(z),
                                e->verdict};
    case C_NOT: {
        struct enc_tv x = val_tv(z, a);
        struct enc_val v = tv_val(z, (struct enc_tv){x.f, x.t});
        v.err = a.err;
        return v;
    }
    case C_AND:
    case C_OR:
        return and_or(z, n->op == C_AND, a, b);
    case C_EQ:
    case C_NE:
    case C_LT:
    case C_LE:
    case C_GT:
    case C_GE:
        return op_val(z, enc_and2(z, a.known, b.known),
                      enc_or2(z, a.err, b.err), Z3_mk_false(z),
                      compare(z, n->op, n->type, a.v, b.v));
    case C_ADD:
    case C_SUB:
    case C_MUL:
    case C_DIV:
    case C_NEG:
        return arith(cx, n, a, b);
    case C_DADD:
    case C_DSUB:
    case C_DDIFF:
        return date_arith(cx, n, a, b);
    case C_IN:
    case C_HAS_ALL:
    case C_HAS_ANY:
        return member(cx, n, a);
    case C_KNOWN:
        return (struct enc_val){Z3_mk_not(z, a.err), a.err, a.known};
    }
    return known_val(z, Z3_mk_false(z));
}

/* Node i and the nodes below it that are not built yet, operands first,
 * with a stack of our own (a condition nests up to AST_MAX_DEPTH). */
struct enc_val enc_node(struct enc_plan *e, int i)
{
    if (e->built[i])
        return e->nodes[i];
    int *stack = xcalloc((size_t)e->p->nnodes + 1, sizeof *stack), n = 0;
    stack[n++] = i;
    while (n > 0) {
        int k = stack[n - 1];
        const struct cnode *c = &e->p->nodes[k];
        bool leaf = c->op == C_FACT || c->op == C_CONCL || c->op == C_CONST ||
                    c->op == C_VERDICT;
        if (!leaf && c->a >= 0 && !e->built[c->a]) {
            stack[n++] = c->a;
            continue;
        }
        if (!leaf && c->b >= 0 && !e->built[c->b]) {
            stack[n++] = c->b;
            continue;
        }
        n--;
        if (!e->built[k]) {
            e->nodes[k] = build(e, k);
            e->built[k] = true;
        }
    }
    free(stack);
    return e->nodes[i];
}

struct enc_tv enc_node_tv(struct enc_plan *e, int i)
{
    Z3_context z = e->cx->z;
    if (i < 0)
        return (struct enc_tv){Z3_mk_true(z), Z3_mk_false(z)};
    return val_tv(z, enc_node(e, i));
}

/* effect = condition and not (any overrider's condition), Kleene */
static struct enc_tv effect(struct enc_plan *e, int ri)
{
    Z3_context z = e->cx->z;
    const struct rule_info *ru = &e->p->rules[ri];
    Z3_ast t = e->cond[ri].t, f = e->cond[ri].f;
    for (int k = 0; k < ru->nover; k++) {
        struct enc_tv o = e->cond[ru->overriders[k]];
        t = enc_and2(z, t, o.f);
        f = enc_or2(z, f, o.t);
    }
    return (struct enc_tv){t, f};
}

/* Rule conditions and conclusions in dependency order; the errors of the
 * rules' conditions into *err. */
static void rules(struct enc_plan *e, Z3_ast *err)
{
    Z3_context z = e->cx->z;
    const struct plan *p = e->p;
    for (int s = 0; s < p->norder; s++) {
        int i = p->order[s].index;
        if (!p->order[s].concl) {
            *err = enc_or2(z, *err, enc_node(e, p->rules[i].cond).err);
            e->cond[i] = enc_node_tv(e, p->rules[i].cond);
            continue;
        }
        const struct concl_info *c = &p->concls[i];
        Z3_ast t = Z3_mk_false(z), f = Z3_mk_true(z);
        for (int k = 0; k < c->nrules; k++) {
            int ri = c->rules[k];
            e->effect[ri] = effect(e, ri);
            t = enc_or2(z, t, e->effect[ri].t);
            f = enc_and2(z, f, e->effect[ri].f);
        }
        e->concl[i] = (struct enc_tv){t, f};
    }
}

/* The verdict table: first hit; a line tried that is unknown (or an
 * error) makes the case undetermined. */
static void lines(struct enc_plan *e, Z3_ast *err)
{
    Z3_context z = e->cx->z;
    const struct plan *p = e->p;
    Z3_ast tried = Z3_mk_true(z), undet = Z3_mk_false(z);
    Z3_ast *hit = e->line_hit;
    for (int i = 0; i < p->nlines; i++) {
        int c = p->lines[i].cond;
        struct enc_tv t = enc_node_tv(e, c);
        if (c >= 0)
            *err = enc_or2(z, *err, enc_and2(z, tried, enc_node(e, c).err));
        e->line_tried[i] = tried;
        hit[i] = enc_and2(z, tried, t.t);
        Z3_ast unknown = Z3_mk_not(z, enc_or2(z, t.t, t.f));
        undet = enc_or2(z, undet, enc_and2(z, tried, unknown));
        tried = enc_and2(z, tried, t.f);
    }
    Z3_ast v = Z3_mk_int(z, -1, e->cx->int_s);
    for (int i = p->nlines - 1; i >= 0; i--)
        v = Z3_mk_ite(z, hit[i],
                      Z3_mk_int(z, p->lines[i].verdict, e->cx->int_s), v);
    e->undet_raw = undet;
    e->verdict = v;
}

static void outcome(struct enc_plan *e)
{
    Z3_context z = e->cx->z;
    const struct plan *p = e->p;
    Z3_ast err = Z3_mk_false(z);
    rules(e, &err);
    lines(e, &err);
    for (int i = 0; i < p->nmeasures; i++) {
        err = enc_or2(z, err, enc_node(e, p->measures[i].cond).err);
        e->measure[i] = enc_node_tv(e, p->measures[i].cond);
    }
    e->error = err;
    e->undetermined = enc_and2(z, Z3_mk_not(z, err), e->undet_raw);
    e->decided = enc_and2(z, Z3_mk_not(z, err), Z3_mk_not(z, e->undet_raw));
}

/* The symbolic fact i: shared variables, this plan's default. */
static void fact(struct enc_plan *e, int i)
{
    struct enc_ctx *cx = e->cx;
    Z3_context z = cx->z;
    const struct fact_info *f = &e->p->facts[i];
    struct enc_fact *x = &e->facts[i];
    enc_fact_vars(cx, f, &x->given, &x->gknown, &x->gval);
    e->wf = enc_and2(z, e->wf, enc_fact_domain(cx, f, x->gval));
    if (f->has_default && f->dflt.known) {
        x->eff.known = Z3_mk_ite(z, x->given, x->gknown, Z3_mk_true(z));
        x->eff.v =
            Z3_mk_ite(z, x->given, x->gval, enc_value(cx, f->type, &f->dflt));
    } else {
        x->eff.known = enc_and2(z, x->given, x->gknown);
        x->eff.v = x->gval;
    }
    x->eff.err = Z3_mk_false(z);
}

static void *plan_calloc(struct enc_ctx *cx, int n, size_t size)
{
    void *m = arena_calloc(&cx->arena, (size_t)n + 1, size);
    return m;
}

struct enc_plan *enc_plan_new(struct enc_ctx *cx, const struct plan *p)
{
    struct enc_plan *e = arena_calloc(&cx->arena, 1, sizeof *e);
    e->p = p;
    e->cx = cx;
    e->facts = plan_calloc(cx, p->nfacts, sizeof *e->facts);
    e->nodes = plan_calloc(cx, p->nnodes, sizeof *e->nodes);
    e->built = plan_calloc(cx, p->nnodes, sizeof *e->built);
    e->cond = plan_calloc(cx, p->nrules, sizeof *e->cond);
    e->effect = plan_calloc(cx, p->nrules, sizeof *e->effect);
    e->concl = plan_calloc(cx, p->nconcls, sizeof *e->concl);
    e->measure = plan_calloc(cx, p->nmeasures, sizeof *e->measure);
    e->line_tried = plan_calloc(cx, p->nlines, sizeof *e->line_tried);
    e->line_hit = plan_calloc(cx, p->nlines, sizeof *e->line_hit);
    Z3_context z = cx->z;
    e->wf = Z3_mk_true(z);
    for (int i = 0; i < p->nrules; i++) /* a rule no conclusion reads */
        e->effect[i] = (struct enc_tv){Z3_mk_false(z), Z3_mk_true(z)};
    for (int i = 0; i < p->nfacts; i++)
        fact(e, i);
    outcome(e);
    return e;
}

Z3_ast enc_expect(struct enc_plan *e, const struct expect_info *x)
{
    Z3_context z = e->cx->z;
    Z3_ast is_v = Z3_mk_eq(z, e->verdict, Z3_mk_int(z, x->index, e->cx->int_s));
    bool is_m = x->kind == EXPECT_MEASURE || x->kind == EXPECT_NOT_MEASURE;
    Z3_ast m = is_m && x->index >= 0 ? e->measure[x->index].t : Z3_mk_false(z);
    Z3_ast got = enc_and2(z, Z3_mk_not(z, e->error), m);
    switch (x->kind) {
    case EXPECT_VERDICT:
        return enc_and2(z, e->decided, is_v);
    case EXPECT_NOT_VERDICT:
        return Z3_mk_not(z, enc_and2(z, e->decided, is_v));
    case EXPECT_MEASURE:
        return got;
    case EXPECT_NOT_MEASURE:
        return Z3_mk_not(z, got);
    case EXPECT_UNDETERMINED:
        return e->undetermined;
    case EXPECT_NOT_UNDETERMINED:
        return e->decided;
    default: /* fired, not fired: not in bottom lines */
        return Z3_mk_true(z);
    }
}

Z3_ast enc_case(struct enc_plan *e, const struct case_facts *cf)
{
    Z3_context z = e->cx->z;
    Z3_ast all = Z3_mk_true(z);
    for (int i = 0; i < e->p->nfacts; i++) {
        const struct enc_fact *x = &e->facts[i];
        const struct value *v = &cf->vals[i];
        if (cf->origin[i] != FROM_CASE) {
            all = enc_and2(z, all, Z3_mk_not(z, x->given));
            continue;
        }
        all = enc_and2(z, all, x->given);
        all = enc_and2(z, all, v->known ? x->gknown : Z3_mk_not(z, x->gknown));
        if (v->known)
            all = enc_and2(
                z, all,
                Z3_mk_eq(z, x->gval, enc_value(e->cx, e->p->facts[i].type, v)));
    }
    return all;
}
