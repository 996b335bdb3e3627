#ifndef PROVE_ANALYSIS_H
#define PROVE_ANALYSIS_H

/*
 * The deeper warnings of `rongcuo check` (LANGUAGE.md §10), decided by the
 * solver over every possible case of a compiled plan (prove/encode.h): a
 * rule that can never fire, a verdict line that can never decide, rules
 * that override each other, a conclusion that always holds, a verdict
 * table without `otherwise` that leaves some case with no line (with an
 * example case). Does not include z3.h.
 */

#include <stdbool.h>

#include "engine/diag.h"
#include "engine/lang.h"
#include "engine/plan.h"

struct sbuf;

struct analysis_counts {
    int warnings; /* warnings found */
    int unknown;  /* questions the solver could not decide */
};

/* At most this long for one question, and for them all (the questions
 * left are then undecided). */
#define ANALYSIS_TIMEOUT_MS 10000u
#define ANALYSIS_BUDGET_MS  30000u
/* A rule set with more rules, conclusions and verdict lines than this, or
 * more overrides, is not analysed (a note says so). */
#define ANALYSIS_MAX_DECLS     1000
#define ANALYSIS_MAX_OVERRIDES 10000

/* Whether p is small enough to analyse (ANALYSIS_MAX_*): `rongcuo check`
 * asks it too, and says so without running the prover. */
static inline bool analysis_fits(const struct plan *p)
{
    long over = 0;
    for (int i = 0; i < p->nrules; i++)
        over += p->rules[i].nover;
    return p->nrules + p->nconcls + p->nlines <= ANALYSIS_MAX_DECLS &&
           over <= ANALYSIS_MAX_OVERRIDES;
}

/* Ask every question of p; add a warning (DIAG_WARNING, with a hint) to
 * dl for each finding, at the place it is about, in p's files; a finding
 * with an example case has the case block (in p's keyword language, a
 * string in dl's arena) as the diagnostic's owner. The reason the solver
 * gave for the last question it could not decide goes to *reason (in
 * dl's arena, NULL when none). */
void analysis_run(const struct plan *p, struct diag_list *dl,
                  struct analysis_counts *n, const char **reason);

/* Every warning of analysis_run, sorted by file and line, as check prints
 * diagnostics, in lang: each with its example case under it; then one
 * note line naming path when some question was left undecided. A rule
 * set too large (analysis_fits) gets only a note line that says so. */
void analysis_report(const struct plan *p, const char *path, enum lang lang,
                     struct sbuf *out, struct analysis_counts *n);

#endif
