#ifndef CLI_TEST_PROVE_H
#define CLI_TEST_PROVE_H

#include <stddef.h>
#include <stdio.h>

#include "cli/cli.h"

/* The bottom lines that rongcuo test proves (cli/test_prove.c). */

struct test_proofs {
    char **done; /* the rule files proven, by their real paths */
    size_t n, cap;
    int proven, violated, undecided;
    bool any; /* some bottom line was reported */
};

/* Prove the bottom lines of the rule set whose tests rs holds (the file
 * loaded, or the file it extends when it holds only tests), unless that
 * one has been proven already or has none: print them as rongcuo prove
 * does, in --lang's language or else rs's, under a heading, write them
 * as a JUnit <testsuite> to junit (when not NULL), and count them into
 * tp; or a note line when rongcuo-prove cannot be run or fails. */
void test_prove(struct test_proofs *tp, const struct rc_ruleset *rs,
                FILE *junit);
/* The summary line of rongcuo test: passed and failed tests, and the
 * bottom lines when some were reported. */
void test_prove_summary(const struct test_proofs *tp, int passed, int failed);
void test_prove_free(struct test_proofs *tp);

#endif
