#include "engine/plan.h"

#include <string.h>

#include "engine/arena.h"
#include "engine/cases.h"
#include "engine/check_int.h"
#include "engine/limits.h"
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

int plan_option_at(struct diag_list *dl, const struct domain *dom,
                   const char *name, const struct src_loc *loc,
                   const char *owner)
{
    int i = plan_option(dom, name);
    if (i >= 0)
        return i;
    struct diag *d = diag_addf(dl, DIAG_ERROR, loc,
                               "'%s' is not an option of %s", name, owner);
    if (!dom || !dom->n)
        return -1;
    size_t len = 1;
    for (int k = 0; k < dom->n; k++)
        len += strlen(dom->names[k]) + 2;
    char *all = arena_alloc(dl->arena, len);
    for (int k = 0; k < dom->n; k++) {
        if (k)
            strcat(all, ", ");
        strcat(all, dom->names[k]);
    }
    const char *near = suggest_closest(name, dom->names, dom->n);
    if (near)
        diag_hintf(dl, d, "did you mean '%s'? (options: %s)", near, all);
    else
        diag_hintf(dl, d, "the options are: %s", all);
    return -1;
}

void check_unknown_name(struct checker *c, const struct src_loc *loc,
                        const char *name, const char *what)
{
    struct diag *d =
        diag_addf(c->dl, DIAG_ERROR, loc, "unknown %s '%s'", what, name);
    if (c->dl->errors > LIMIT_ERRORS)
        return; /* not shown: spare the search */
    const char *split = suggest_split(c->a, name, &c->ns);
    if (split) {
        diag_hintf(c->dl, d, "separate keywords from names with spaces: %s",
                   split);
        return;
    }
    const char **cands = arena_calloc(c->a, c->ns.cap, sizeof *cands);
    int n = 0;
    for (size_t i = 0; i < c->ns.cap; i++)
        if (c->ns.keys[i])
            cands[n++] = c->ns.keys[i];
    const char *near = suggest_closest(name, cands, n);
    if (near)
        diag_hintf(c->dl, d, "did you mean '%s'?", near);
}

static void redeclared(struct checker *c, const struct ast_name *n,
                       const struct src_loc *first, const char *what)
{
    struct diag *d = diag_addf(c->dl, DIAG_ERROR, &n->loc,
                               "%s '%s' is declared twice", what, n->text);
    const char *file = first->src ? first->src->name : "?";
    if (first->src != n->loc.src && strcmp(what, "name") != 0)
        diag_hintf(c->dl, d,
                   "it is declared in the base file %s:%d; to "
                   "replace it write: amend %s %s …",
                   file, first->first_line, what, n->text);
    else if (first->src != n->loc.src)
        diag_hintf(c->dl, d,
                   "it is declared in the base file %s:%d; a "
                   "variant uses the base's facts and "
                   "conclusions as they are",
                   file, first->first_line);
    else
        diag_hintf(c->dl, d, "first declared at %s:%d:%d", file,
                   first->first_line, first->first_column);
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
        redeclared(c, n, ns_loc(c, old), "name");
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
            diag_addf(c->dl, DIAG_ERROR, &o->loc, "option '%s' is listed twice",
                      o->text);
            continue;
        }
        if (d->n == 64) {
            struct diag *e = diag_addf(c->dl, DIAG_ERROR, &o->loc,
                                       "%s has more than 64 options", owner);
            diag_hintf(c->dl, e, "split it into several facts");
            break;
        }
        d->names[d->n++] = o->text;
    }
    if (n == 0)
        diag_addf(c->dl, DIAG_ERROR, &t->loc, "%s has no options", owner);
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
        struct diag *e = diag_addf(c->dl, DIAG_WARNING, &d->dflt->loc,
                                   "a default of unknown is no default");
        diag_hintf(c->dl, e, "leave the default out");
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
            check_unknown_name(c, &loc, name, "fact in {…}");
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
        struct diag *e = diag_addf(c->dl, DIAG_ERROR, &d->name.loc,
                                   "rule %s has no 'when' condition", r->id);
        diag_hintf(c->dl, e, "add: when 條件 (如果 條件)");
        r->cond = -1;
    } else {
        r->cond = cond(c, d->when);
        r->facts = copy_ints(c, c->reads, c->nreads);
        r->nfacts = c->nreads;
        deps[i] = copy_ints(c, c->concl_refs, c->nconcl_refs);
        ndeps[i] = c->nconcl_refs;
    }
    if (!d->then) {
        struct diag *e = diag_addf(c->dl, DIAG_ERROR, &d->name.loc,
                                   "rule %s concludes nothing", r->id);
        diag_hintf(c->dl, e, "add: then 認定名稱 (則 認定名稱)");
    }
    int n = 0;
    for (const struct ast_name *t = d->then; t; t = t->next)
        n++;
    r->concls = arena_calloc(c->a, (size_t)n, sizeof *r->concls);
    for (const struct ast_name *t = d->then; t; t = t->next) {
        int v = names_get(&c->ns, t->text);
        if (v < 0) {
            check_unknown_name(c, &t->loc, t->text, "conclusion");
        } else if (NS_KIND(v) != NS_CONCL) {
            struct diag *e = diag_addf(
                c->dl, DIAG_ERROR, &t->loc, "'%s' is a %s, not a conclusion",
                t->text, NS_KIND(v) == NS_FACT ? "fact" : "list");
            diag_hintf(c->dl, e, "declare it with: conclusion %s", t->text);
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
        diag_addf(c->dl, DIAG_ERROR, &at->loc, "rule %s overrides itself",
                  t->id);
        return;
    }
    if (t->nover && t->overriders[t->nover - 1] == by)
        return;
    if (c->npairs++ >= LIMIT_OVERRIDES) { /* said once */
        if (c->npairs - 1 == LIMIT_OVERRIDES) {
            struct diag *d = diag_addf(c->dl, DIAG_ERROR, &at->loc,
                                       "more than %d overrides in one rule "
                                       "set",
                                       LIMIT_OVERRIDES);
            diag_hintf(c->dl, d,
                       "each rule an 'overrides' names counts, and a "
                       "prefix (T*) names every rule it starts; override "
                       "fewer rules");
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

static bool repealed_kind(const struct ast_file *f, enum ast_dkind k,
                          const char *id)
{
    for (const struct ast_repeal *r = f->repealed; r; r = r->next)
        if (r->decl->kind == k && names_eq(r->decl->name.text, id))
            return true;
    return false;
}

static bool repealed(const struct ast_file *f, const char *id)
{
    return repealed_kind(f, DECL_RULE, id);
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
                diag_addf(c->dl, DIAG_ERROR, &o->loc,
                          "no rule ID starts with '%s'", o->text);
            continue;
        }
        int i = names_get(&c->rule_ids, o->text);
        if (i >= 0) {
            add_overrider(c, i, by, o);
            continue;
        }
        if (repealed(c->file, o->text))
            continue; /* overriding a repealed rule has no effect */
        struct diag *e = diag_addf(c->dl, DIAG_ERROR, &o->loc,
                                   "rule %s overrides unknown rule '%s'",
                                   p->rules[by].id, o->text);
        const char **ids = arena_calloc(c->a, (size_t)p->nrules, sizeof *ids);
        for (int k = 0; k < p->nrules; k++)
            ids[k] = p->rules[k].id;
        const char *near = suggest_closest(o->text, ids, p->nrules);
        if (near)
            diag_hintf(c->dl, e, "did you mean '%s'?", near);
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
            struct diag *e = diag_addf(c->dl, DIAG_ERROR, &l->loc,
                                       "this line comes after 'otherwise' "
                                       "and can never apply");
            diag_hintf(c->dl, e, "move 'otherwise' to the end of the table");
        }
        if (!l->when)
            otherwise = true;
        int v = plan_option(&p->verdicts, l->name.text);
        if (v < 0) {
            if (p->verdicts.n == 64) {
                if (!too_many)
                    diag_addf(c->dl, DIAG_ERROR, &l->loc,
                              "a verdict table has at most 64 verdicts");
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
        struct diag *e = diag_addf(c->dl, DIAG_WARNING, &d->loc,
                                   "the verdict table has no 'otherwise' "
                                   "line");
        diag_hintf(c->dl, e,
                   "a case that no line decides gets no verdict; "
                   "add: otherwise 名稱 (否則 名稱)");
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
        diag_addf(c->dl, DIAG_ERROR, &d->name.loc,
                  "measure %s: a measure has only 'when', 'cites' and "
                  "'because'",
                  m->id);
    if (!d->when) {
        struct diag *e = diag_addf(c->dl, DIAG_ERROR, &d->name.loc,
                                   "measure %s has no 'when' condition", m->id);
        diag_hintf(c->dl, e, "add: when 條件 (如果 條件)");
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
            struct diag *d = diag_addf(c->dl, DIAG_WARNING, &k->loc,
                                       "no rule concludes '%s'; it is "
                                       "always false",
                                       k->name);
            if (k->nrepeals)
                diag_hintf(c->dl, d,
                           "rule %s, which concluded it, was "
                           "repealed at %s:%d",
                           k->repeals[0].rule, k->repeals[0].by.src->name,
                           k->repeals[0].by.first_line);
            else
                diag_hintf(c->dl, d, "add a rule with: then %s", k->name);
        }
    }
    check_order(c, deps, ndeps);
}

static void bad_name(struct checker *c, const struct ast_name *n,
                     const char *what, const char **cands, int ncands)
{
    struct diag *d = diag_addf(c->dl, DIAG_ERROR, &n->loc,
                               "the rule set has no %s '%s'", what, n->text);
    const char *near = suggest_closest(n->text, cands, ncands);
    if (near)
        diag_hintf(c->dl, d, "did you mean '%s'?", near);
}

/* Resolve the names in the tests' expectations, so that a misspelt name
 * is an error rather than an expectation that passes for the wrong
 * reason. */
static void tests(struct checker *c, const struct ast_file *file)
{
    struct plan *p = c->p;
    for (const struct ast_test *t = file->tests; t; t = t->next)
        p->ntests++;
    p->tests = arena_calloc(c->a, (size_t)p->ntests, sizeof *p->tests);
    const char **rules =
        arena_calloc(c->a, (size_t)p->nrules + 1, sizeof *rules);
    const char **measures =
        arena_calloc(c->a, (size_t)p->nmeasures + 1, sizeof *measures);
    const char **facts =
        arena_calloc(c->a, (size_t)p->nfacts + 1, sizeof *facts);
    for (int i = 0; i < p->nrules; i++)
        rules[i] = p->rules[i].id;
    for (int i = 0; i < p->nmeasures; i++)
        measures[i] = p->measures[i].id;
    for (int i = 0; i < p->nfacts; i++)
        facts[i] = p->facts[i].name;
    int k = 0;
    for (const struct ast_test *t = file->tests; t; t = t->next, k++) {
        struct test_info *ti = &p->tests[k];
        ti->ast = t;
        for (const struct ast_expect *e = t->expects; e; e = e->next)
            ti->nexpects++;
        ti->expects =
            arena_calloc(c->a, (size_t)ti->nexpects, sizeof *ti->expects);
        if (t->ngiven == 0)
            diag_addf(c->dl, DIAG_ERROR, &t->loc, "test \"%s\" has no 'given'",
                      t->name);
        if (ti->nexpects == 0)
            diag_addf(c->dl, DIAG_ERROR, &t->loc, "test \"%s\" expects nothing",
                      t->name);
        int j = 0;
        for (const struct ast_expect *e = t->expects; e; e = e->next) {
            struct expect_info *x = &ti->expects[j++];
            x->ast = e;
            x->index = -1;
            switch (e->kind) {
            case EX_VERDICT:
                x->index = plan_option(&p->verdicts, e->name.text);
                if (x->index < 0)
                    bad_name(c, &e->name, "verdict", p->verdicts.names,
                             p->verdicts.n);
                break;
            case EX_MEASURE:
            case EX_NOT_MEASURE:
                x->index = names_get(&c->measure_ids, e->name.text);
                if (x->index < 0 && e->kind == EX_NOT_MEASURE &&
                    repealed_kind(file, DECL_MEASURE, e->name.text))
                    ; /* a repealed measure is never attached: it holds */
                else if (x->index < 0)
                    bad_name(c, &e->name, "measure", measures, p->nmeasures);
                break;
            case EX_FIRED:
            case EX_NOT_FIRED:
                x->index = names_get(&c->rule_ids, e->name.text);
                if (x->index < 0 && repealed(file, e->name.text) &&
                    e->kind == EX_NOT_FIRED)
                    ; /* a repealed rule never fires: it holds */
                else if (x->index < 0 && repealed(file, e->name.text))
                    diag_addf(c->dl, DIAG_ERROR, &e->name.loc,
                              "rule %s was repealed; it can never fire",
                              e->name.text);
                else if (x->index < 0)
                    bad_name(c, &e->name, "rule", rules, p->nrules);
                break;
            case EX_UNDETERMINED:
                for (const struct ast_name *m = e->missing; m; m = m->next)
                    x->nmissing++;
                x->missing =
                    arena_calloc(c->a, (size_t)x->nmissing, sizeof *x->missing);
                x->nmissing = 0;
                for (const struct ast_name *m = e->missing; m; m = m->next) {
                    int f = plan_fact(p, m->text, strlen(m->text));
                    if (f < 0)
                        bad_name(c, m, "fact", facts, p->nfacts);
                    else
                        x->missing[x->nmissing++] = f;
                }
                break;
            }
        }
    }
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

struct plan *check_file(struct arena *a, struct diag_list *dl,
                        const struct ast_file *file)
{
    int before = dl->errors;
    struct plan *p = arena_alloc(a, sizeof *p);
    struct checker c = {.a = a, .dl = dl, .p = p, .file = file};
    int count[DECL_MEASURE + 1] = {0};
    const struct ast_decl *vd = NULL;
    int total = 0;
    for (const struct ast_decl *d = file->decls; d; d = d->next) {
        count[d->kind]++;
        if (++total == LIMIT_DECLS + 1) {
            diag_addf(dl, DIAG_ERROR, &d->loc,
                      "more than %d declarations in one rule set", LIMIT_DECLS);
            return NULL;
        }
    }
    p->policy = file->policy;
    p->version = file->version;
    p->src = file->src;
    p->file = file;
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
            diag_hintf(
                dl,
                diag_addf(dl, DIAG_ERROR, &d->loc, "a second verdict table"),
                "the first is at %s:%d%s", vd->loc.src->name,
                vd->loc.first_line,
                vd->loc.src != d->loc.src
                    ? "; a variant replaces it with: amend verdict { … }"
                    : "");
        else if (d->kind == DECL_VERDICT)
            vd = d;
    }
    if (!vd) {
        struct src_loc loc = {file->src, 1, 1, 1, 1};
        struct diag *e =
            diag_add(dl, DIAG_ERROR, &loc, "the rule set has no verdict table");
        diag_hintf(dl, e,
                   "add: verdict \"處理結論\" { 名稱 when 條件 … "
                   "otherwise 名稱 }");
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
                redeclared(&c, &d->name, &p->rules[old].loc, "rule");
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
                redeclared(&c, &d->name, &p->measures[old].loc, "measure");
                continue;
            }
            measure(&c, d);
        }
    }
    for (int i = 0; i < p->nrules; i++)
        overrides(&c, rdecl[i], i);
    if (vd)
        verdict_conds(&c, vd);
    tests(&c, file);
    if (dl->errors == before)
        order(&c, deps, ndeps);
    p->ns = c.ns; /* it may have grown */
    if (dl->errors != before)
        return NULL;
    p->plain = plan_plain(p);
    return p;
}

int plan_fact(const struct plan *p, const char *name, size_t len)
{
    int v = names_getn(&p->ns, name, len);
    return v >= 0 && NS_KIND(v) == NS_FACT ? NS_INDEX(v) : -1;
}
