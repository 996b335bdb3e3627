#include "engine/check_int.h"
#include "engine/ast.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/limits.h"
#include "engine/suggest.h"

/* Type checking and compiling of conditions (LANGUAGE.md §2, §3, §8). */

struct ty {
    enum vtype t;
    const struct domain *dom; /* VT_SYM, VT_SET, VT_VERDICT */
    int list;                 /* VT_LIST: index in c->lists */
};

/* The name of type t, as the argument of a message. */
static struct marg type_name(enum vtype t)
{
    static const enum msg n[] = {
        [VT_BOOL] = MSG_vtype_bool,       [VT_NUM] = MSG_vtype_number,
        [VT_TEXT] = MSG_vtype_text,       [VT_DATE] = MSG_vtype_date,
        [VT_SYM] = MSG_vtype_option,      [VT_SET] = MSG_vtype_options,
        [VT_VERDICT] = MSG_vtype_verdict, [VT_LIST] = MSG_vtype_list,
        [VT_ERR] = MSG_vtype_error,
    };
    return marg_m(n[t]);
}

static int emit(struct checker *c, enum cop op, enum vtype t, int a, int b,
                const struct ast_expr *ast)
{
    struct plan *p = c->p;
    if (p->nnodes == c->ncap) { /* temporaries: the arena gets one copy */
        int cap = c->ncap ? c->ncap * 2 : 256;
        p->nodes = xtemp_realloc(c->ncap ? p->nodes : NULL, (size_t)cap,
                                 sizeof *p->nodes);
        c->asts = xtemp_realloc(c->ncap ? c->asts : NULL, (size_t)cap,
                                sizeof *c->asts);
        c->ncap = cap;
    }
    p->nodes[p->nnodes] = (struct cnode){.op = op, .type = t, .a = a, .b = b};
    c->asts[p->nnodes] = ast;
    return p->nnodes++;
}

static void push(struct checker *c, int **arr, int *n, int *cap, int v)
{
    for (int i = 0; i < *n; i++)
        if ((*arr)[i] == v)
            return;
    if (*n == *cap) {
        int ncap = *cap ? *cap * 2 : 8;
        int *m = arena_calloc(c->a, (size_t)ncap, sizeof *m);
        if (*n)
            memcpy(m, *arr, (size_t)*n * sizeof *m);
        *arr = m;
        *cap = ncap;
    }
    (*arr)[(*n)++] = v;
}

static int fail(struct checker *c, struct ty *out)
{
    out->t = VT_ERR;
    out->dom = NULL;
    return emit(c, C_CONST, VT_ERR, -1, -1, NULL);
}

/* The errors are reported by functions of their own, kept out of line:
 * compiling recurses once per level of a condition, and its frames stay
 * small (tests/unit/test_deep.c runs it on a 1 MiB stack). */
#define COLD __attribute__((noinline, cold))

/* Who has the options, in a message: a fact's name, or one of these. */
static const char owner_verdict[] = "the verdict", owner_value[] = "this value";

static struct marg owner_word(const char *owner)
{
    if (owner == owner_verdict)
        return marg_m(MSG_vtype_verdict);
    return owner == owner_value ? marg_m(MSG_this_value) : marg_s(owner);
}

/* An error at loc: message m, whose one %s is the name of type t. */
static COLD struct diag *type_error(struct checker *c,
                                    const struct src_loc *loc, enum msg m,
                                    enum vtype t)
{
    return check_diag(c->dl, DIAG_ERROR, loc, m, 1,
                      (struct marg[]){type_name(t)});
}

/* An error at loc: message m, whose one %s is owner. */
static COLD void owner_error(struct checker *c, const struct src_loc *loc,
                             enum msg m, const char *owner)
{
    check_diag(c->dl, DIAG_ERROR, loc, m, 1,
               (struct marg[]){owner_word(owner)});
}

/* Option name of dom, or -1 after an error. */
static int option_of(struct checker *c, const char *name,
                     const struct src_loc *loc, const struct domain *dom,
                     const char *owner)
{
    int i = check_option_at(c->dl, dom, name, loc, owner_word(owner));
    if (i < 0 && !dom->n && dom == &c->p->verdicts &&
        c->dl->errors <= LIMIT_ERRORS) /* the error is the list's last */
        HINT0(c->dl, c->dl->tail, no_verdict_table);
    return i;
}

static uint64_t mask_of(struct checker *c, const struct ast_name *items,
                        const struct domain *dom, const char *owner)
{
    uint64_t m = 0;
    for (const struct ast_name *n = items; n; n = n->next) {
        int i = option_of(c, n->text, &n->loc, dom, owner);
        if (i >= 0)
            m |= (uint64_t)1 << i;
    }
    return m;
}

static int compile(struct checker *c, const struct ast_expr *e, struct ty *out);

static bool is_bare(const struct ast_expr *e)
{
    return e->op == OP_NAME || e->op == OP_SET || e->op == OP_STR;
}

static const char *owner_of(const struct ast_expr *e, const struct ty *t)
{
    if (t->t == VT_VERDICT)
        return owner_verdict;
    return e->op == OP_NAME ? e->text : owner_value;
}

/* e, an option of the set-of fact owner, compared with it. */
static COLD void one_option_error(struct checker *c, const struct ast_expr *e,
                                  const char *owner)
{
    struct marg text = marg_s(e->text), o = owner_word(owner);
    struct diag *d =
        check_diag(c->dl, DIAG_ERROR, &e->loc, MSG_one_option_of_set, 2,
                   (struct marg[]){text, o});
    check_hint(c->dl, d, MSG_write_contains, 3, (struct marg[]){o, text, text});
}

/* Compile e as a value of the typed side (ty, from expression other). */
static int as_option(struct checker *c, const struct ast_expr *e,
                     const struct ty *ty, const struct ast_expr *other,
                     struct ty *out)
{
    const char *owner = owner_of(other, ty);
    if (ty->t == VT_ERR)
        return fail(c, out);
    if (ty->t == VT_SET && e->op == OP_SET) {
        int n = emit(c, C_CONST, VT_SET, -1, -1, e);
        c->p->nodes[n].k.known = true;
        c->p->nodes[n].k.u.set = mask_of(c, e->items, ty->dom, owner);
        *out = *ty;
        return n;
    }
    if ((ty->t == VT_SYM || ty->t == VT_VERDICT) &&
        (e->op == OP_NAME || e->op == OP_STR)) {
        bool in_dom = plan_option(ty->dom, e->text) >= 0;
        if (e->op == OP_STR || in_dom || names_get(&c->ns, e->text) < 0) {
            int i = option_of(c, e->text, &e->loc, ty->dom, owner);
            if (i < 0)
                return fail(c, out);
            int n = emit(c, C_CONST, ty->t, -1, -1, e);
            c->p->nodes[n].k.known = true;
            c->p->nodes[n].k.u.sym = i;
            *out = *ty;
            return n;
        }
    }
    if (e->op == OP_SET) {
        owner_error(c, &e->loc, MSG_set_vs_value, owner);
        return fail(c, out);
    }
    if (ty->t == VT_SET && e->op == OP_NAME &&
        plan_option(ty->dom, e->text) >= 0) {
        one_option_error(c, e, owner);
        return fail(c, out);
    }
    return compile(c, e, out);
}

/* The domain of the one-of or set-of fact that e names, or NULL. */
static const struct domain *fact_domain(struct checker *c,
                                        const struct ast_expr *e)
{
    int v = names_get(&c->ns, e->text);
    if (v < 0 || NS_KIND(v) != NS_FACT)
        return NULL;
    return c->p->facts[NS_INDEX(v)].dom;
}

static bool same_type(const struct ty *a, const struct ty *b)
{
    if (a->t != b->t)
        return false;
    if (a->dom == b->dom || !a->dom || !b->dom)
        return true;
    if (a->dom->n != b->dom->n)
        return false;
    for (int i = 0; i < a->dom->n; i++)
        if (!names_eq(a->dom->names[i], b->dom->names[i]))
            return false;
    return true;
}

/* Types a and b cannot be compared. */
static COLD void compare_error(struct checker *c, const struct src_loc *loc,
                               enum vtype a, enum vtype b)
{
    struct diag *d = check_diag(c->dl, DIAG_ERROR, loc, MSG_cannot_compare, 2,
                                (struct marg[]){type_name(a), type_name(b)});
    if (a == VT_SYM && b == VT_SYM)
        HINT0(c->dl, d, different_facts_options);
    else if (a == VT_SET || b == VT_SET)
        HINT0(c->dl, d, set_write_contains);
}

static int compile_cmp(struct checker *c, const struct ast_expr *e, enum cop op,
                       struct ty *out)
{
    struct ty tl, tr;
    int l, r;
    /* a bare name facing a one-of value is read as one of its options:
       compile the side that has a type first */
    bool typed_l = !is_bare(e->l) ||
                   (e->l->op == OP_NAME && names_get(&c->ns, e->l->text) >= 0);
    bool typed_r = !is_bare(e->r) ||
                   (e->r->op == OP_NAME && names_get(&c->ns, e->r->text) >= 0);
    /* both declared: one may still be an option of the other's domain */
    if (typed_l && typed_r && e->l->op == OP_NAME && e->r->op == OP_NAME &&
        plan_option(fact_domain(c, e->r), e->l->text) >= 0 &&
        plan_option(fact_domain(c, e->l), e->r->text) < 0)
        typed_l = false;
    if (typed_l || !typed_r) {
        l = compile(c, e->l, &tl);
        r = as_option(c, e->r, &tl, e->l, &tr);
    } else {
        r = compile(c, e->r, &tr);
        l = as_option(c, e->l, &tr, e->r, &tl);
    }
    out->t = VT_BOOL;
    out->dom = NULL;
    if (tl.t == VT_ERR || tr.t == VT_ERR)
        return fail(c, out);
    bool order = op == C_LT || op == C_LE || op == C_GT || op == C_GE;
    if (!same_type(&tl, &tr)) {
        compare_error(c, &e->loc, tl.t, tr.t);
        return fail(c, out);
    }
    if (order && tl.t != VT_NUM && tl.t != VT_DATE) {
        type_error(c, &e->loc, MSG_order_needs_numbers, tl.t);
        return fail(c, out);
    }
    if (tl.t == VT_LIST) {
        struct diag *d = DIAG0(c->dl, DIAG_ERROR, &e->loc, list_compared);
        HINT0(c->dl, d, list_write_in);
        return fail(c, out);
    }
    return emit(c, op, tl.t, l, r, e);
}

static int compile_bool(struct checker *c, const struct ast_expr *e,
                        struct ty *t)
{
    int n = compile(c, e, t);
    if (t->t != VT_BOOL && t->t != VT_ERR) {
        type_error(c, &e->loc, MSG_expected_bool, t->t);
        return fail(c, t);
    }
    return n;
}

static int compile_num(struct checker *c, const struct ast_expr *e,
                       struct ty *t)
{
    int n = compile(c, e, t);
    if (t->t != VT_NUM && t->t != VT_ERR) {
        type_error(c, &e->loc, MSG_arith_number, t->t);
        return fail(c, t);
    }
    return n;
}

/* + and -: numbers; a date plus or minus a number of days is a date; a
 * date minus a date is the number of days between them. */
static int compile_add(struct checker *c, const struct ast_expr *e,
                       struct ty *out)
{
    struct ty a, b;
    int l = compile(c, e->l, &a);
    int r = compile(c, e->r, &b);
    bool sub = e->op == OP_SUB;
    out->dom = NULL;
    if (a.t == VT_ERR || b.t == VT_ERR)
        return fail(c, out);
    if (a.t == VT_NUM && b.t == VT_NUM) {
        out->t = VT_NUM;
        return emit(c, sub ? C_SUB : C_ADD, VT_NUM, l, r, e);
    }
    if (a.t == VT_DATE && b.t == VT_NUM) {
        out->t = VT_DATE;
        return emit(c, sub ? C_DSUB : C_DADD, VT_DATE, l, r, e);
    }
    if (a.t == VT_DATE && b.t == VT_DATE && sub) {
        out->t = VT_NUM;
        return emit(c, C_DDIFF, VT_NUM, l, r, e);
    }
    /* point at the operand that does not fit */
    bool left_ok = a.t == VT_NUM || a.t == VT_DATE;
    const struct ast_expr *bad = left_ok ? e->r : e->l;
    struct diag *d =
        type_error(c, &bad->loc, MSG_arith_number, left_ok ? b.t : a.t);
    HINT0(c->dl, d, arith_operands);
    return fail(c, out);
}

/* The hint of d, an option of list (used with owner at loc) that owner
 * does not have: in each language, what it said, then where. */
static COLD void list_used_with(struct checker *c, struct diag *d,
                                const char *list, const char *owner,
                                const struct src_loc *at)
{
    if (d == &c->dl->sink)
        return;
    for (int k = 0; k < 3; k++) {
        const char *was = d->hints[k] ? d->hints[k]
                          : d->hint   ? d->hint
                                      : MSG(options_differ, (enum lang)k);
        const char *o = owner_word(owner).v[k], *f = at->src->name;
        int line = at->first_line, col = at->first_column;
        enum msg m = MSG_ID(list_used_with, was, list, o, f, line, col);
        d->hints[k] = arena_printf(c->a, msg_fmt(m, (enum lang)k), was, list, o,
                                   f, line, col);
    }
    d->hint = d->hints[d->lang];
}

/* x in {…} / x in LIST, S contains a, S contains any LIST */
static int compile_member(struct checker *c, const struct ast_expr *e,
                          struct ty *out)
{
    struct ty tl;
    int l = compile(c, e->l, &tl);
    out->t = VT_BOOL;
    out->dom = NULL;
    if (tl.t == VT_ERR)
        return fail(c, out);
    bool in = e->op == OP_IN;
    if (in && tl.t != VT_SYM && tl.t != VT_VERDICT) {
        struct diag *d = type_error(c, &e->l->loc, MSG_in_needs_one_of, tl.t);
        if (tl.t == VT_SET)
            HINT0(c->dl, d, set_write_contains);
        return fail(c, out);
    }
    if (!in && tl.t != VT_SET) {
        struct diag *d =
            type_error(c, &e->l->loc, MSG_contains_needs_set, tl.t);
        if (tl.t == VT_SYM)
            HINT0(c->dl, d, one_of_write_in);
        return fail(c, out);
    }
    const struct ast_expr *r = e->r;
    const char *owner = owner_of(e->l, &tl);
    uint64_t mask = 0;
    if (r->op == OP_SET) {
        mask = mask_of(c, r->items, tl.dom, owner);
    } else if (r->op == OP_NAME && e->op == OP_CONTAINS &&
               plan_option(tl.dom, r->text) >= 0) {
        mask = (uint64_t)1 << plan_option(tl.dom, r->text);
    } else if (r->op == OP_NAME && names_get(&c->ns, r->text) >= 0 &&
               NS_KIND(names_get(&c->ns, r->text)) == NS_LIST) {
        const struct list_info *li =
            &c->lists[NS_INDEX(names_get(&c->ns, r->text))];
        struct diag *last = c->dl->tail;
        mask = mask_of(c, li->items, tl.dom, owner);
        for (struct diag *d = last ? last->next : c->dl->head; d; d = d->next)
            list_used_with(c, d, li->name, owner, &r->loc);
    } else if (r->op == OP_NAME && e->op == OP_CONTAINS) {
        if (option_of(c, r->text, &r->loc, tl.dom, owner) < 0)
            return fail(c, out);
    } else if (r->op == OP_NAME && names_get(&c->ns, r->text) < 0) {
        check_unknown_name(c, &r->loc, r->text, MSG_unknown_list);
        return fail(c, out);
    } else {
        struct diag *d =
            in ? DIAG0(c->dl, DIAG_ERROR, &r->loc, list_after_in)
               : DIAG0(c->dl, DIAG_ERROR, &r->loc, list_after_contains);
        HINT0(c->dl, d, write_set_or_list);
        return fail(c, out);
    }
    enum cop op = e->op == OP_IN         ? C_IN
                  : e->op == OP_CONTAINS ? C_HAS_ALL
                                         : C_HAS_ANY;
    int n = emit(c, op, VT_BOOL, l, -1, e);
    c->p->nodes[n].k.known = true;
    c->p->nodes[n].k.u.set = mask;
    return n;
}

static int compile_name(struct checker *c, const struct ast_expr *e,
                        struct ty *out)
{
    int v = names_get(&c->ns, e->text);
    if (v < 0) {
        check_unknown_name(c, &e->loc, e->text, MSG_unknown_name);
        return fail(c, out);
    }
    int i = NS_INDEX(v);
    switch (NS_KIND(v)) {
    case NS_FACT: {
        const struct fact_info *f = &c->p->facts[i];
        out->t = f->type;
        out->dom = f->dom;
        push(c, &c->reads, &c->nreads, &c->readcap, i);
        return emit(c, C_FACT, f->type, i, -1, e);
    }
    case NS_CONCL:
        out->t = VT_BOOL;
        out->dom = NULL;
        push(c, &c->concl_refs, &c->nconcl_refs, &c->conclcap, i);
        return emit(c, C_CONCL, VT_BOOL, i, -1, e);
    case NS_LIST:
        break;
    }
    out->t = VT_LIST;
    out->dom = NULL;
    out->list = i;
    return emit(c, C_CONST, VT_LIST, i, -1, e);
}

static int constant(struct checker *c, const struct ast_expr *e, enum vtype t,
                    struct ty *out)
{
    int n = emit(c, C_CONST, t, -1, -1, e);
    struct value *k = &c->p->nodes[n].k;
    k->known = true;
    if (t == VT_NUM)
        k->u.num = e->num;
    else if (t == VT_DATE)
        k->u.date = e->date;
    else if (t == VT_TEXT)
        k->u.text = e->text;
    else
        k->u.b = e->b;
    out->t = t;
    out->dom = NULL;
    return n;
}

static int compile(struct checker *c, const struct ast_expr *e, struct ty *out)
{
    struct ty a, b;
    int l, r;
    out->t = VT_BOOL;
    out->dom = NULL;
    switch (e->op) {
    case OP_NAME:
        return compile_name(c, e, out);
    case OP_NUM:
        return constant(c, e, VT_NUM, out);
    case OP_DATE:
        return constant(c, e, VT_DATE, out);
    case OP_STR:
        return constant(c, e, VT_TEXT, out);
    case OP_BOOL:
        return constant(c, e, VT_BOOL, out);
    case OP_SET:
        DIAG0(c->dl, DIAG_ERROR, &e->loc, set_needs_fact);
        return fail(c, out);
    case OP_VERDICT:
        if (!c->in_measure) {
            struct diag *d =
                DIAG0(c->dl, DIAG_ERROR, &e->loc, verdict_in_measure);
            HINT0(c->dl, d, verdict_decided_by);
            return fail(c, out);
        }
        out->t = VT_VERDICT;
        out->dom = &c->p->verdicts;
        return emit(c, C_VERDICT, VT_VERDICT, -1, -1, e);
    case OP_NOT:
        l = compile_bool(c, e->l, &a);
        return emit(c, C_NOT, VT_BOOL, l, -1, e);
    case OP_AND:
    case OP_OR:
        l = compile_bool(c, e->l, &a);
        r = compile_bool(c, e->r, &b);
        return emit(c, e->op == OP_AND ? C_AND : C_OR, VT_BOOL, l, r, e);
    case OP_EQ:
        return compile_cmp(c, e, C_EQ, out);
    case OP_NE:
        return compile_cmp(c, e, C_NE, out);
    case OP_LT:
        return compile_cmp(c, e, C_LT, out);
    case OP_LE:
        return compile_cmp(c, e, C_LE, out);
    case OP_GT:
        return compile_cmp(c, e, C_GT, out);
    case OP_GE:
        return compile_cmp(c, e, C_GE, out);
    case OP_ADD:
    case OP_SUB:
        return compile_add(c, e, out);
    case OP_MUL:
    case OP_DIV:
        l = compile_num(c, e->l, &a);
        r = compile_num(c, e->r, &b);
        if (a.t == VT_ERR || b.t == VT_ERR)
            return fail(c, out);
        out->t = VT_NUM;
        return emit(c, e->op == OP_MUL ? C_MUL : C_DIV, VT_NUM, l, r, e);
    case OP_NEG:
        l = compile_num(c, e->l, &a);
        if (a.t == VT_ERR)
            return fail(c, out);
        out->t = VT_NUM;
        return emit(c, C_NEG, VT_NUM, l, -1, e);
    case OP_IN:
    case OP_CONTAINS:
    case OP_CONTAINS_ANY:
        return compile_member(c, e, out);
    case OP_KNOWN:
        l = compile(c, e->l, &a);
        if (a.t == VT_LIST) {
            DIAG0(c->dl, DIAG_ERROR, &e->l->loc, known_list);
            return fail(c, out);
        }
        return emit(c, C_KNOWN, VT_BOOL, l, -1, e);
    }
    return fail(c, out);
}

/* The nodes compiled from one condition, by the tree node they come from. */
struct wmap {
    const struct ast_expr *ast;
    int node;
};

static int wmap_cmp(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t)((const struct wmap *)x)->ast;
    uintptr_t b = (uintptr_t)((const struct wmap *)y)->ast;
    return a < b ? -1 : a > b;
}

/* A copy of e as written (engine/wexpr.h); the nodes of m compiled from
 * each part of it get that part. */
static const struct wexpr *written(struct checker *c, const struct ast_expr *e,
                                   const struct wmap *m, int nm)
{
    if (!e)
        return NULL;
    struct wexpr *w = arena_alloc(c->a, sizeof *w);
    *w = (struct wexpr){.op = e->op,
                        .loc = e->loc,
                        .text = e->text,
                        .num = e->num,
                        .date = e->date,
                        .b = e->b};
    for (const struct ast_name *n = e->items; n; n = n->next)
        w->nitems++;
    if (w->nitems) {
        const char **items =
            arena_calloc(c->a, (size_t)w->nitems, sizeof *items);
        int k = 0;
        for (const struct ast_name *n = e->items; n; n = n->next)
            items[k++] = n->text;
        w->items = items;
    }
    w->l = written(c, e->l, m, nm);
    w->r = written(c, e->r, m, nm);
    int lo = 0, hi = nm; /* the first entry for e */
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if ((uintptr_t)m[mid].ast < (uintptr_t)e)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < nm && m[lo].ast == e; lo++)
        c->p->nodes[m[lo].node].x = w;
    return w;
}

void expr_nodes_done(struct checker *c)
{
    struct plan *p = c->p;
    if (!c->ncap)
        return;
    struct cnode *n = arena_alloc(c->a, (size_t)p->nnodes * sizeof *n + 1);
    memcpy(n, p->nodes, (size_t)p->nnodes * sizeof *n);
    xtemp_free(p->nodes);
    xtemp_free(c->asts);
    p->nodes = n;
    c->asts = NULL;
    c->ncap = 0;
    int nk = 0;
    for (int i = 0; i < p->nnodes; i++)
        nk += n[i].op == C_CONST || n[i].op == C_IN || n[i].op == C_HAS_ALL ||
              n[i].op == C_HAS_ANY;
    p->enodes = arena_alloc(c->a, (size_t)p->nnodes * sizeof *p->enodes + 1);
    p->consts = arena_alloc(c->a, (size_t)nk * sizeof *p->consts + 1);
    nk = 0;
    for (int i = 0; i < p->nnodes; i++) {
        bool k = n[i].op == C_CONST || n[i].op == C_IN ||
                 n[i].op == C_HAS_ALL || n[i].op == C_HAS_ANY;
        if (k)
            p->consts[nk] = n[i].k;
        p->enodes[i] = (struct enode){(uint8_t)n[i].op, (uint8_t)n[i].type,
                                      n[i].a, n[i].b, k ? nk++ : -1};
    }
}

int expr_compile_cond(struct checker *c, const struct ast_expr *e)
{
    struct ty t;
    int first = c->p->nnodes;
    int root = compile_bool(c, e, &t);
    int nm = c->p->nnodes - first;
    struct wmap *m = xtemp_calloc((size_t)nm + 1, sizeof *m);
    for (int i = 0; i < nm; i++)
        m[i] = (struct wmap){c->asts[first + i], first + i};
    qsort(m, (size_t)nm, sizeof *m, wmap_cmp);
    written(c, e, m, nm);
    xtemp_free(m);
    for (int i = first; i < c->p->nnodes; i++) /* from outside e: own copy */
        if (c->asts[i] && !c->p->nodes[i].x)
            c->p->nodes[i].x = written(c, c->asts[i], NULL, 0);
    return root;
}
