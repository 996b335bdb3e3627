#include "engine/arena.h"
#include "engine/check_int.h"
#include "engine/sbuf.h"

/*
 * The order in which rules and conclusions are evaluated: a depth-first
 * walk over rule conditions and conclusions, with each cycle reported.
 * The walk keeps its path on the heap, not on the C stack: a chain of
 * rules is as long as the declaration limit lets it be.
 */

/* Dependency order over rule conditions (0..R-1) and conclusions
 * (R..R+C-1), with cycle detection. */
struct order_ctx {
    struct checker *c;
    int **deps;
    int *ndeps;
    char *color;              /* 0 white, 1 on the path, 2 done */
    struct order_frame *path; /* the path, on the heap: no recursion */
    int npath;
    int *pos; /* where each node on the path is */
};

/* A node on the path and where its successors are at: for a rule, i over
 * its dependencies; for a conclusion, i over its rules and j over the
 * rule itself (-1) then the rules overriding it. */
struct order_frame {
    int v, i, j;
};

static const char *node_name(const struct plan *p, int v)
{
    return v < p->nrules ? p->rules[v].id : p->concls[v - p->nrules].name;
}

/* The rule that v overrides among those concluding conclusion k, or -1. */
static int overridden_via(const struct plan *p, int k, int v)
{
    const struct concl_info *c = &p->concls[k];
    for (int j = 0; j < c->nrules; j++) {
        const struct rule_info *r = &p->rules[c->rules[j]];
        if (c->rules[j] == v)
            return -1;
        for (int q = 0; q < r->nover; q++)
            if (r->overriders[q] == v)
                return c->rules[j];
    }
    return -1;
}

/* Node i of the path (the path's end stands for its start) in a cycle
 * text, with the arrow after it. */
static void cycle_node(struct order_ctx *o, struct sbuf *s, int i, int start,
                       enum lang lang)
{
    struct plan *p = o->c->p;
    int v = i < o->npath ? o->path[i].v : o->path[start].v;
    int prev = i > start ? o->path[i - 1].v : -1;
    if (v < p->nrules)
        SB_MSG(s, lang, cycle_rule, node_name(p, v));
    else
        sb_puts(s, node_name(p, v));
    if (v < p->nrules && prev >= p->nrules) {
        int via = overridden_via(p, prev - p->nrules, v);
        if (via >= 0)
            SB_MSG(s, lang, cycle_overrides, p->rules[via].id);
    }
    if (i < o->npath)
        sb_puts(s, " → ");
}

/* A cycle names at most this many of its nodes: the first half and the
 * last, so that a long chain closing on itself costs as much as a short
 * one. */
#define CYCLE_SHOWN 16

/* The cycle from the path's node start to its top, and back, in lang. */
static void cycle_text(struct order_ctx *o, int start, enum lang lang,
                       struct sbuf *s)
{
    int len = o->npath - start;
    for (int i = start; i <= o->npath; i++) {
        if (len > CYCLE_SHOWN && i == start + CYCLE_SHOWN / 2) {
            int skip = len - CYCLE_SHOWN;
            SB_MSG(s, lang, cycle_more, skip);
            sb_puts(s, " → ");
            i += skip;
        }
        cycle_node(o, s, i, start, lang);
    }
}

/* The cycle from back (on the path) to the top of the path, and back. */
static void report_cycle(struct order_ctx *o, int back)
{
    struct plan *p = o->c->p;
    struct diag_list *dl = o->c->dl;
    int start = o->pos[back];
    /* rules and conclusions alternate: the cycle's first of each */
    int a = o->path[start].v, b = o->path[start + 1].v;
    int rule = a < p->nrules ? a : b;
    int concl = (a < p->nrules ? b : a) - p->nrules;
    struct diag *d = DIAG(dl, DIAG_ERROR, &p->rules[rule].loc,
                          depends_on_itself, p->concls[concl].name);
    if (d == &dl->sink)
        return;
    struct sbuf s[3] = {{0}, {0}, {0}};
    struct marg cycle;
    for (int k = 0; k < 3; k++) {
        cycle_text(o, start, (enum lang)k, &s[k]);
        cycle.v[k] = s[k].p;
    }
    check_hint(dl, d, MSG_the_cycle, 1, &cycle);
    for (int k = 0; k < 3; k++)
        sb_free(&s[k]);
}

/* The next successor of the node of frame f, or -1 when done. */
static int next_succ(const struct order_ctx *o, struct order_frame *f)
{
    const struct plan *p = o->c->p;
    if (f->v < p->nrules)
        return f->i < o->ndeps[f->v] ? p->nrules + o->deps[f->v][f->i++] : -1;
    const struct concl_info *k = &p->concls[f->v - p->nrules];
    while (f->i < k->nrules) {
        const struct rule_info *r = &p->rules[k->rules[f->i]];
        if (f->j < r->nover) {
            int w = f->j < 0 ? k->rules[f->i] : r->overriders[f->j];
            f->j++;
            return w;
        }
        f->i++;
        f->j = -1;
    }
    return -1;
}

static void push(struct order_ctx *o, int v)
{
    o->color[v] = 1;
    o->pos[v] = o->npath;
    o->path[o->npath++] = (struct order_frame){v, 0, -1};
}

/* Depth-first from v, with the path as an explicit stack (a chain of
 * rules as long as the declaration limit allows must not overflow the
 * C stack); each node is placed in the order when it is done. */
static void visit(struct order_ctx *o, int v)
{
    struct plan *p = o->c->p;
    push(o, v);
    while (o->npath > 0) {
        struct order_frame *f = &o->path[o->npath - 1];
        int w = next_succ(o, f);
        if (w >= 0) {
            if (o->color[w] == 1)
                report_cycle(o, w);
            else if (o->color[w] == 0)
                push(o, w);
            continue;
        }
        int u = f->v;
        o->npath--;
        o->color[u] = 2;
        struct step *s = &p->order[p->norder++];
        s->concl = u >= p->nrules;
        s->index = u < p->nrules ? u : u - p->nrules;
        s->cond = s->concl ? -1 : p->rules[u].cond;
        s->rules = s->concl ? p->concls[s->index].rules : NULL;
        s->nrules = s->concl ? p->concls[s->index].nrules : 0;
    }
}

void check_order(struct checker *c, int **deps, int *ndeps)
{
    struct plan *p = c->p;
    int n = p->nrules + p->nconcls;
    struct order_ctx o = {
        c,
        deps,
        ndeps,
        arena_alloc(c->a, (size_t)n + 1),
        arena_calloc(c->a, (size_t)n + 1, sizeof(struct order_frame)),
        0,
        arena_calloc(c->a, (size_t)n + 1, sizeof(int))};
    p->order = arena_calloc(c->a, (size_t)n, sizeof *p->order);
    p->nover = arena_calloc(c->a, (size_t)p->nrules + 1, sizeof *p->nover);
    for (int i = 0; i < p->nrules; i++)
        p->nover[i] = p->rules[i].nover;
    for (int v = n - 1; v >= 0; v--) /* conclusions first */
        if (!o.color[v])
            visit(&o, v);
}
