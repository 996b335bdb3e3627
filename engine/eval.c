#include "engine/eval.h"

#include "engine/date.h"

#include <stdlib.h>
#include <string.h>

#include "engine/limits.h"
#include "engine/msg.h"

/*
 * Evaluation (LANGUAGE.md §3, §8): Kleene three-valued logic, rules and
 * overrides, conclusions, the first-hit verdict, the facts an undetermined
 * verdict still needs, and measures. Deterministic: the same plan and case
 * always give the same result.
 */

static void eval_alloc(void *ud)
{
    struct result *r = ud;
    const struct plan *p = r->p;
    r->cond = xcalloc((size_t)p->nrules + 1, 1);
    r->effect = xcalloc((size_t)p->nrules + 1, 1);
    r->concl = xcalloc((size_t)p->nconcls + 1, 1);
    r->lines = xcalloc((size_t)p->nlines + 1, 1);
    r->measures = xcalloc((size_t)p->nmeasures + 1, 1);
    r->missing = xcalloc((size_t)p->nfacts + 1, sizeof *r->missing);
    r->nv = xcalloc((size_t)p->nnodes + 1, sizeof *r->nv);
    r->done = xcalloc((size_t)p->nnodes + 1, 1);
    r->all_lines = xcalloc((size_t)p->nlines + 1, 1);
    r->settles = xcalloc((size_t)p->nfacts + 1, sizeof *r->settles);
    r->seen = xcalloc((size_t)p->nconcls + 1, 1);
    r->todo = xcalloc((size_t)p->nconcls + 1, sizeof *r->todo);
    r->scratch = xcalloc((size_t)p->nfacts + 1, sizeof *r->scratch);
    r->found = xcalloc((size_t)p->nfacts + 1, sizeof *r->found);
    r->memo = xcalloc(1, sizeof *r->memo);
}

/* Out of memory: what was made is freed, then arena_oom goes on. */
struct result *eval_new(const struct plan *p)
{
    struct result *r = xcalloc(1, sizeof *r);
    r->p = p;
    r->why_not = -1;
    arena_init(&r->arena);
    diag_init(&r->errors, &r->arena);
    if (arena_protect(eval_alloc, r) != 0) {
        eval_free(r);
        arena_oom();
    }
    return r;
}

void eval_free(struct result *r)
{
    if (!r)
        return;
    free(r->cond);
    free(r->effect);
    free(r->concl);
    free(r->lines);
    free(r->measures);
    free(r->missing);
    free(r->nv);
    free(r->done);
    free(r->all_lines);
    free(r->settles);
    free(r->seen);
    free(r->todo);
    free(r->scratch);
    free(r->found);
    if (r->memo)
        memo_free(r->memo);
    free(r->memo);
    arena_free(&r->arena);
    free(r);
}

enum tv eval_tv(const struct value *v)
{
    return !v->known ? TV_UNKNOWN : v->u.b ? TV_TRUE : TV_FALSE;
}

/*
 * Evaluation errors (a division by zero, a number too large) are values of
 * their own: they spread like unknown, but "false and error" is false and
 * "true or error" is true, so an error decides a case only where its value
 * matters, whatever the order of the operands. A condition whose value is
 * an error makes the case an error.
 */
enum eval_error { E_DIV_ZERO = 1, E_OVERFLOW, E_DAYS, E_CALENDAR };

static struct value error_value(enum eval_error e)
{
    struct value v = {0};
    v.err = true;
    v.u.sym = (int)e;
    return v;
}

/* Record the error of condition node i: at the operation it started in. */
static void raise_error(struct result *r, int i)
{
    static const enum msg msg[] = {
        [E_DIV_ZERO] = MSG_eval_div_zero,
        [E_OVERFLOW] = MSG_eval_overflow,
        [E_DAYS] = MSG_eval_days,
        [E_CALENDAR] = MSG_eval_calendar,
    };
    if (r->quiet || r->errors.errors)
        return;
    for (;;) {
        const struct cnode *n = &r->p->nodes[i];
        bool leaf = n->op == C_FACT || n->op == C_CONCL || n->op == C_CONST ||
                    n->op == C_VERDICT;
        if (!leaf && n->a >= 0 && r->done[n->a] && r->nv[n->a].err)
            i = n->a;
        else if (!leaf && n->b >= 0 && r->done[n->b] && r->nv[n->b].err)
            i = n->b;
        else
            break;
    }
    const struct cnode *n = &r->p->nodes[i];
    diag_msg(&r->errors, DIAG_ERROR, n->x ? &n->x->loc : NULL,
             (int)msg[r->nv[i].u.sym]);
}

static int cmp(enum vtype type, const struct value *a, const struct value *b)
{
    switch (type) {
    case VT_NUM:
        return num_cmp(a->u.num, b->u.num);
    case VT_DATE:
        return (a->u.date > b->u.date) - (a->u.date < b->u.date);
    case VT_TEXT:
        return strcmp(a->u.text, b->u.text) != 0;
    case VT_SYM:
    case VT_VERDICT:
        return a->u.sym != b->u.sym;
    case VT_SET:
        return a->u.set != b->u.set;
    default:
        return a->u.b != b->u.b;
    }
}

static void set_tv(struct value *v, enum tv t)
{
    *v = (struct value){.known = t != TV_UNKNOWN, .u.b = t == TV_TRUE};
}

/* Arithmetic on the operands' values a and b (b ignored for C_NEG), into
 * v. The operands are evaluated by ev(), so that a deep condition recurses
 * through ev() alone. A big result lives in r's arena, for this case; past
 * LIMIT_NUM_CASE_BYTES of them every result is too large. */
static void arith(struct result *r, const struct enode *n,
                  const struct value *a, const struct value *b, struct value *v)
{
    *v = (struct value){0};
    if (!a->known || (n->op != C_NEG && !b->known))
        return;
    if (r->arena.total > LIMIT_NUM_CASE_BYTES) {
        *v = error_value(E_OVERFLOW);
        return;
    }
    enum num_status st = NUM_OK;
    struct num x = {0};
    switch (n->op) {
    case C_ADD:
        st = num_add(&r->arena, a->u.num, b->u.num, &x);
        break;
    case C_SUB:
        st = num_sub(&r->arena, a->u.num, b->u.num, &x);
        break;
    case C_MUL:
        st = num_mul(&r->arena, a->u.num, b->u.num, &x);
        break;
    case C_DIV:
        st = num_div(&r->arena, a->u.num, b->u.num, &x);
        break;
    default:
        x = num_neg(a->u.num);
        break;
    }
    if (st == NUM_DIV_ZERO)
        *v = error_value(E_DIV_ZERO);
    else if (st != NUM_OK)
        *v = error_value(E_OVERFLOW);
    else
        *v = (struct value){.known = true, .u.num = x};
}

/* Dates are day numbers: date ± whole days, date - date in days. */
static void date_arith(const struct enode *n, const struct value *a,
                       const struct value *b, struct value *v)
{
    *v = (struct value){0};
    if (!a->known || !b->known)
        return;
    if (n->op == C_DDIFF) {
        v->u.num.n = (int64_t)a->u.date - b->u.date;
        v->u.num.d = 1;
        v->known = true;
        return;
    }
    if (b->u.num.d != 1 || b->u.num.n > 3660000 || b->u.num.n < -3660000) {
        *v = error_value(E_DAYS);
        return;
    }
    int days = (int)b->u.num.n,
        d = n->op == C_DADD ? a->u.date + days : a->u.date - days;
    if (d < ast_date(1, 1, 1) || d > ast_date(9999, 12, 31)) {
        *v = error_value(E_CALENDAR);
        return;
    }
    v->u.date = d;
    v->known = true;
}

static const struct value *ev(struct result *r, int i);

/* The truth of boolean node i, evaluated (into r->nv[i], as ev() does);
 * a fact or a conclusion is read here, without the call: most leaves
 * are one of them. */
static inline enum tv ev_tv(struct result *r, int i)
{
    const struct enode *n = &r->p->enodes[i];
    if (n->op == C_FACT) {
        const struct value *f = &r->cf->vals[n->a];
        r->done[i] = 1;
        r->nv[i] = *f;
        return eval_tv(f);
    }
    if (n->op == C_CONCL) {
        enum tv t = (enum tv)r->concl[n->a];
        r->done[i] = 1;
        set_tv(&r->nv[i], t);
        return t;
    }
    return eval_tv(ev(r, i));
}

/* and, or: Kleene, with the second operand evaluated only when the first
 * does not settle the value. */
static void ev_andor(struct result *r, const struct enode *n, struct value *v)
{
    enum tv stop = n->op == C_AND ? TV_FALSE : TV_TRUE;
    enum tv x = ev_tv(r, n->a);
    if (x == stop) {
        set_tv(v, stop);
        return;
    }
    enum tv y = ev_tv(r, n->b);
    if (y == stop)
        set_tv(v, stop);
    else if (x == TV_UNKNOWN || y == TV_UNKNOWN)
        set_tv(v, TV_UNKNOWN);
    else
        set_tv(v, x);
}

static void ev_compare(struct result *r, const struct enode *n, struct value *v)
{
    const struct value *a = ev(r, n->a), *b = ev(r, n->b);
    if (!a->known || !b->known) {
        *v = (struct value){0};
        return;
    }
    int c = cmp((enum vtype)n->type, a, b);
    bool t = n->op == C_EQ   ? c == 0
             : n->op == C_NE ? c != 0
             : n->op == C_LT ? c < 0
             : n->op == C_LE ? c <= 0
             : n->op == C_GT ? c > 0
                             : c >= 0;
    set_tv(v, t ? TV_TRUE : TV_FALSE);
}

/* in, has all, has any, known. */
static void ev_member(struct result *r, const struct enode *n, struct value *v)
{
    const struct value *a = ev(r, n->a);
    if (n->op == C_KNOWN) {
        set_tv(v, a->known ? TV_TRUE : TV_FALSE);
        return;
    }
    if (!a->known) {
        *v = (struct value){0};
        return;
    }
    bool t;
    uint64_t k = r->p->consts[n->k].u.set;
    if (n->op == C_IN) {
        t = a->u.sym >= 0 && (k >> a->u.sym & 1);
    } else {
        uint64_t m = a->u.set & k;
        t = n->op == C_HAS_ALL ? m == k : m != 0;
    }
    set_tv(v, t ? TV_TRUE : TV_FALSE);
}

/* An error below spreads, unless and/or settled the value anyway. */
static void ev_spread(struct result *r, const struct enode *n, struct value *v)
{
    bool settled = (n->op == C_AND || n->op == C_OR) && v->known;
    if (settled || v->err)
        return;
    if (n->a >= 0 && r->done[n->a] && r->nv[n->a].err)
        *v = r->nv[n->a];
    else if (n->b >= 0 && r->done[n->b] && r->nv[n->b].err)
        *v = r->nv[n->b];
}

/* The nodes that compute numbers, dates and comparisons, out of ev()'s
 * way: ev() stays small (few registers saved per node) for the and, or,
 * not and facts that most conditions are made of. */
static __attribute__((noinline)) void
ev_rare(struct result *r, const struct enode *n, struct value *v)
{
    switch ((enum cop)n->op) {
    case C_ADD:
    case C_SUB:
    case C_MUL:
    case C_DIV:
    case C_NEG: {
        static const struct value none;
        const struct value *a = ev(r, n->a);
        arith(r, n, a, n->op == C_NEG ? &none : ev(r, n->b), v);
        break;
    }
    case C_DADD:
    case C_DSUB:
    case C_DDIFF: {
        const struct value *a = ev(r, n->a);
        date_arith(n, a, ev(r, n->b), v);
        break;
    }
    default:
        ev_compare(r, n, v);
        break;
    }
}

/* Operator node n into v (its r->nv[]), then an error below spreads. */
static __attribute__((noinline)) const struct value *
ev_op(struct result *r, const struct enode *n, struct value *v)
{
    switch ((enum cop)n->op) {
    case C_NOT: {
        enum tv x = ev_tv(r, n->a);
        set_tv(v, x == TV_UNKNOWN ? TV_UNKNOWN
                  : x == TV_TRUE  ? TV_FALSE
                                  : TV_TRUE);
        break;
    }
    case C_AND:
    case C_OR:
        ev_andor(r, n, v);
        break;
    case C_IN:
    case C_HAS_ALL:
    case C_HAS_ANY:
    case C_KNOWN:
        ev_member(r, n, v);
        break;
    default:
        ev_rare(r, n, v);
        break;
    }
    /* an error below: a known value has none, unless `known` made it */
    if (!v->known || n->op == C_KNOWN)
        ev_spread(r, n, v);
    return v;
}

/* Evaluate node i into r->nv[i], in place (a value is never returned by
 * copy: that costs a store-forwarding stall per node); returns it. A leaf
 * is read here, an operator by ev_op (so that ev saves no register). */
static const struct value *ev(struct result *r, int i)
{
    const struct enode *n = &r->p->enodes[i];
    struct value *v = &r->nv[i];
    r->done[i] = 1;
    switch ((enum cop)n->op) {
    case C_FACT:
        *v = r->cf->vals[n->a];
        return v;
    case C_CONCL:
        set_tv(v, (enum tv)r->concl[n->a]);
        return v;
    case C_CONST:
        *v = r->p->consts[n->k];
        return v;
    case C_VERDICT:
        *v = (struct value){.known = r->status != ST_UNDETERMINED,
                            .u.sym = r->verdict};
        return v;
    default:
        return ev_op(r, n, v);
    }
}

/* The truth of condition node (-1: none, true); an error in it is
 * recorded. A condition that is one fact is read without a call. */
static inline enum tv cond_tv(struct result *r, int node)
{
    if (node < 0)
        return TV_TRUE;
    enum tv t = ev_tv(r, node);
    if (r->nv[node].err)
        raise_error(r, node);
    return t;
}

/* effect = condition and not (any overrider's condition), Kleene */
static enum tv effect(const struct result *r, int i)
{
    enum tv c = (enum tv)r->cond[i];
    if (c == TV_FALSE || r->p->nover[i] == 0)
        return c;
    const struct rule_info *ru = &r->p->rules[i];
    enum tv over = TV_FALSE;
    for (int k = 0; k < ru->nover; k++) {
        enum tv o = (enum tv)r->cond[ru->overriders[k]];
        if (o == TV_TRUE)
            return TV_FALSE;
        if (o == TV_UNKNOWN)
            over = TV_UNKNOWN;
    }
    return c == TV_UNKNOWN || over == TV_UNKNOWN ? TV_UNKNOWN : TV_TRUE;
}

/* Where missing() collects: a flag per fact, and the n facts flagged in
 * found[]. seen[] is all zero before (gather_done() clears it after),
 * so that a gather costs what it finds, not the size of the rule set. */
struct gather {
    bool *facts;
    int n;
    int *found;
    uint8_t *seen;   /* conclusions already met */
    int *todo;       /* the ntodo conclusions met, in order */
    int ntodo, next; /* todo[next..ntodo): rules not yet followed */
};

static struct gather gather_new(const struct result *r, bool *facts)
{
    return (struct gather){facts, 0, r->found, r->seen, r->todo, 0, 0};
}

static void gather_done(struct gather *g)
{
    for (int k = 0; k < g->ntodo; k++)
        g->seen[g->todo[k]] = 0;
}

/* The unknown facts under unknown node i; a conclusion met is put on
 * g->todo (the rules behind a conclusion are followed by missing(), not
 * here: a chain of rules must not recurse). Recursion is bounded by the
 * nesting limit of a condition. */
static void missing_node(const struct result *r, int i, struct gather *g)
{
    if (i < 0 || !r->done[i] || r->nv[i].known)
        return;
    const struct cnode *n = &r->p->nodes[i];
    switch (n->op) {
    case C_FACT:
        if (!g->facts[n->a]) {
            g->facts[n->a] = true;
            g->found[g->n++] = n->a;
        }
        return;
    case C_CONCL:
        if (!g->seen[n->a]) {
            g->seen[n->a] = 1;
            g->todo[g->ntodo++] = n->a;
        }
        return;
    case C_CONST:
    case C_VERDICT:
    case C_KNOWN:
        return;
    default:
        break;
    }
    missing_node(r, n->a, g);
    missing_node(r, n->b, g);
}

/* The unknown facts that make unknown node i unknown (LANGUAGE.md §8),
 * through the unknown rules behind every conclusion met, to any depth. */
static void missing(const struct result *r, int i, struct gather *g)
{
    const struct plan *p = r->p;
    missing_node(r, i, g);
    while (g->next < g->ntodo) {
        const struct concl_info *c = &p->concls[g->todo[g->next++]];
        for (int k = 0; k < c->nrules; k++) {
            int ri = c->rules[k];
            if (r->effect[ri] != TV_UNKNOWN)
                continue;
            const struct rule_info *ru = &p->rules[ri];
            if (r->cond[ri] == TV_UNKNOWN)
                missing_node(r, ru->cond, g);
            for (int o = 0; o < ru->nover; o++)
                if (r->cond[ru->overriders[o]] == TV_UNKNOWN)
                    missing_node(r, p->rules[ru->overriders[o]].cond, g);
        }
    }
}

/* Every verdict line's truth, past the first hit too (for "why not"),
 * and for each missing fact how many unknown lines it could settle.
 * Errors here (a division by zero on a line the case never reached) do
 * not touch the outcome. */
static void analyse(struct result *r)
{
    const struct plan *p = r->p;
    int errors = r->errors.errors;
    r->quiet = true;
    for (int i = 0; i < p->nlines; i++)
        r->all_lines[i] = r->lines[i] != LINE_NOT_TRIED
                              ? r->lines[i]
                              : (uint8_t)cond_tv(r, p->lines[i].cond);
    r->quiet = false;
    r->errors.errors = errors;
    memset(r->settles, 0, (size_t)p->nfacts * sizeof *r->settles);
    if (r->status != ST_UNDETERMINED)
        return;
    for (int i = 0; i < p->nlines; i++) {
        if (r->all_lines[i] != TV_UNKNOWN)
            continue;
        struct gather g = gather_new(r, r->scratch); /* all false */
        missing(r, p->lines[i].cond, &g);
        for (int k = 0; k < g.n; k++) {
            r->settles[g.found[k]]++;
            r->scratch[g.found[k]] = false;
        }
        gather_done(&g);
    }
}

void eval_case(struct result *r, const struct case_facts *cf)
{
    const struct plan *p = r->p;
    r->cf = cf;
    r->line = -1;
    r->verdict = -1;
    r->nmissing = 0;
    memset(r->missing, 0, (size_t)p->nfacts * sizeof *r->missing);
    memset(r->done, 0, (size_t)p->nnodes);
    memset(r->lines, LINE_NOT_TRIED, (size_t)p->nlines);
    memset(r->measures, TV_FALSE, (size_t)p->nmeasures);
    memset(r->cond, TV_FALSE, (size_t)p->nrules);
    memset(r->effect, TV_FALSE, (size_t)p->nrules);
    memset(r->concl, TV_FALSE, (size_t)p->nconcls);
    if (r->arena.total) { /* errors, big numbers, the explanation */
        arena_reset(&r->arena);
        diag_init(&r->errors, &r->arena);
    }
    if (cf->errors && cf->errors->errors) {
        r->status = ST_ERROR;
        return;
    }
    r->status = ST_DECIDED;
    for (int s = 0; s < p->norder; s++) {
        const struct step *st = &p->order[s];
        int i = st->index;
        if (!st->concl) {
            r->cond[i] = (uint8_t)cond_tv(r, st->cond);
            continue;
        }
        enum tv t = TV_FALSE;
        for (int k = 0; k < st->nrules; k++) {
            int ri = st->rules[k];
            r->effect[ri] = (uint8_t)effect(r, ri);
            if (r->effect[ri] == TV_TRUE)
                t = TV_TRUE;
            else if (r->effect[ri] == TV_UNKNOWN && t == TV_FALSE)
                t = TV_UNKNOWN;
        }
        r->concl[i] = (uint8_t)t;
    }
    for (int i = 0; i < p->nlines; i++) {
        enum tv t = cond_tv(r, p->lines[i].cond);
        r->lines[i] = (uint8_t)t;
        if (t == TV_TRUE) {
            r->line = i;
            r->verdict = p->lines[i].verdict;
            break;
        }
        if (t == TV_UNKNOWN) {
            r->line = i;
            r->status = ST_UNDETERMINED;
            struct gather g = gather_new(r, r->missing);
            missing(r, p->lines[i].cond, &g);
            r->nmissing = g.n;
            gather_done(&g);
            break;
        }
    }
    for (int i = 0; i < p->nmeasures; i++)
        r->measures[i] = (uint8_t)cond_tv(r, p->measures[i].cond);
    if (r->errors.errors)
        r->status = ST_ERROR;
    else if ((r->status == ST_UNDETERMINED && !r->brief) || r->explain)
        analyse(r); /* all_lines and settles: read by full traces only */
}
