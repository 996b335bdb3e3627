#ifndef ENGINE_TESTRUN_H
#define ENGINE_TESTRUN_H

#include <stdint.h>

#include "engine/plan.h"
#include "engine/sbuf.h"

/*
 * Running the tests written in a rule file (LANGUAGE.md §6) against its
 * rule set, and measuring which rules, verdict lines and measures the
 * tests exercise.
 */

struct test_stats {
    int passed, failed;
};

/* Per rule, verdict line and measure of one plan: did some test see it
 * true (fire, decide, attach), and did some test see its condition
 * false. */
struct coverage {
    uint8_t *rule_fired, *rule_false;
    uint8_t *line_taken, *line_false;
    uint8_t *measure_on, *measure_false;
    int runs;
};

/* Run every test of p. A line per test goes to out ("ok" or "FAIL" with
 * what differed and the trace of the actual outcome); JUnit <testcase>
 * elements go to junit when it is not NULL. */
void testrun_plan(const struct plan *p, enum lang lang, struct sbuf *out,
                  struct sbuf *junit, struct test_stats *st,
                  struct coverage *cov);

void coverage_init(struct coverage *cov, const struct plan *p);
void coverage_free(struct coverage *cov);

/* s escaped for XML text and attributes. */
void sb_xml(struct sbuf *b, const char *s);

#endif
