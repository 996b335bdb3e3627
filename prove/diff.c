#include "prove/diff.h"
#include "prove/enc_int.h"

#include <stdio.h>
#include <stdlib.h>

#include "engine/eval.h"
#include "engine/names.h"

/* Symbolic diff: the two plans encoded in one context, over one case. */

/* The outcomes a case can have under e's plan, and when it has each. */
struct outcomes {
    int n;
    struct prove_outcome *o;
    Z3_ast *when;
};

static void outcomes_of(struct enc_plan *e, struct outcomes *out)
{
    Z3_context z = e->cx->z;
    const struct plan *p = e->p;
    out->n = p->verdicts.n + 3;
    out->o = xcalloc((size_t)out->n, sizeof *out->o);
    out->when = xcalloc((size_t)out->n, sizeof *out->when);
    out->o[0] = (struct prove_outcome){ST_ERROR, NULL};
    out->when[0] = e->error;
    out->o[1] = (struct prove_outcome){ST_UNDETERMINED, NULL};
    out->when[1] = e->undetermined;
    for (int v = -1; v < p->verdicts.n; v++) {
        out->o[3 + v] = (struct prove_outcome){
            ST_DECIDED, v >= 0 ? p->verdicts.names[v] : NULL};
        Z3_ast is_v = Z3_mk_eq(z, e->verdict, Z3_mk_int(z, v, e->cx->int_s));
        out->when[3 + v] = enc_and2(z, e->decided, is_v);
    }
}

static void outcomes_free(struct outcomes *o)
{
    free(o->o);
    free(o->when);
}

static bool same(const struct prove_outcome *a, const struct prove_outcome *b)
{
    if (a->status != b->status)
        return false;
    if (a->status != ST_DECIDED || (!a->verdict && !b->verdict))
        return true;
    return a->verdict && b->verdict && names_eq(a->verdict, b->verdict);
}

struct differ {
    struct enc_plan *es[2]; /* new, old: the case in new's language */
    Z3_ast only;            /* the facts a case may give */
    struct prove_change *v;
    int n, cap;
};

/* Ask whether some case makes q true; a change when one does (or when
 * the solver cannot tell). */
static void ask(struct differ *d, struct prove_change ch, Z3_ast q)
{
    Z3_context z = d->es[0]->cx->z;
    enum lang lang = d->es[0]->p->lang;
    char id[64];
    snprintf(id, sizeof id, "%s-%d",
             lang == LANG_EN        ? "change"
             : lang == LANG_ZH_HANS ? "变化"
                                    : "變化",
             d->n + 1);
    ch.answer =
        prove_find_in(d->es, 2, enc_and2(z, q, d->only), id, NULL, &ch.c);
    if (ch.answer == PROVE_NONE)
        return;
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->v = xrealloc(d->v, (size_t)d->cap * sizeof *d->v);
    }
    d->v[d->n++] = ch;
}

/* Facts that only one of the plans declares: not given. */
static Z3_ast shared(struct enc_plan *a, struct enc_plan *b)
{
    Z3_context z = a->cx->z;
    Z3_ast all = Z3_mk_true(z);
    for (int i = 0; i < a->p->nfacts; i++) {
        bool both = false;
        for (int j = 0; j < b->p->nfacts && !both; j++)
            both = Z3_is_eq_ast(z, a->facts[i].gval, b->facts[j].gval);
        if (!both)
            all = enc_and2(z, all, Z3_mk_not(z, a->facts[i].given));
    }
    return all;
}

/* Attached under e's plan: the measure called id, without an error. */
static Z3_ast attached(struct enc_plan *e, const char *id)
{
    Z3_context z = e->cx->z;
    for (int i = 0; i < e->p->nmeasures; i++)
        if (names_eq(e->p->measures[i].id, id))
            return enc_and2(z, Z3_mk_not(z, e->error), e->measure[i].t);
    return Z3_mk_false(z);
}

static void measures(struct differ *d, struct enc_plan *from,
                     struct enc_plan *to, enum prove_change_kind kind)
{
    Z3_context z = d->es[0]->cx->z;
    const struct plan *p = kind == PROVE_MEASURE_GAINED ? to->p : from->p;
    for (int i = 0; i < p->nmeasures; i++) {
        const char *id = p->measures[i].id;
        struct prove_change ch = {.kind = kind, .measure = id};
        Z3_ast q = kind == PROVE_MEASURE_GAINED
                       ? enc_and2(z, Z3_mk_not(z, attached(from, id)),
                                  attached(to, id))
                       : enc_and2(z, attached(from, id),
                                  Z3_mk_not(z, attached(to, id)));
        ask(d, ch, q);
    }
}

int prove_diff(const struct plan *old, const struct plan *new, bool shared_only,
               struct prove_change **out)
{
    struct enc_ctx *cx = enc_ctx_new();
    if (!cx)
        arena_oom();
    Z3_context z = cx->z;
    struct differ d = {.es = {enc_plan_new(cx, new), enc_plan_new(cx, old)}};
    struct enc_plan *en = d.es[0], *eo = d.es[1];
    d.only = shared_only ? enc_and2(z, shared(en, eo), shared(eo, en))
                         : Z3_mk_true(z);
    struct outcomes a, b;
    outcomes_of(eo, &a);
    outcomes_of(en, &b);
    for (int i = 0; i < a.n; i++)
        for (int j = 0; j < b.n; j++)
            if (!same(&a.o[i], &b.o[j]))
                ask(&d,
                    (struct prove_change){
                        .kind = PROVE_OUTCOME, .from = a.o[i], .to = b.o[j]},
                    enc_and2(z, a.when[i], b.when[j]));
    measures(&d, eo, en, PROVE_MEASURE_GAINED);
    measures(&d, eo, en, PROVE_MEASURE_LOST);
    outcomes_free(&a);
    outcomes_free(&b);
    enc_ctx_free(cx);
    *out = d.v;
    return d.n;
}

void prove_changes_free(struct prove_change *c, int n)
{
    for (int i = 0; i < n; i++)
        prove_case_free(&c[i].c);
    free(c);
}
