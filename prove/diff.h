#ifndef PROVE_DIFF_H
#define PROVE_DIFF_H

/*
 * Symbolic diff (LANGUAGE.md §10): every change of outcome that some case
 * can undergo between two rule sets, each with one case that undergoes
 * it, decided over every possible case by the solver. For `rongcuo diff
 * OLD NEW` without case files (cli/diff.c).
 */

#include <stdbool.h>

#include "engine/plan.h"
#include "prove/prove.h"

/* The outcome of a case under one rule set. */
struct prove_outcome {
    int status;          /* enum status (engine/eval.h) */
    const char *verdict; /* decided: the verdict's name; NULL: no verdict */
};

enum prove_change_kind {
    PROVE_OUTCOME,        /* from → to */
    PROVE_MEASURE_GAINED, /* measure attached under new, not under old */
    PROVE_MEASURE_LOST    /* attached under old, not under new */
};

struct prove_change {
    enum prove_change_kind kind;
    struct prove_outcome from, to; /* PROVE_OUTCOME */
    const char *measure;           /* otherwise: the measure's ID */
    enum prove_answer answer;      /* PROVE_FOUND (c.text: a case that
                                      undergoes it) or PROVE_UNKNOWN
                                      (c.reason); never PROVE_NONE */
    struct prove_case c;
};

/* Every change a case can undergo from rule set old to rule set new:
 * each pair of different outcomes (error, undetermined, a verdict or no
 * verdict; verdicts matched by name), then each measure gained or lost
 * (measures matched by ID). A case may give the facts of either rule set
 * (facts of the same folded name, type and options are one); with
 * shared_only, only facts both declare, so that the case runs under both
 * without an error (changes that need a fact only one declares are then
 * not found). Cases are written in new's keyword language. Returns the
 * number of changes found or undecided; *out (NULL when none) is freed
 * by prove_changes_free. */
int prove_diff(const struct plan *old, const struct plan *new, bool shared_only,
               struct prove_change **out);
void prove_changes_free(struct prove_change *c, int n);

#endif
