#include "engine/plan_build.h"

#include <string.h>

#include "engine/arena.h"
#include "engine/ast.h"
#include "engine/diag.h"
#include "engine/plan.h"
#include "engine/plan_show.h"
#include "engine/sbuf.h"
#include "engine/show.h"

/*
 * The declarations of a checked rule set as written (engine/plan_show.h),
 * taken from its syntax tree once, so that `show` needs only the plan.
 */

/* The names of list n as written, ", " between them; NULL for none. */
static const char *joined(struct arena *a, const struct ast_name *n)
{
    if (!n)
        return NULL;
    size_t len = 1;
    for (const struct ast_name *x = n; x; x = x->next)
        len += strlen(x->text) + 3;
    char *s = arena_alloc(a, len);
    char *e = s;
    for (const struct ast_name *x = n; x; x = x->next) {
        size_t k = strlen(x->text);
        memcpy(e, x->text, k);
        e += k;
        if (x->prefix)
            *e++ = '*';
        if (x->next) {
            memcpy(e, ", ", 2);
            e += 2;
        }
    }
    *e = '\0';
    return s;
}

static const struct wvalue *value(struct arena *a, const struct ast_value *v)
{
    static const enum wvalue_kind kind[] = {
        [VAL_BOOL] = WV_BOOL,       [VAL_NUM] = WV_NUM,   [VAL_DATE] = WV_DATE,
        [VAL_STR] = WV_STR,         [VAL_NAME] = WV_NAME, [VAL_SET] = WV_SET,
        [VAL_UNKNOWN] = WV_UNKNOWN,
    };
    if (!v)
        return NULL;
    struct wvalue *w = arena_alloc(a, sizeof *w);
    *w = (struct wvalue){.kind = kind[v->kind],
                         .b = v->b,
                         .num = v->num,
                         .date = v->date,
                         .text = v->kind == VAL_SET ? joined(a, v->items)
                                                    : v->text};
    if (w->kind == WV_SET && !w->text)
        w->text = "";
    return w;
}

static void fact(struct arena *a, struct wdecl *w, const struct ast_decl *d)
{
    static const enum kw type_kw[] = {
        [TY_BOOL] = KW_BOOL, [TY_NUMBER] = KW_NUMBER, [TY_TEXT] = KW_TEXT,
        [TY_DATE] = KW_DATE, [TY_ONE_OF] = KW_ONE_OF, [TY_SET_OF] = KW_SET_OF,
    };
    w->type = type_kw[d->type.kind];
    w->unit = d->type.unit;
    w->names = joined(a, d->type.options);
    w->dflt = value(a, d->dflt);
}

/* The verdict table: its lines' conditions are those of p->lines. */
static void verdict(struct arena *a, const struct plan *p, struct wdecl *w,
                    const struct ast_decl *d)
{
    for (const struct ast_vline *l = d->lines; l; l = l->next)
        w->nlines++;
    struct wline *lines = arena_calloc(a, (size_t)w->nlines, sizeof *lines);
    int i = 0;
    for (const struct ast_vline *l = d->lines; l; l = l->next, i++) {
        lines[i].name = l->name.text;
        lines[i].when = l->when ? p->nodes[p->lines[i].cond].x : NULL;
    }
    w->lines = lines;
}

/* Counts of p's rules, measures and bottom lines taken so far. */
struct taken {
    int rules, measures, invariants;
};

/* One declaration of the layered file; those of p's rules, measures and
 * bottom lines are taken in turn. */
static void decl(struct arena *a, const struct plan *p, struct wdecl *w,
                 const struct ast_decl *d, struct taken *n)
{
    static const enum wdecl_kind kind[] = {
        [DECL_FACT] = WD_FACT,           [DECL_CONCLUSION] = WD_CONCLUSION,
        [DECL_LIST] = WD_LIST,           [DECL_RULE] = WD_RULE,
        [DECL_VERDICT] = WD_VERDICT,     [DECL_MEASURE] = WD_MEASURE,
        [DECL_INVARIANT] = WD_INVARIANT,
    };
    w->kind = kind[d->kind];
    w->name = d->kind == DECL_VERDICT || d->kind == DECL_INVARIANT
                  ? NULL
                  : d->name.text;
    w->title = d->title;
    w->loc = d->kind == DECL_VERDICT ? d->loc : d->name.loc;
    if (d->amends) {
        struct src_loc *l = arena_alloc(a, sizeof *l);
        *l = d->amends->loc;
        w->amends = l;
    }
    switch (d->kind) {
    case DECL_FACT:
        fact(a, w, d);
        break;
    case DECL_CONCLUSION:
        break;
    case DECL_LIST:
        w->names = joined(a, d->items);
        break;
    case DECL_RULE: {
        const struct rule_info *r = &p->rules[n->rules++];
        w->cites = r->cites;
        w->ncites = r->ncites;
        w->when = p->nodes[r->cond].x;
        w->then = joined(a, d->then);
        w->overrides = joined(a, d->overrides);
        w->because = d->because.text;
        break;
    }
    case DECL_MEASURE: {
        const struct measure_info *m = &p->measures[n->measures++];
        w->cites = m->cites;
        w->ncites = m->ncites;
        w->when = p->nodes[m->cond].x;
        w->because = d->because.text;
        break;
    }
    case DECL_VERDICT:
        verdict(a, p, w, d);
        break;
    case DECL_INVARIANT: {
        const struct invariant_info *v = &p->invariants[n->invariants++];
        w->when = p->nodes[v->cond].x;
        w->expects = v->expects;
        w->nexpects = v->nexpects;
        break;
    }
    }
}

static void repeals(struct arena *a, struct show_info *s,
                    const struct ast_file *f)
{
    for (const struct ast_repeal *r = f->repealed; r; r = r->next)
        s->nrepealed++;
    struct wrepeal *w = arena_calloc(a, (size_t)s->nrepealed, sizeof *w);
    int i = 0;
    for (const struct ast_repeal *r = f->repealed; r; r = r->next, i++) {
        const struct ast_decl *d = r->decl;
        w[i] = (struct wrepeal){
            .kind = d->kind == DECL_RULE      ? WD_RULE
                    : d->kind == DECL_MEASURE ? WD_MEASURE
                                              : WD_VERDICT,
            .name = d->kind == DECL_VERDICT ? "" : d->name.text,
            .loc = d->loc,
            .by = r->by->loc,
            .because = r->by->because.text,
        };
    }
    s->repealed = w;
}

void plan_build_show(struct arena *a, struct plan *p, const struct ast_file *f)
{
    struct show_info *s = arena_alloc(a, sizeof *s);
    for (const struct ast_file *b = f; b; b = b->base)
        s->nfiles++;
    const char **files = arena_calloc(a, (size_t)s->nfiles, sizeof *files);
    int i = 0;
    for (const struct ast_file *b = f; b; b = b->base)
        files[i++] = b->src->name;
    s->files = files;
    for (const struct ast_decl *d = f->decls; d; d = d->next)
        s->ndecls++;
    struct wdecl *w = arena_calloc(a, (size_t)s->ndecls, sizeof *w);
    struct taken n = {0};
    i = 0;
    for (const struct ast_decl *d = f->decls; d; d = d->next)
        decl(a, p, &w[i++], d, &n);
    s->decls = w;
    repeals(a, s, f);
    p->show = s;
}

struct show_tree {
    const struct ast_file *f;
    enum lang lang;
    struct sbuf *out;
    struct arena a;
};

static void show_tree_work(void *ud)
{
    struct show_tree *t = ud;
    struct diag_list dl;
    diag_init(&dl, &t->a);
    const struct plan *p = check_file(&t->a, &dl, t->f);
    if (p)
        show_plan(p, t->lang, t->out);
}

void show_file(const struct ast_file *f, enum lang lang, struct sbuf *out)
{
    struct show_tree t = {f, lang, out, {0}};
    arena_init(&t.a);
    int oom = arena_protect(show_tree_work, &t);
    arena_free(&t.a);
    if (oom)
        arena_oom(); /* on, now that the arena is freed */
}
