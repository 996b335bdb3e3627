#ifndef PROVE_PROVE_H
#define PROVE_PROVE_H

/*
 * Questions about every possible case of a rule set, answered by the Z3
 * solver over the encoding of prove/encode.h: is there a case in which a
 * formula holds? If so, one with the fewest facts given, written as a
 * `case` block (LANGUAGE.md §5) that `rongcuo run` reads. Bottom lines
 * (LANGUAGE.md §10) are the first such question; symbolic diff and the
 * deeper warnings of `check` ask others over the same encodings.
 */

#include <stdbool.h>

#include "engine/plan.h"
#include "prove/encode.h"

enum prove_answer {
    PROVE_NONE,   /* no case: unsatisfiable */
    PROVE_FOUND,  /* a case, in out->text */
    PROVE_UNKNOWN /* the solver could not decide: out->reason */
};

/* A case found. Its strings are the caller's, freed by prove_case_free. */
struct prove_case {
    char *text;   /* the case block, ending in a newline */
    int nfacts;   /* facts it gives */
    char *reason; /* PROVE_UNKNOWN: why, in the solver's words (English) */
};
void prove_case_free(struct prove_case *c);
/* The reason when the solver found cases but none whose numbers a case
 * file can write (no decimal equals them). */
#define PROVE_NO_DECIMAL "no case with decimal numbers found"
/* The reason when a counterexample did not break the bottom line when
 * run (a fault of the encoding: never reported as violated). */
#define PROVE_NOT_CONFIRMED \
    "internal: the counterexample does not break the bottom line when run"

/* At most this long for one question (the solver's answer is then
 * "unknown", never a guess). */
#define PROVE_TIMEOUT_MS 60000u
/* Another limit, for every question from now on (tests); not thread-safe. */
void prove_set_timeout(unsigned ms);

/* Whether some case of e's plan (every fact any value of its type, or
 * unknown; defaults as a case that leaves a fact out gets them) makes the
 * Bool formula query true. When one does: the case with the fewest facts
 * given, its numbers decimals of few digits, as a block `case "id"
 * "title" { … }` in the plan's keyword language with the facts' names as
 * declared. */
enum prove_answer prove_find(struct enc_plan *e, Z3_ast query, const char *id,
                             const char *title, struct prove_case *out);

/* The same over the facts of n encodings of plans in one context (their
 * facts of the same folded name, type and options are one): the case is
 * written in the keyword language of es[0]'s plan, the facts of es[0]
 * first. For comparing two rule sets (symbolic diff). */
enum prove_answer prove_find_in(struct enc_plan *const *es, int n, Z3_ast query,
                                const char *id, const char *title,
                                struct prove_case *out);

/* The outcome of one bottom line. */
enum prove_status { PROVE_PROVEN, PROVE_VIOLATED, PROVE_UNDECIDED };

struct prove_result {
    enum prove_status status;
    int expect;          /* violated: the expectation the case breaks */
    struct prove_case c; /* violated: the counterexample; undecided: why */
    int got_status;      /* violated: enum status of the case, as run gives */
    int got_verdict;     /* and its verdict (index, -1 for none) */
    bool confirmed;      /* violated: running the case breaks it too */
};

/* Decide bottom line inv of e's plan (p->invariants[inv]): is there a case
 * in which its condition is true and some expectation fails? A
 * counterexample is read back and run (engine/eval.c): one that does not
 * break the bottom line when run is reported undecided, never violated
 * or proven. id: the case's ID. */
void prove_invariant(struct enc_plan *e, int inv, const char *id,
                     struct prove_result *out);

/* Free what Z3 keeps for the whole process (at exit, for leak checkers);
 * no Z3 call may follow. */
void prove_finalize(void);

#endif
