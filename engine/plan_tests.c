#include "engine/plan_build.h"

#include <string.h>

#include "engine/arena.h"
#include "engine/ast.h"
#include "engine/cases.h"
#include "engine/plan_tests.h"

/*
 * The tests of a checked rule set as the test runner needs them
 * (engine/plan_tests.h), taken from the syntax tree once: names, places,
 * expectations, and the facts of each given { … } converted to values
 * of the plan's facts.
 */

static void expect(struct expect_info *x, const struct ast_expect *e)
{
    static const enum expect_kind kind[] = {
        [EX_VERDICT] = EXPECT_VERDICT,
        [EX_MEASURE] = EXPECT_MEASURE,
        [EX_NOT_MEASURE] = EXPECT_NOT_MEASURE,
        [EX_FIRED] = EXPECT_FIRED,
        [EX_NOT_FIRED] = EXPECT_NOT_FIRED,
        [EX_UNDETERMINED] = EXPECT_UNDETERMINED,
        [EX_NOT_VERDICT] = EXPECT_NOT_VERDICT,
        [EX_NOT_UNDETERMINED] = EXPECT_NOT_UNDETERMINED,
    };
    x->kind = kind[e->kind];
    x->name = e->name.text;
    x->loc = e->loc;
    x->has_missing = e->has_missing;
}

/* Fact i back as cases_new made it. */
static void unset(const struct plan *p, struct case_facts *cf, int i)
{
    const struct fact_info *f = &p->facts[i];
    memset(&cf->vals[i], 0, sizeof cf->vals[i]);
    cf->origin[i] = FROM_ABSENT;
    if (f->has_default) {
        cf->vals[i] = f->dflt;
        cf->origin[i] = FROM_DEFAULT;
    }
    memset(&cf->locs[i], 0, sizeof cf->locs[i]);
}

/* The facts of given { … } set as a case's (cases_set) in cf, which holds
 * no fact from a case and is left so; the errors kept for the test. */
static void given(struct arena *a, const struct plan *p, struct test_info *ti,
                  const struct ast_case *g, struct case_facts *cf)
{
    struct diag_list *dl = arena_alloc(a, sizeof *dl);
    diag_init(dl, a);
    cf->errors = dl;
    cf->unknown = 0;
    cf->unknown_note = NULL;
    int n = 0;
    for (const struct ast_assign *s = g->facts; s; s = s->next, n++)
        cases_set(a, p, cf, &s->name, s->value);
    struct given_fact *facts = arena_calloc(a, (size_t)n, sizeof *facts);
    for (const struct ast_assign *s = g->facts; s; s = s->next) {
        int i = plan_fact(p, s->name.text, strlen(s->name.text));
        if (i < 0 || cf->origin[i] != FROM_CASE)
            continue;
        facts[ti->nfacts++] = (struct given_fact){i, cf->vals[i], cf->locs[i]};
        unset(p, cf, i);
    }
    ti->facts = facts;
    if (dl->head || dl->errors)
        ti->errors = dl;
}

static void test(struct arena *a, const struct plan *p, struct test_info *ti,
                 const struct ast_test *t, struct case_facts *cf)
{
    ti->name = t->name;
    ti->loc = t->loc;
    int j = 0;
    for (const struct ast_expect *e = t->expects; e; e = e->next)
        expect(&ti->expects[j++], e);
    if (t->given) {
        ti->given_here = true;
        given(a, p, ti, t->given, cf);
        return;
    }
    ti->file = t->given_file.text;
    ti->file_loc = t->given_file.loc;
    ti->case_id = t->given_id.text;
    ti->id_loc = t->given_id.loc;
}

void plan_build_tests(struct arena *a, struct plan *p, const struct ast_file *f)
{
    if (!p->ntests)
        return;
    struct case_facts *cf = cases_new(a, p, NULL);
    int k = 0;
    for (const struct ast_test *t = f->tests; t && k < p->ntests; t = t->next)
        test(a, p, &p->tests[k++], t, cf);
}
