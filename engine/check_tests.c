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

/* Resolve the names in the tests' expectations, so that a misspelt name
 * is an error rather than an expectation that passes for the wrong
 * reason. */
void check_tests(struct checker *c, const struct ast_file *file)
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
        for (const struct ast_expect *e = t->expects; e; e = e->next)
            ti->nexpects++;
        ti->expects =
            arena_calloc(c->a, (size_t)ti->nexpects, sizeof *ti->expects);
        if (t->ngiven == 0)
            DIAG(c->dl, DIAG_ERROR, &t->loc, test_no_given, t->name);
        if (ti->nexpects == 0)
            DIAG(c->dl, DIAG_ERROR, &t->loc, test_expects_nothing, t->name);
        int j = 0;
        for (const struct ast_expect *e = t->expects; e; e = e->next) {
            struct expect_info *x = &ti->expects[j++];
            x->index = -1;
            switch (e->kind) {
            case EX_VERDICT:
                x->index = plan_option(&p->verdicts, e->name.text);
                if (x->index < 0)
                    bad_name(c, &e->name, MSG_test_no_verdict,
                             p->verdicts.names, p->verdicts.n);
                break;
            case EX_MEASURE:
            case EX_NOT_MEASURE:
                x->index = names_get(&c->measure_ids, e->name.text);
                if (x->index < 0 && e->kind == EX_NOT_MEASURE &&
                    check_repealed(file, DECL_MEASURE, e->name.text))
                    ; /* a repealed measure is never attached: it holds */
                else if (x->index < 0)
                    bad_name(c, &e->name, MSG_test_no_measure, measures,
                             p->nmeasures);
                break;
            case EX_FIRED:
            case EX_NOT_FIRED:
                x->index = names_get(&c->rule_ids, e->name.text);
                if (x->index < 0 &&
                    check_repealed(file, DECL_RULE, e->name.text) &&
                    e->kind == EX_NOT_FIRED)
                    ; /* a repealed rule never fires: it holds */
                else if (x->index < 0 &&
                         check_repealed(file, DECL_RULE, e->name.text))
                    DIAG(c->dl, DIAG_ERROR, &e->name.loc, repealed_never_fires,
                         e->name.text);
                else if (x->index < 0)
                    bad_name(c, &e->name, MSG_test_no_rule, rules, p->nrules);
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
                        bad_name(c, m, MSG_test_no_fact, facts, p->nfacts);
                    else
                        x->missing[x->nmissing++] = f;
                }
                break;
            }
        }
    }
}
