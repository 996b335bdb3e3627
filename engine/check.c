#include "engine/plan.h"

#include <string.h>

#include "engine/arena.h"
#include "engine/ast.h"
#include "engine/cases.h"
#include "engine/check_int.h"
#include "engine/jsonl_fast.h"
#include "engine/limits.h"
#include "engine/plan_build.h"
#include "engine/plan_tests.h"
#include "engine/sbuf.h"
#include "engine/suggest.h"

/*
 * Checking a rule file (LANGUAGE.md §3): every name resolves, every operator
 * gets the types it needs, every option belongs to its fact's domain, every
 * overridden rule exists and no conclusion depends on itself. The result is
 * a plan (plan.h) that the evaluator runs.
 */

int plan_option(const struct domain *dom, const char *name)
{
    if (!dom || !name)
        return -1;
    for (int i = 0; i < dom->n; i++)
        if (names_eq(dom->names[i], name))
            return i;
    return -1;
}

static const struct src_loc *ns_loc(struct checker *c, int v)
{
    int i = NS_INDEX(v);
    switch (NS_KIND(v)) {
    case NS_FACT:
        return &c->p->facts[i].loc;
    case NS_CONCL:
        return &c->p->concls[i].loc;
    case NS_LIST:
        break;
    }
    return &c->lists[i].loc;
}

/* Whether n is spelt as the name of its folded form in m. */
static bool same_spelling(const struct names *m, const struct ast_name *n)
{
    const char *first = names_key(m, n->text);
    return !first || strcmp(first, n->text) == 0;
}

static bool declare(struct checker *c, const struct ast_name *n, int v)
{
    if (kw_lookup(n->text, strlen(n->text), NULL) >= 0)
        return false; /* the parser already refused it */
    int old = names_put(&c->ns, n->text, v);
    if (old >= 0 && !same_spelling(&c->ns, n)) {
        names_clash(c->dl, &n->loc, n->text, names_key(&c->ns, n->text),
                    ns_loc(c, old), false);
        return false;
    }
    if (old >= 0) {
        check_redeclared(c, n, ns_loc(c, old), MSG_name_declared_twice);
        return false;
    }
    return true;
}

/* Option o of t spells an option listed before it otherwise. */
static void option_clash(struct checker *c, const struct ast_type *t,
                         const struct ast_name *o)
{
    const struct ast_name *first = t->options;
    while (!names_eq(first->text, o->text))
        first = first->next;
    names_option_clash(c->dl, &o->loc, o->text, first->text, &first->loc);
}

static struct domain *domain_of(struct checker *c, const struct ast_type *t,
                                const char *owner)
{
    struct domain *d = arena_alloc(c->a, sizeof *d);
    int n = 0;
    for (const struct ast_name *o = t->options; o; o = o->next)
        n++;
    d->names = arena_calloc(c->a, (size_t)n, sizeof *d->names);
    for (const struct ast_name *o = t->options; o; o = o->next) {
        int same = plan_option(d, o->text);
        if (same >= 0 && strcmp(d->names[same], o->text) != 0) {
            option_clash(c, t, o);
            continue;
        }
        if (same >= 0) {
            DIAG(c->dl, DIAG_ERROR, &o->loc, option_twice, o->text);
            continue;
        }
        if (d->n == 64) {
            struct diag *e =
                DIAG(c->dl, DIAG_ERROR, &o->loc, too_many_options, owner);
            HINT0(c->dl, e, split_fact);
            break;
        }
        d->names[d->n++] = o->text;
    }
    if (n == 0)
        DIAG(c->dl, DIAG_ERROR, &t->loc, no_options, owner);
    return d;
}

static void fact(struct checker *c, const struct ast_decl *d)
{
    struct plan *p = c->p;
    struct fact_info *f = &p->facts[p->nfacts];
    f->name = d->name.text;
    f->loc = d->name.loc;
    f->desc = d->title;
    f->unit = d->type.unit;
    static const enum vtype vt[] = {
        [TY_BOOL] = VT_BOOL, [TY_NUMBER] = VT_NUM, [TY_TEXT] = VT_TEXT,
        [TY_DATE] = VT_DATE, [TY_ONE_OF] = VT_SYM, [TY_SET_OF] = VT_SET,
    };
    f->type = vt[d->type.kind];
    if (f->type == VT_SYM || f->type == VT_SET)
        f->dom = domain_of(c, &d->type, f->name);
    if (!declare(c, &d->name, NS_VAL(NS_FACT, p->nfacts)))
        return;
    p->nfacts++;
    if (d->dflt && d->dflt->kind == VAL_UNKNOWN) {
        struct diag *e =
            DIAG0(c->dl, DIAG_WARNING, &d->dflt->loc, unknown_default);
        HINT0(c->dl, e, leave_default_out);
    } else if (d->dflt) {
        f->has_default = cases_convert(c->a, c->dl, f, d->dflt, &f->dflt);
    }
}

static void conclusion(struct checker *c, const struct ast_decl *d)
{
    struct plan *p = c->p;
    struct concl_info *k = &p->concls[p->nconcls];
    k->name = d->name.text;
    k->loc = d->name.loc;
    k->desc = d->title;
    if (declare(c, &d->name, NS_VAL(NS_CONCL, p->nconcls)))
        p->nconcls++;
}

static void list(struct checker *c, const struct ast_decl *d)
{
    struct list_info *l = &c->lists[c->nlists];
    l->name = d->name.text;
    l->loc = d->name.loc;
    l->items = d->items;
    if (declare(c, &d->name, NS_VAL(NS_LIST, c->nlists)))
        c->nlists++;
}

static const char **strings(struct checker *c, const struct ast_name *n,
                            int *count)
{
    int k = 0;
    for (const struct ast_name *x = n; x; x = x->next)
        k++;
    const char **s = arena_calloc(c->a, (size_t)k, sizeof *s);
    k = 0;
    for (const struct ast_name *x = n; x; x = x->next)
        s[k++] = x->text;
    *count = k;
    return s;
}

/* Split a because text into literal parts and {name} references. */
static struct text_part *because(struct checker *c, const struct ast_name *b,
                                 int *count)
{
    *count = 0;
    if (!b->text)
        return NULL;
    int cap = 1;
    for (const char *s = b->text; *s; s++)
        cap += *s == '{' ? 2 : 0;
    struct text_part *parts = arena_calloc(c->a, (size_t)cap, sizeof *parts);
    const char *s = b->text;
    while (*s) {
        const char *open = strchr(s, '{');
        const char *close = open ? strchr(open, '}') : NULL;
        struct text_part *t = &parts[(*count)++];
        t->fact = t->concl = -1;
        if (!close) {
            t->lit = s;
            break;
        }
        t->lit = arena_strndup(c->a, s, (size_t)(open - s));
        char *name = arena_strndup(c->a, open + 1, (size_t)(close - open - 1));
        int v = names_get(&c->ns, name);
        t = &parts[(*count)++];
        t->fact = t->concl = -1;
        t->lit = "";
        if (v >= 0 && NS_KIND(v) == NS_FACT) {
            t->fact = NS_INDEX(v);
        } else if (v >= 0 && NS_KIND(v) == NS_CONCL) {
            t->concl = NS_INDEX(v);
        } else {
            struct src_loc loc = b->loc;
            loc.first_column +=
                1 + utf8_count(b->text, (size_t)(open - b->text));
            loc.last_column =
                loc.first_column + utf8_count(open, (size_t)(close - open + 1));
            loc.last_line = loc.first_line;
            check_unknown_name(c, &loc, name, MSG_unknown_because_name);
        }
        s = close + 1;
    }
    return parts;
}

/* Compile a condition, recording what it reads. */
static int cond(struct checker *c, const struct ast_expr *e)
{
    c->nreads = 0;
    c->nconcl_refs = 0;
    return expr_compile_cond(c, e);
}

static int *copy_ints(struct checker *c, const int *v, int n)
{
    int *m = arena_calloc(c->a, (size_t)n, sizeof *m);
    if (n)
        memcpy(m, v, (size_t)n * sizeof *m);
    return m;
}

static void rule(struct checker *c, const struct ast_decl *d, int **deps,
                 int *ndeps)
{
    struct plan *p = c->p;
    int i = p->nrules++;
    struct rule_info *r = &p->rules[i];
    r->id = d->name.text;
    r->title = d->title;
    r->loc = d->name.loc;
    r->amends = d->amends ? &d->amends->name.loc : NULL;
    r->cites = strings(c, d->cites, &r->ncites);
    if (!d->when) {
        struct diag *e =
            DIAG(c->dl, DIAG_ERROR, &d->name.loc, rule_no_when, r->id);
        HINT0(c->dl, e, add_when);
        r->cond = -1;
    } else {
        r->cond = cond(c, d->when);
        r->facts = copy_ints(c, c->reads, c->nreads);
        r->nfacts = c->nreads;
        deps[i] = copy_ints(c, c->concl_refs, c->nconcl_refs);
        ndeps[i] = c->nconcl_refs;
    }
    if (!d->then) {
        struct diag *e =
            DIAG(c->dl, DIAG_ERROR, &d->name.loc, rule_no_then, r->id);
        HINT0(c->dl, e, add_then);
    }
    int n = 0;
    for (const struct ast_name *t = d->then; t; t = t->next)
        n++;
    r->concls = arena_calloc(c->a, (size_t)n, sizeof *r->concls);
    for (const struct ast_name *t = d->then; t; t = t->next) {
        int v = names_get(&c->ns, t->text);
        if (v < 0) {
            check_unknown_name(c, &t->loc, t->text, MSG_unknown_conclusion);
        } else if (NS_KIND(v) != NS_CONCL) {
            struct diag *e = NS_KIND(v) == NS_FACT
                                 ? DIAG(c->dl, DIAG_ERROR, &t->loc,
                                        fact_not_conclusion, t->text)
                                 : DIAG(c->dl, DIAG_ERROR, &t->loc,
                                        list_not_conclusion, t->text);
            HINT(c->dl, e, declare_conclusion, t->text);
        } else {
            r->concls[r->nconcls++] = NS_INDEX(v);
        }
    }
    r->because = because(c, &d->because, &r->nbecause);
}

/* Rule by overrides target. Rules are taken in order, so a repeat of the
 * pair can only be target's last overrider; the list grows by doubling
 * (its capacity is the next power of two), so that a rule overridden by
 * thousands costs linear time and memory. */
static void add_overrider(struct checker *c, int target, int by,
                          const struct ast_name *at)
{
    struct rule_info *t = &c->p->rules[target];
    if (target == by) {
        DIAG(c->dl, DIAG_ERROR, &at->loc, overrides_itself, t->id);
        return;
    }
    if (t->nover && t->overriders[t->nover - 1] == by)
        return;
    if (c->npairs++ >= LIMIT_OVERRIDES) { /* said once */
        if (c->npairs - 1 == LIMIT_OVERRIDES) {
            struct diag *d = DIAG(c->dl, DIAG_ERROR, &at->loc,
                                  too_many_overrides, LIMIT_OVERRIDES);
            HINT0(c->dl, d, override_fewer);
        }
        return;
    }
    if ((t->nover & (t->nover - 1)) == 0) { /* full: 0, 1, 2, 4, … */
        int *m = arena_calloc(c->a, (size_t)(t->nover ? 2 * t->nover : 1),
                              sizeof *m);
        if (t->nover)
            memcpy(m, t->overriders, (size_t)t->nover * sizeof *m);
        t->overriders = m;
    }
    t->overriders[t->nover++] = by;
}

static bool repealed(const struct ast_file *f, const char *id)
{
    return check_repealed(f, DECL_RULE, id);
}

static void overrides(struct checker *c, const struct ast_decl *d, int by)
{
    struct plan *p = c->p;
    for (const struct ast_name *o = d->overrides; o; o = o->next) {
        if (c->npairs > LIMIT_OVERRIDES)
            return;
        if (o->prefix) {
            int hits = 0;
            for (int i = 0; i < p->nrules && c->npairs <= LIMIT_OVERRIDES; i++)
                if (i != by && names_prefix(p->rules[i].id, o->text)) {
                    add_overrider(c, i, by, o);
                    hits++;
                }
            if (!hits)
                DIAG(c->dl, DIAG_ERROR, &o->loc, no_rule_prefix, o->text);
            continue;
        }
        int i = names_get(&c->rule_ids, o->text);
        if (i >= 0) {
            add_overrider(c, i, by, o);
            continue;
        }
        if (repealed(c->file, o->text))
            continue; /* overriding a repealed rule has no effect */
        struct diag *e = DIAG(c->dl, DIAG_ERROR, &o->loc, overrides_unknown,
                              p->rules[by].id, o->text);
        const char **ids = arena_calloc(c->a, (size_t)p->nrules, sizeof *ids);
        for (int k = 0; k < p->nrules; k++)
            ids[k] = p->rules[k].id;
        const char *near = suggest_closest(o->text, ids, p->nrules);
        if (near)
            HINT(c->dl, e, near_name, near);
    }
}

static void verdict(struct checker *c, const struct ast_decl *d)
{
    struct plan *p = c->p;
    p->verdict_title = d->title;
    p->verdict_loc = d->loc;
    p->verdict_amends = d->amends ? &d->amends->loc : NULL;
    int n = 0;
    for (const struct ast_vline *l = d->lines; l; l = l->next)
        n++;
    p->lines = arena_calloc(c->a, (size_t)n, sizeof *p->lines);
    p->verdicts.names = arena_calloc(c->a, (size_t)n, sizeof(char *));
    bool otherwise = false, too_many = false;
    for (const struct ast_vline *l = d->lines; l; l = l->next) {
        if (otherwise) {
            struct diag *e =
                DIAG0(c->dl, DIAG_ERROR, &l->loc, line_after_otherwise);
            HINT0(c->dl, e, move_otherwise);
        }
        if (!l->when)
            otherwise = true;
        int v = plan_option(&p->verdicts, l->name.text);
        if (v < 0) {
            if (p->verdicts.n == 64) {
                if (!too_many)
                    DIAG0(c->dl, DIAG_ERROR, &l->loc, too_many_verdicts);
                too_many = true;
                continue;
            }
            v = p->verdicts.n++;
            p->verdicts.names[v] = l->name.text;
        }
        struct vline_info *vl = &p->lines[p->nlines++];
        vl->verdict = v;
        vl->loc = l->loc;
        vl->cond = -1;
    }
    if (!otherwise) {
        struct diag *e = DIAG0(c->dl, DIAG_WARNING, &d->loc, no_otherwise);
        HINT0(c->dl, e, add_otherwise);
    }
}

static void verdict_conds(struct checker *c, const struct ast_decl *d)
{
    int i = 0;
    for (const struct ast_vline *l = d->lines; l && i < c->p->nlines;
         l = l->next) {
        if (plan_option(&c->p->verdicts, l->name.text) < 0)
            continue; /* past the 64 verdicts, reported */
        if (l->when)
            c->p->lines[i].cond = cond(c, l->when);
        i++;
    }
}

static void measure(struct checker *c, const struct ast_decl *d)
{
    struct plan *p = c->p;
    struct measure_info *m = &p->measures[p->nmeasures++];
    m->id = d->name.text;
    m->title = d->title;
    m->loc = d->name.loc;
    m->amends = d->amends ? &d->amends->name.loc : NULL;
    m->cites = strings(c, d->cites, &m->ncites);
    if (d->then || d->overrides)
        DIAG(c->dl, DIAG_ERROR, &d->name.loc, measure_only_when, m->id);
    if (!d->when) {
        struct diag *e =
            DIAG(c->dl, DIAG_ERROR, &d->name.loc, measure_no_when, m->id);
        HINT0(c->dl, e, add_when);
        m->cond = -1;
    } else {
        c->in_measure = true;
        m->cond = cond(c, d->when);
        c->in_measure = false;
    }
    m->because = because(c, &d->because, &m->nbecause);
}

/* The index of conclusion name, or -1. */
static int concl_index(struct checker *c, const char *name)
{
    int v = names_get(&c->ns, name);
    return v >= 0 && NS_KIND(v) == NS_CONCL ? NS_INDEX(v) : -1;
}

/* Each conclusion's repealed rules, in the order they were repealed (for
 * the trace: why a conclusion no rule reached is false). */
static void concl_repeals(struct checker *c)
{
    struct plan *p = c->p;
    for (int pass = 0; pass < 2; pass++) {
        for (const struct ast_repeal *r = c->file->repealed; r; r = r->next) {
            if (r->decl->kind != DECL_RULE)
                continue;
            for (const struct ast_name *t = r->decl->then; t; t = t->next) {
                int i = concl_index(c, t->text);
                struct concl_info *k = i >= 0 ? &p->concls[i] : NULL;
                if (!k ||
                    (k->nrepeals && k->repeals &&
                     k->repeals[k->nrepeals - 1].rule == r->decl->name.text))
                    continue;
                if (pass == 1)
                    k->repeals[k->nrepeals] =
                        (struct repeal_info){r->decl->name.text, r->by->loc};
                k->nrepeals++;
            }
        }
        for (int i = 0; pass == 0 && i < p->nconcls; i++) {
            struct concl_info *k = &p->concls[i];
            k->repeals =
                arena_calloc(c->a, (size_t)k->nrepeals + 1, sizeof *k->repeals);
            k->nrepeals = 0;
        }
    }
}

static void order(struct checker *c, int **deps, int *ndeps)
{
    struct plan *p = c->p;
    for (int r = 0; r < p->nrules; r++)
        for (int j = 0; j < p->rules[r].nconcls; j++)
            p->concls[p->rules[r].concls[j]].nrules++;
    for (int i = 0; i < p->nconcls; i++) {
        struct concl_info *k = &p->concls[i];
        k->rules = arena_calloc(c->a, (size_t)k->nrules, sizeof *k->rules);
        k->nrules = 0;
    }
    for (int r = 0; r < p->nrules; r++)
        for (int j = 0; j < p->rules[r].nconcls; j++) {
            struct concl_info *k = &p->concls[p->rules[r].concls[j]];
            if (k->nrules == 0 || k->rules[k->nrules - 1] != r)
                k->rules[k->nrules++] = r;
        }
    concl_repeals(c);
    for (int i = 0; i < p->nconcls; i++) {
        struct concl_info *k = &p->concls[i];
        if (k->nrules == 0) {
            struct diag *d =
                DIAG(c->dl, DIAG_WARNING, &k->loc, no_rule_concludes, k->name);
            if (k->nrepeals)
                HINT(c->dl, d, concluded_by_repealed, k->repeals[0].rule,
                     k->repeals[0].by.src->name, k->repeals[0].by.first_line);
            else
                HINT(c->dl, d, add_rule_then, k->name);
        }
    }
    check_order(c, deps, ndeps);
}

static bool texts_plain(const char **cites, int ncites,
                        const struct text_part *b, int nb)
{
    for (int i = 0; i < ncites; i++)
        if (!sb_plain(cites[i]))
            return false;
    for (int i = 0; i < nb; i++)
        if (!sb_plain(b[i].lit))
            return false;
    return true;
}

/* Whether every text of the rule set a trace quotes is plain. */
static bool plan_plain(const struct plan *p)
{
    bool ok = !p->verdict_title || sb_plain(p->verdict_title);
    for (int i = 0; ok && i < p->nfacts; i++)
        ok = !p->facts[i].desc || sb_plain(p->facts[i].desc);
    for (int i = 0; ok && i < p->nconcls; i++)
        ok = !p->concls[i].desc || sb_plain(p->concls[i].desc);
    for (int i = 0; ok && i < p->nrules; i++) {
        const struct rule_info *r = &p->rules[i];
        ok = (!r->title || sb_plain(r->title)) &&
             texts_plain(r->cites, r->ncites, r->because, r->nbecause);
    }
    for (int i = 0; ok && i < p->nmeasures; i++) {
        const struct measure_info *m = &p->measures[i];
        ok = (!m->title || sb_plain(m->title)) &&
             texts_plain(m->cites, m->ncites, m->because, m->nbecause);
    }
    return ok;
}

/* A verdict table d after the first, vd. */
static void second_verdict(struct diag_list *dl, const struct ast_decl *d,
                           const struct ast_decl *vd)
{
    struct diag *e = DIAG0(dl, DIAG_ERROR, &d->loc, second_verdict);
    if (vd->loc.src != d->loc.src)
        HINT(dl, e, first_verdict_in_base, vd->loc.src->name,
             vd->loc.first_line);
    else
        HINT(dl, e, first_verdict_at, vd->loc.src->name, vd->loc.first_line);
}

struct plan *check_file(struct arena *a, struct diag_list *dl,
                        const struct ast_file *file)
{
    int before = dl->errors;
    struct plan *p = arena_alloc(a, sizeof *p);
    struct checker c = {.a = a, .dl = dl, .p = p, .file = file};
    int count[DECL_INVARIANT + 1] = {0};
    const struct ast_decl *vd = NULL;
    int total = 0;
    for (const struct ast_decl *d = file->decls; d; d = d->next) {
        count[d->kind]++;
        if (++total == LIMIT_DECLS + 1) {
            DIAG(dl, DIAG_ERROR, &d->loc, too_many_decls, LIMIT_DECLS);
            return NULL;
        }
    }
    p->policy = file->policy;
    p->version = file->version;
    p->src = file->src;
    p->lang = lang_of_counts(file->keyword_lang);
    p->facts = arena_calloc(a, (size_t)count[DECL_FACT], sizeof *p->facts);
    p->concls =
        arena_calloc(a, (size_t)count[DECL_CONCLUSION], sizeof *p->concls);
    p->rules = arena_calloc(a, (size_t)count[DECL_RULE], sizeof *p->rules);
    p->measures =
        arena_calloc(a, (size_t)count[DECL_MEASURE], sizeof *p->measures);
    c.lists = arena_calloc(a, (size_t)count[DECL_LIST], sizeof *c.lists);
    names_init(
        &c.ns, a,
        (size_t)(count[DECL_FACT] + count[DECL_CONCLUSION] + count[DECL_LIST]));
    p->ns = c.ns;
    names_init(&c.rule_ids, a, (size_t)count[DECL_RULE]);
    names_init(&c.measure_ids, a, (size_t)count[DECL_MEASURE]);

    /* names first, so that conditions may use names declared later */
    for (const struct ast_decl *d = file->decls; d; d = d->next) {
        if (d->kind == DECL_FACT)
            fact(&c, d);
        else if (d->kind == DECL_CONCLUSION)
            conclusion(&c, d);
        else if (d->kind == DECL_LIST)
            list(&c, d);
        else if (d->kind == DECL_VERDICT && vd)
            second_verdict(dl, d, vd);
        else if (d->kind == DECL_VERDICT)
            vd = d;
    }
    if (!vd) {
        struct src_loc loc = {file->src, 1, 1, 1, 1};
        struct diag *e = DIAG0(dl, DIAG_ERROR, &loc, no_verdict_table);
        HINT0(dl, e, add_verdict);
    } else {
        verdict(&c, vd);
    }
    int **deps = arena_calloc(a, (size_t)count[DECL_RULE], sizeof *deps);
    int *ndeps = arena_calloc(a, (size_t)count[DECL_RULE], sizeof *ndeps);
    const struct ast_decl **rdecl =
        arena_calloc(a, (size_t)count[DECL_RULE], sizeof *rdecl);
    for (const struct ast_decl *d = file->decls; d; d = d->next) {
        if (d->kind == DECL_RULE) {
            int old = names_put(&c.rule_ids, d->name.text, p->nrules);
            if (old >= 0 && !same_spelling(&c.rule_ids, &d->name)) {
                names_clash(dl, &d->name.loc, d->name.text,
                            names_key(&c.rule_ids, d->name.text),
                            &p->rules[old].loc, true);
                continue;
            }
            if (old >= 0) {
                check_redeclared(&c, &d->name, &p->rules[old].loc,
                                 MSG_rule_declared_twice);
                continue;
            }
            rdecl[p->nrules] = d;
            rule(&c, d, deps, ndeps);
        } else if (d->kind == DECL_MEASURE) {
            int old = names_put(&c.measure_ids, d->name.text, p->nmeasures);
            if (old >= 0 && !same_spelling(&c.measure_ids, &d->name)) {
                names_clash(dl, &d->name.loc, d->name.text,
                            names_key(&c.measure_ids, d->name.text),
                            &p->measures[old].loc, true);
                continue;
            }
            if (old >= 0) {
                check_redeclared(&c, &d->name, &p->measures[old].loc,
                                 MSG_measure_declared_twice);
                continue;
            }
            measure(&c, d);
        }
    }
    for (int i = 0; i < p->nrules; i++)
        overrides(&c, rdecl[i], i);
    if (vd)
        verdict_conds(&c, vd);
    check_invariants(&c, file);
    check_tests(&c, file);
    if (dl->errors == before)
        order(&c, deps, ndeps);
    expr_nodes_done(&c);
    p->ns = c.ns; /* it may have grown */
    p->rule_ids = c.rule_ids;
    p->measure_ids = c.measure_ids;
    if (dl->errors != before)
        return NULL;
    p->plain = plan_plain(p);
    p->keys = jsonl_fast_keys(a, p);
    cases_blank(a, p);
    plan_build_show(a, p, file);
    plan_build_tests(a, p, file);
    return p;
}

int plan_fact(const struct plan *p, const char *name, size_t len)
{
    int v = names_getn(&p->ns, name, len);
    return v >= 0 && NS_KIND(v) == NS_FACT ? NS_INDEX(v) : -1;
}
