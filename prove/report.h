#ifndef PROVE_REPORT_H
#define PROVE_REPORT_H

/* What `rongcuo prove` prints for one rule set (cli/prove.c). Does not
 * include z3.h: the command's other files need not know the solver. */

#include <stdbool.h>

#include "engine/lang.h"
#include "engine/rongcuo.h"

struct sbuf;

struct prove_counts {
    int proven, violated, undecided;
};

/* Decide every bottom line of rs (its own and its bases'), in order, and
 * append the report to out: text in lang (a line each, a counterexample
 * case block in the rule file's keyword language under a violated one),
 * or one JSON object per line (docs/output.md); n counts the outcomes.
 * path: the rule file as named. */
void prove_report(const struct rc_ruleset *rs, const char *path, enum lang lang,
                  bool json, struct sbuf *out, struct prove_counts *n);
/* The same, and (junit not NULL) each bottom line as a JUnit <testcase>
 * appended to junit: a violated one with a <failure>, an undecided one
 * <skipped>. */
void prove_report_junit(const struct rc_ruleset *rs, const char *path,
                        enum lang lang, bool json, struct sbuf *out,
                        struct sbuf *junit, struct prove_counts *n);

/* Symbolic diff of rule sets old and new (prove/diff.h): every change of
 * outcome some case can undergo, each with a case (or undecided, with the
 * reason), appended to out in lang, as text or JSON Lines; *changes and
 * *undecided count them. */
void prove_diff_report(const struct rc_ruleset *old,
                       const struct rc_ruleset *new, const char *old_path,
                       const char *new_path, enum lang lang, bool json,
                       struct sbuf *out, int *changes, int *undecided);

/* Free what the solver keeps for the whole process (at exit, so that leak
 * checkers see nothing); no proof may follow. */
void prove_report_finalize(void);

#endif
