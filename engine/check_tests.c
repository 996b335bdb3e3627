#include "engine/check_int.h"
#include "engine/names.h"

#include <string.h>

#include "engine/arena.h"
#include "engine/plan_tests.h"
#include "engine/suggest.h"

/* The names in the tests' expectations (LANGUAGE.md §15): a misspelt name
 * is an error, not an expectation that passes for the wrong reason. */

bool check_repealed(const struct ast_file *f, enum ast_dkind k, const char *id)
{
    for (const struct ast_repeal *r = f->repealed; r; r = r->next)
        if (r->decl->kind == k && names_eq(r->decl->name.text, id))
            return true;
    return false;
}

/* "the rule set has no rule 'x'" (m) and a did-you-mean. */
static void bad_name(struct checker *c, const struct ast_name *n, enum msg m,
                     const char **cands, int ncands)
{
    struct diag *d = check_diag(c->dl, DIAG_ERROR, &n->loc, m, 1,
                                (struct marg[]){marg_s(n->text)});
    const char *near = suggest_closest(n->text, cands, ncands);
    if (near)
        HINT(c->dl, d, near_name, near);
}

/* The candidates for a did-you-mean: the rules' IDs, the measures' IDs,
 * the facts' names. */
struct cands {
    const char **rules, **measures, **facts;
};

static struct cands cands_of(struct checker *c)
{
    struct plan *p = c->p;
    struct cands k = {
        arena_calloc(c->a, (size_t)p->nrules + 1, sizeof *k.rules),
        arena_calloc(c->a, (size_t)p->nmeasures + 1, sizeof *k.measures),
        arena_calloc(c->a, (size_t)p->nfacts + 1, sizeof *k.facts)};
    for (int i = 0; i < p->nrules; i++)
        k.rules[i] = p->rules[i].id;
    for (int i = 0; i < p->nmeasures; i++)
        k.measures[i] = p->measures[i].id;
    for (int i = 0; i < p->nfacts; i++)
        k.facts[i] = p->facts[i].name;
    return k;
}

/* The facts of expect undetermined missing … into x. */
static void missing(struct checker *c, const struct ast_expect *e,
                    struct expect_info *x, const struct cands *k)
{
    struct plan *p = c->p;
    for (const struct ast_name *m = e->missing; m; m = m->next)
        x->nmissing++;
    x->missing = arena_calloc(c->a, (size_t)x->nmissing, sizeof *x->missing);
    x->nmissing = 0;
    for (const struct ast_name *m = e->missing; m; m = m->next) {
        int f = plan_fact(p, m->text, strlen(m->text));
        if (f < 0)
            bad_name(c, m, MSG_test_no_fact, k->facts, p->nfacts);
        else
            x->missing[x->nmissing++] = f;
    }
}

/* The rule of expect [not] fired, into x->index. */
static void fired(struct checker *c, const struct ast_file *file,
                  const struct ast_expect *e, struct expect_info *x,
                  const struct cands *k)
{
    x->index = names_get(&c->rule_ids, e->name.text);
    if (x->index >= 0)
        return;
    if (check_repealed(file, DECL_RULE, e->name.text) &&
        e->kind == EX_NOT_FIRED)
        ; /* a repealed rule never fires: it holds */
    else if (check_repealed(file, DECL_RULE, e->name.text))
        DIAG(c->dl, DIAG_ERROR, &e->name.loc, repealed_never_fires,
             e->name.text);
    else
        bad_name(c, &e->name, MSG_test_no_rule, k->rules, c->p->nrules);
}

/* Resolve the name of expectation e into x (index -1 for undetermined,
 * and for a measure that a variant repealed in expect not measure, which
 * then always holds). */
static void resolve(struct checker *c, const struct ast_file *file,
                    const struct ast_expect *e, struct expect_info *x,
                    const struct cands *k)
{
    struct plan *p = c->p;
    x->index = -1;
    switch (e->kind) {
    case EX_VERDICT:
    case EX_NOT_VERDICT:
        x->index = plan_option(&p->verdicts, e->name.text);
        if (x->index < 0)
            bad_name(c, &e->name, MSG_test_no_verdict, p->verdicts.names,
                     p->verdicts.n);
        break;
    case EX_MEASURE:
    case EX_NOT_MEASURE:
        x->index = names_get(&c->measure_ids, e->name.text);
        if (x->index < 0 && e->kind == EX_NOT_MEASURE &&
            check_repealed(file, DECL_MEASURE, e->name.text))
            ; /* a repealed measure is never attached: it holds */
        else if (x->index < 0)
            bad_name(c, &e->name, MSG_test_no_measure, k->measures,
                     p->nmeasures);
        break;
    case EX_FIRED:
    case EX_NOT_FIRED:
        fired(c, file, e, x, k);
        break;
    case EX_UNDETERMINED:
        missing(c, e, x, k);
        break;
    case EX_NOT_UNDETERMINED:
        break;
    }
}

/* Resolve the names in the tests' expectations, so that a misspelt name
 * is an error rather than an expectation that passes for the wrong
 * reason. */
void check_tests(struct checker *c, const struct ast_file *file)
{
    struct plan *p = c->p;
    for (const struct ast_test *t = file->tests; t; t = t->next)
        p->ntests++;
    p->tests = arena_calloc(c->a, (size_t)p->ntests, sizeof *p->tests);
    struct cands k = p->ntests ? cands_of(c) : (struct cands){0};
    int n = 0;
    for (const struct ast_test *t = file->tests; t; t = t->next, n++) {
        struct test_info *ti = &p->tests[n];
        for (const struct ast_expect *e = t->expects; e; e = e->next)
            ti->nexpects++;
        ti->expects =
            arena_calloc(c->a, (size_t)ti->nexpects, sizeof *ti->expects);
        if (t->ngiven == 0)
            DIAG(c->dl, DIAG_ERROR, &t->loc, test_no_given, t->name);
        if (ti->nexpects == 0)
            DIAG(c->dl, DIAG_ERROR, &t->loc, test_expects_nothing, t->name);
        int j = 0;
        for (const struct ast_expect *e = t->expects; e; e = e->next)
            resolve(c, file, e, &ti->expects[j++], &k);
    }
}

/* Whether e, of a bottom line inherited from a base file, names a
 * verdict or measure that the variant removed (amend verdict, repeal
 * measure): an error that says the variant must keep it. A measure
 * repealed under expect not measure is not lost: it holds. */
static bool lost(struct checker *c, const struct ast_file *file,
                 const struct ast_expect *e)
{
    if (e->loc.src == file->src || !e->name.text)
        return false;
    bool verdict = e->kind == EX_VERDICT || e->kind == EX_NOT_VERDICT;
    if (verdict && plan_option(&c->p->verdicts, e->name.text) >= 0)
        return false;
    if (!verdict && (names_get(&c->measure_ids, e->name.text) >= 0 ||
                     (e->kind == EX_NOT_MEASURE &&
                      check_repealed(file, DECL_MEASURE, e->name.text))))
        return false;
    struct diag *d = verdict ? DIAG(c->dl, DIAG_ERROR, &e->name.loc,
                                    invariant_lost_verdict, e->name.text)
                             : DIAG(c->dl, DIAG_ERROR, &e->name.loc,
                                    invariant_lost_measure, e->name.text);
    HINT(c->dl, d, invariant_keep_name, file->src->name, e->name.text);
    return true;
}

/* Expectation e of a bottom line into x: as a test's, but fired and
 * missing are errors. */
static void inv_expect(struct checker *c, const struct ast_file *file,
                       const struct ast_expect *e, struct expect_info *x,
                       const struct cands *k)
{
    static const enum expect_kind kind[] = {
        [EX_VERDICT] = EXPECT_VERDICT,
        [EX_NOT_VERDICT] = EXPECT_NOT_VERDICT,
        [EX_MEASURE] = EXPECT_MEASURE,
        [EX_NOT_MEASURE] = EXPECT_NOT_MEASURE,
        [EX_FIRED] = EXPECT_FIRED,
        [EX_NOT_FIRED] = EXPECT_NOT_FIRED,
        [EX_UNDETERMINED] = EXPECT_UNDETERMINED,
        [EX_NOT_UNDETERMINED] = EXPECT_NOT_UNDETERMINED,
    };
    x->kind = kind[e->kind];
    x->name = e->name.text;
    x->loc = e->loc;
    x->index = -1;
    struct diag *d = NULL;
    if (e->kind == EX_FIRED || e->kind == EX_NOT_FIRED)
        d = DIAG0(c->dl, DIAG_ERROR, &e->loc, invariant_no_fired);
    else if (e->has_missing)
        d = DIAG0(c->dl, DIAG_ERROR, &e->loc, invariant_no_missing);
    else if (!lost(c, file, e))
        resolve(c, file, e, x, k);
    if (d)
        HINT0(c->dl, d, invariant_tests_only);
}

/* Bottom line d into v: its condition (which may read the verdict, as a
 * measure's) and its expectations. */
static void invariant(struct checker *c, const struct ast_file *file,
                      const struct ast_decl *d, struct invariant_info *v,
                      const struct cands *k)
{
    v->title = d->title;
    v->loc = d->name.loc;
    v->cond = -1;
    if (!d->when) {
        struct diag *e =
            DIAG(c->dl, DIAG_ERROR, &d->name.loc, invariant_no_when, v->title);
        HINT0(c->dl, e, invariant_add_when);
    } else {
        c->nreads = c->nconcl_refs = 0;
        c->in_measure = true;
        v->cond = expr_compile_cond(c, d->when);
        c->in_measure = false;
    }
    for (const struct ast_expect *e = d->expects; e; e = e->next)
        v->nexpects++;
    if (!v->nexpects) {
        struct diag *e = DIAG(c->dl, DIAG_ERROR, &d->name.loc,
                              invariant_expects_nothing, v->title);
        HINT0(c->dl, e, invariant_add_expect);
    }
    struct expect_info *x = arena_calloc(c->a, (size_t)v->nexpects, sizeof *x);
    int j = 0;
    for (const struct ast_expect *e = d->expects; e; e = e->next)
        inv_expect(c, file, e, &x[j++], k);
    v->expects = x;
}

void check_invariants(struct checker *c, const struct ast_file *file)
{
    struct plan *p = c->p;
    int n = 0;
    for (const struct ast_decl *d = file->decls; d; d = d->next)
        n += d->kind == DECL_INVARIANT && d->action == ACT_DECLARE;
    p->invariants = arena_calloc(c->a, (size_t)n, sizeof *p->invariants);
    struct names titles;
    names_init(&titles, c->a, (size_t)n);
    if (n == 0)
        return; /* nor the names to suggest from */
    struct cands k = cands_of(c);
    for (const struct ast_decl *d = file->decls; d; d = d->next) {
        if (d->kind != DECL_INVARIANT || d->action != ACT_DECLARE)
            continue;
        int old = names_put(&titles, d->title, p->ninvariants);
        if (old >= 0) { /* checked all the same, for its own errors */
            const struct src_loc *f = &p->invariants[old].loc;
            struct diag *e = DIAG(c->dl, DIAG_ERROR, &d->name.loc,
                                  invariant_declared_twice, d->title);
            HINT(c->dl, e, invariant_twice_hint, f->src ? f->src->name : "?",
                 f->first_line, f->first_column);
            struct invariant_info scratch = {0};
            invariant(c, file, d, &scratch, &k);
            continue;
        }
        invariant(c, file, d, &p->invariants[p->ninvariants++], &k);
    }
}
