#include "engine/explain.h"

#include <string.h>

#include "engine/trace_int.h"

/* The arena of the result being explained: the result is the caller's, the
 * trace only reads it, and its arena holds what one case needs. */
static struct arena *arena_of(const struct result *r)
{
    return (struct arena *)&r->arena;
}

/* The parts of node that give it truth want, each with the facts it reads
 * (*n of them). */
static struct ex_part *parts_of(const struct result *r, int node, enum tv want,
                                int *n)
{
    struct arena *a = arena_of(r);
    struct atoms at = {0};
    trace_why(r, node, want, &at);
    struct ex_part *parts = arena_calloc(a, (size_t)at.n + 1, sizeof *parts);
    for (int k = 0; k < at.n; k++) {
        struct ex_part *pt = &parts[k];
        pt->node = at.v[k] / 4;
        pt->is = (enum tv)(at.v[k] % 4);
        trace_facts_under(r, pt->node, &pt->nfacts);
        int *facts = arena_calloc(a, (size_t)pt->nfacts + 1, sizeof *facts);
        if (pt->nfacts)
            memcpy(facts, r->found, (size_t)pt->nfacts * sizeof *facts);
        pt->facts = facts;
    }
    *n = at.n;
    atoms_free(&at);
    return parts;
}

static void not_taken(const struct result *r, struct explanation *e)
{
    const struct plan *p = r->p;
    int n = 0;
    for (int i = 0; i < p->nlines; i++)
        n += r->lines[i] == TV_FALSE;
    struct ex_line *lines =
        arena_calloc(arena_of(r), (size_t)n + 1, sizeof *lines);
    n = 0;
    for (int i = 0; i < p->nlines; i++)
        if (r->lines[i] == TV_FALSE) {
            lines[n].line = i;
            lines[n].parts =
                parts_of(r, p->lines[i].cond, TV_FALSE, &lines[n].nparts);
            n++;
        }
    e->not_taken = lines;
    e->nnot_taken = n;
}

/* The conclusions found true, each with the rules in effect behind it. */
static void findings(const struct result *r, struct explanation *e)
{
    const struct plan *p = r->p;
    struct arena *a = arena_of(r);
    int n = 0;
    for (int i = 0; i < p->nconcls; i++)
        n += r->concl[i] == TV_TRUE;
    struct ex_finding *fs = arena_calloc(a, (size_t)n + 1, sizeof *fs);
    n = 0;
    for (int i = 0; i < p->nconcls; i++) {
        if (r->concl[i] != TV_TRUE)
            continue;
        const struct concl_info *k = &p->concls[i];
        int *rules = arena_calloc(a, (size_t)k->nrules + 1, sizeof *rules);
        struct ex_finding *f = &fs[n++];
        f->concl = i;
        for (int j = 0; j < k->nrules; j++)
            if (r->effect[k->rules[j]] == TV_TRUE)
                rules[f->nrules++] = k->rules[j];
        f->rules = rules;
    }
    e->findings = fs;
    e->nfindings = n;
}

/* The overriders of rule ri whose condition is not false (*n of them). */
static const int *overriders(const struct result *r, int ri, int *n)
{
    const struct rule_info *ru = &r->p->rules[ri];
    int *by = arena_calloc(arena_of(r), (size_t)ru->nover + 1, sizeof *by);
    *n = 0;
    for (int k = 0; k < ru->nover; k++)
        if (r->cond[ru->overriders[k]] != TV_FALSE)
            by[(*n)++] = ru->overriders[k];
    return by;
}

/* The measures attached, and the rules that fired and were overridden. */
static void measures_overrides(const struct result *r, struct explanation *e)
{
    const struct plan *p = r->p;
    struct arena *a = arena_of(r);
    int *ms = arena_calloc(a, (size_t)p->nmeasures + 1, sizeof *ms);
    for (int i = 0; i < p->nmeasures; i++)
        if (r->measures[i] == TV_TRUE)
            ms[e->nmeasures++] = i;
    e->measures = ms;
    int n = 0;
    for (int i = 0; i < p->nrules; i++)
        n += r->cond[i] == TV_TRUE && r->effect[i] != TV_TRUE;
    struct ex_override *os = arena_calloc(a, (size_t)n + 1, sizeof *os);
    for (int i = 0; i < p->nrules; i++)
        if (r->cond[i] == TV_TRUE && r->effect[i] != TV_TRUE) {
            struct ex_override *o = &os[e->noverridden++];
            o->rule = i;
            o->effect = (enum tv)r->effect[i];
            o->by = overriders(r, i, &o->nby);
        }
    e->overridden = os;
}

#define WHY_DEPTH 4 /* conclusions followed below a line */

struct wctx {
    const struct result *r;
    struct followed seen; /* conclusions followed on this line */
};

static const struct ex_wpart *why_parts(struct wctx *w, int node, enum tv want,
                                        int depth, int *n);

/* The rules behind conclusion k, each with why it did not take effect. */
static const struct ex_wrule *concl_rules(struct wctx *w, int k, int depth,
                                          int *n)
{
    const struct result *r = w->r;
    const struct concl_info *c = &r->p->concls[k];
    *n = 0;
    if (depth >= WHY_DEPTH || !followed_add(&w->seen, k))
        return NULL;
    struct ex_wrule *rs =
        arena_calloc(arena_of(r), (size_t)c->nrules + 1, sizeof *rs);
    for (int i = 0; i < c->nrules; i++) {
        struct ex_wrule *x = &rs[i];
        x->rule = c->rules[i];
        x->cond = (enum tv)r->cond[x->rule];
        if (x->cond == TV_TRUE)
            x->by = overriders(r, x->rule, &x->nby);
        else
            x->parts = why_parts(w, r->p->rules[x->rule].cond, x->cond,
                                 depth + 1, &x->nparts);
    }
    *n = c->nrules;
    return rs;
}

/* The parts of node that give it truth want, and below each conclusion
 * among them the rules behind it, WHY_DEPTH conclusions deep. */
static const struct ex_wpart *why_parts(struct wctx *w, int node, enum tv want,
                                        int depth, int *n)
{
    const struct result *r = w->r;
    const struct ex_part *pp = parts_of(r, node, want, n);
    struct ex_wpart *ws = arena_calloc(arena_of(r), (size_t)*n + 1, sizeof *ws);
    for (int k = 0; k < *n; k++) {
        const struct cnode *c = &r->p->nodes[pp[k].node];
        ws[k].part = pp[k];
        if (c->op == C_CONCL && pp[k].is != TV_TRUE)
            ws[k].rules = concl_rules(w, c->a, depth, &ws[k].nrules);
    }
    return ws;
}

/* --why-not V: every line of V, with why it did not decide the case. */
static void why_not(const struct result *r, struct explanation *e)
{
    const struct plan *p = r->p;
    int n = 0;
    for (int i = 0; i < p->nlines; i++)
        n += p->lines[i].verdict == r->why_not;
    struct ex_wline *ls = arena_calloc(arena_of(r), (size_t)n + 1, sizeof *ls);
    struct wctx w = {r, {0}};
    followed_init(&w.seen, p->nconcls);
    n = 0;
    for (int i = 0; i < p->nlines; i++) {
        if (p->lines[i].verdict != r->why_not)
            continue;
        struct ex_wline *l = &ls[n++];
        l->line = i;
        l->is = (enum tv)r->all_lines[i];
        l->decided = i == r->line && r->status == ST_DECIDED;
        l->reached = r->line < 0 || i <= r->line;
        if (!l->decided && p->lines[i].cond >= 0 && l->is != TV_TRUE) {
            followed_clear(&w.seen);
            l->parts = why_parts(&w, p->lines[i].cond, l->is, 0, &l->nparts);
        }
    }
    followed_free(&w.seen);
    e->why_not = ls;
    e->nwhy_not = n;
}

const struct explanation *explain_result(const struct result *r)
{
    struct explanation *e = arena_calloc(arena_of(r), 1, sizeof *e);
    if (r->status == ST_ERROR)
        return e;
    not_taken(r, e);
    findings(r, e);
    measures_overrides(r, e);
    int *order =
        arena_calloc(arena_of(r), (size_t)r->p->nfacts + 1, sizeof *order);
    e->nmissing = trace_missing_order(r, order);
    e->missing = order;
    if (r->why_not >= 0)
        why_not(r, e);
    return e;
}
