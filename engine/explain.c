#include "engine/explain.h"

#include <string.h>

#include "engine/arena.h"

/* The parts of a condition that settle it (why_atoms): each is
 * node * 4 + its truth (enum tv); as many as the condition has, in
 * local while they fit, then on the heap. */
struct atoms {
    int *v;
    int n, cap;
    int local[32];
};

/* Conclusions followed in one why-not chain; clearing costs as much as
 * how many were followed, not how many the rule set has. */
struct followed {
    uint8_t *on; /* per conclusion */
    int *list, n;
};

/* The missing facts of an undetermined result, those that bear on more
 * unknown verdict lines first; returns how many (order has nfacts). */
static int missing_order(const struct result *r, int *order)
{
    /* counting sort on settles, most first: linear, and it keeps
     * declaration order on ties */
    int n = 0, top = 0;
    for (int i = 0; i < r->p->nfacts; i++)
        if (r->missing[i]) {
            n++;
            if (r->settles[i] > top)
                top = r->settles[i];
        }
    if (n == 0)
        return 0;
    int *start = xtemp_calloc((size_t)top + 2, sizeof *start);
    for (int i = 0; i < r->p->nfacts; i++)
        if (r->missing[i])
            start[top - r->settles[i] + 1]++;
    for (int k = 1; k <= top + 1; k++)
        start[k] += start[k - 1];
    for (int i = 0; i < r->p->nfacts; i++)
        if (r->missing[i])
            order[start[top - r->settles[i]]++] = i;
    xtemp_free(start);
    return n;
}

static void facts_under(const struct result *r, int i, int *n)
{
    const struct cnode *c = &r->p->nodes[i];
    if (c->op == C_FACT) {
        if (!r->scratch[c->a]) {
            r->scratch[c->a] = true;
            r->found[(*n)++] = c->a;
        }
        return;
    }
    if (c->op == C_CONST || c->op == C_CONCL || c->op == C_VERDICT)
        return;
    if (c->a >= 0)
        facts_under(r, c->a, n);
    if (c->b >= 0)
        facts_under(r, c->b, n);
}

/* The facts read under node i, each once, in the order they appear: in
 * r->found (*n of them; r->scratch is the scratch it leaves all false). */
static void facts_under_node(const struct result *r, int i, int *n)
{
    *n = 0;
    facts_under(r, i, n);
    for (int k = 0; k < *n; k++)
        r->scratch[r->found[k]] = false;
}

static void atoms_push(struct atoms *a, int atom)
{
    if (!a->v) {
        a->v = a->local;
        a->cap = (int)(sizeof a->local / sizeof *a->local);
    }
    if (a->n == a->cap) {
        int cap = a->cap * 2;
        int *v = xtemp_calloc((size_t)cap, sizeof *v);
        memcpy(v, a->v, (size_t)a->n * sizeof *v);
        if (a->v != a->local)
            xtemp_free(a->v);
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = atom;
}

static void atoms_free(struct atoms *a)
{
    if (a->v != a->local)
        xtemp_free(a->v);
    a->v = NULL;
    a->n = a->cap = 0;
}

/* Why boolean node i has truth want: the smallest parts of the condition
 * that settle it (unknown: the parts still unknown), appended to a. */
static void why_atoms(const struct result *r, int i, enum tv want,
                      struct atoms *a)
{
    const struct cnode *c = &r->p->nodes[i];
    if (want == TV_UNKNOWN && (c->op == C_AND || c->op == C_OR)) {
        if (r->done[c->a] && !r->nv[c->a].known)
            why_atoms(r, c->a, TV_UNKNOWN, a);
        if (r->done[c->b] && !r->nv[c->b].known)
            why_atoms(r, c->b, TV_UNKNOWN, a);
        return;
    }
    bool conj = (c->op == C_AND && want == TV_FALSE) ||
                (c->op == C_OR && want == TV_TRUE);
    bool both = (c->op == C_AND && want == TV_TRUE) ||
                (c->op == C_OR && want == TV_FALSE);
    if (conj) {
        enum tv ta = r->done[c->a] ? eval_tv(&r->nv[c->a]) : TV_UNKNOWN;
        why_atoms(r, ta == want ? c->a : c->b, want, a);
    } else if (both) {
        why_atoms(r, c->a, want, a);
        why_atoms(r, c->b, want, a);
    } else if (c->op == C_NOT) {
        why_atoms(r, c->a,
                  want == TV_UNKNOWN ? TV_UNKNOWN
                  : want == TV_TRUE  ? TV_FALSE
                                     : TV_TRUE,
                  a);
    } else {
        atoms_push(a, i * 4 + (int)want);
    }
}

static void followed_init(struct followed *f, int nconcls)
{
    f->on = xtemp_calloc((size_t)nconcls + 1, 1);
    f->list = xtemp_calloc((size_t)nconcls + 1, sizeof *f->list);
    f->n = 0;
}

/* False when k was followed already; otherwise marks it. */
static bool followed_add(struct followed *f, int k)
{
    if (f->on[k])
        return false;
    f->on[k] = 1;
    f->list[f->n++] = k;
    return true;
}

static void followed_clear(struct followed *f)
{
    for (int i = 0; i < f->n; i++)
        f->on[f->list[i]] = 0;
    f->n = 0;
}

static void followed_free(struct followed *f)
{
    xtemp_free(f->list);
    xtemp_free(f->on);
}

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
    struct atoms at;
    at.v = NULL;
    at.n = at.cap = 0;
    why_atoms(r, node, want, &at);
    struct ex_part *parts = arena_calloc(a, (size_t)at.n + 1, sizeof *parts);
    for (int k = 0; k < at.n; k++) {
        struct ex_part *pt = &parts[k];
        pt->node = at.v[k] / 4;
        pt->is = (enum tv)(at.v[k] % 4);
        facts_under_node(r, pt->node, &pt->nfacts);
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
    e->nmissing = missing_order(r, order);
    e->missing = order;
    if (r->why_not >= 0)
        why_not(r, e);
    return e;
}
