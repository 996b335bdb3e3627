#include "engine/explain.h"

#include <string.h>

#include "engine/trace_int.h"

/* The arena of the result being explained: the result is the caller's, the
 * trace only reads it, and its arena holds what one case needs. */
static struct arena *arena_of(const struct result *r)
{
    return (struct arena *)&r->arena;
}

/* The parts of line i's condition that made it false, with their facts. */
static void line_parts(const struct result *r, struct ex_line *l,
                       struct atoms *at)
{
    struct arena *a = arena_of(r);
    at->n = 0;
    trace_why(r, r->p->lines[l->line].cond, TV_FALSE, at);
    struct ex_part *parts = arena_calloc(a, (size_t)at->n + 1, sizeof *parts);
    for (int k = 0; k < at->n; k++) {
        struct ex_part *pt = &parts[k];
        pt->node = at->v[k] / 4;
        pt->is = (enum tv)(at->v[k] % 4);
        trace_facts_under(r, pt->node, &pt->nfacts);
        int *facts = arena_calloc(a, (size_t)pt->nfacts + 1, sizeof *facts);
        if (pt->nfacts)
            memcpy(facts, r->found, (size_t)pt->nfacts * sizeof *facts);
        pt->facts = facts;
    }
    l->parts = parts;
    l->nparts = at->n;
}

static void not_taken(const struct result *r, struct explanation *e)
{
    const struct plan *p = r->p;
    int n = 0;
    for (int i = 0; i < p->nlines; i++)
        n += r->lines[i] == TV_FALSE;
    struct ex_line *lines =
        arena_calloc(arena_of(r), (size_t)n + 1, sizeof *lines);
    struct atoms at = {0};
    n = 0;
    for (int i = 0; i < p->nlines; i++)
        if (r->lines[i] == TV_FALSE) {
            lines[n].line = i;
            line_parts(r, &lines[n++], &at);
        }
    atoms_free(&at);
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

const struct explanation *explain_result(const struct result *r)
{
    struct explanation *e = arena_calloc(arena_of(r), 1, sizeof *e);
    if (r->status == ST_ERROR)
        return e;
    not_taken(r, e);
    findings(r, e);
    int *order =
        arena_calloc(arena_of(r), (size_t)r->p->nfacts + 1, sizeof *order);
    e->nmissing = trace_missing_order(r, order);
    e->missing = order;
    return e;
}
