#ifndef ENGINE_PLAN_TESTS_H
#define ENGINE_PLAN_TESTS_H

/* The tests of a rule set (LANGUAGE.md §6), checked with it: the test
 * runner reads their givens and expectations from the syntax tree. */

#include "engine/ast.h"
#include "engine/plan.h"

struct expect_info { /* an expectation with its name resolved */
    const struct ast_expect *ast;
    int index;              /* verdict, measure or rule; -1 for undetermined */
    int *missing, nmissing; /* facts, for expect undetermined missing */
};

struct test_info {
    const struct ast_test *ast;
    struct expect_info *expects;
    int nexpects;
};

#endif
