#include "prove/enc_int.h"
#include "prove/prove.h"

#include <stdlib.h>
#include <string.h>

#include "engine/caseread.h"
#include "engine/diag.h"
#include "engine/eval.h"
#include "engine/plan_tests.h"
#include "engine/source.h"

/* Bottom lines (LANGUAGE.md §10): proven, or a counterexample run back
 * through the evaluator. */

/* Whether x holds for r, as enc_expect says (engine/eval.c's result). */
static bool holds(const struct result *r, const struct expect_info *x)
{
    bool decided = r->status == ST_DECIDED;
    bool is_v = decided && r->verdict == x->index;
    bool is_m = x->kind == EXPECT_MEASURE || x->kind == EXPECT_NOT_MEASURE;
    bool m = is_m && r->status != ST_ERROR && x->index >= 0 &&
             r->measures[x->index] == TV_TRUE;
    switch (x->kind) {
    case EXPECT_VERDICT:
        return is_v;
    case EXPECT_NOT_VERDICT:
        return !is_v;
    case EXPECT_MEASURE:
        return m;
    case EXPECT_NOT_MEASURE:
        return !m;
    case EXPECT_UNDETERMINED:
        return r->status == ST_UNDETERMINED;
    case EXPECT_NOT_UNDETERMINED:
        return decided;
    default:
        return true;
    }
}

/* Does the case written in text, read as a case file and run, break
 * bottom line inv (its condition true in the encoding fixed to the case,
 * an expectation false when run)? Fills the outcome into out. */
static bool confirm(struct enc_plan *e, int inv, const char *text,
                    struct prove_result *out)
{
    const struct plan *p = e->p;
    const struct invariant_info *iv = &p->invariants[inv];
    struct arena a;
    arena_init(&a);
    struct diag_list dl;
    diag_init(&dl, &a);
    const struct source *src =
        src_from_text(&a, "counterexample", text, strlen(text), 1);
    const struct case_facts *cf = NULL;
    int outside = 0;
    bool ok = caseread_given(&a, p, src, NULL, &dl, &cf, &outside) == 1 && cf &&
              !outside && !dl.errors;
    if (ok) {
        struct result *r = eval_new(p);
        eval_case(r, cf);
        out->got_status = (int)r->status;
        out->got_verdict = r->verdict;
        ok = false;
        for (int k = 0; k < iv->nexpects; k++)
            if (!holds(r, &iv->expects[k])) {
                out->expect = k;
                ok = true;
                break;
            }
        eval_free(r);
        Z3_context z = e->cx->z;
        Z3_ast fixed = enc_and2(z, enc_case(e, cf),
                                Z3_mk_not(z, enc_node_tv(e, iv->cond).t));
        Z3_solver s = Z3_mk_solver(z);
        Z3_solver_inc_ref(z, s);
        Z3_solver_assert(z, s, fixed);
        ok = ok && Z3_solver_check(z, s) == Z3_L_FALSE;
        Z3_solver_dec_ref(z, s);
    }
    arena_free(&a);
    return ok;
}

void prove_invariant(struct enc_plan *e, int inv, const char *id,
                     struct prove_result *out)
{
    Z3_context z = e->cx->z;
    const struct invariant_info *iv = &e->p->invariants[inv];
    *out = (struct prove_result){.expect = -1, .got_verdict = -1};
    Z3_ast all = Z3_mk_true(z);
    for (int k = 0; k < iv->nexpects; k++)
        all = enc_and2(z, all, enc_expect(e, &iv->expects[k]));
    Z3_ast q = enc_and2(z, enc_node_tv(e, iv->cond).t, Z3_mk_not(z, all));
    switch (prove_find(e, q, id, iv->title, &out->c)) {
    case PROVE_NONE:
        out->status = PROVE_PROVEN;
        return;
    case PROVE_UNKNOWN:
        out->status = PROVE_UNDECIDED;
        return;
    case PROVE_FOUND:
        break;
    }
    out->confirmed = confirm(e, inv, out->c.text, out);
    out->status = out->confirmed ? PROVE_VIOLATED : PROVE_UNDECIDED;
    if (!out->confirmed)
        out->c.reason = strdup(PROVE_NOT_CONFIRMED);
}
