#ifndef ENGINE_PLAN_TESTS_H
#define ENGINE_PLAN_TESTS_H

/* The tests of a rule set (LANGUAGE.md §6), checked and compiled with it
 * (engine/plan_build.h): the test runner (engine/testrun.h) reads their
 * givens and expectations here, not in the syntax tree. */

#include <stdbool.h>

#include "engine/diag.h"
#include "engine/plan.h"
#include "engine/source.h"

enum expect_kind {
    EXPECT_VERDICT,
    EXPECT_NOT_VERDICT, /* bottom lines (LANGUAGE.md §10) */
    EXPECT_MEASURE,
    EXPECT_NOT_MEASURE,
    EXPECT_FIRED,
    EXPECT_NOT_FIRED,
    EXPECT_UNDETERMINED,
    EXPECT_NOT_UNDETERMINED /* bottom lines */
};

struct expect_info { /* an expectation with its name resolved */
    enum expect_kind kind;
    const char *name; /* verdict, measure or rule as written */
    struct src_loc loc;
    int index;              /* verdict, measure or rule; -1 for undetermined */
    bool has_missing;       /* expect undetermined missing … */
    int *missing, nmissing; /* facts, for expect undetermined missing */
};

struct given_fact { /* a fact that given { … } sets, converted */
    int fact;
    struct value v;
    struct src_loc loc; /* of the value */
};

struct test_info {
    const char *name;
    struct src_loc loc;
    bool given_here;                /* given { … }, else given case "FILE" */
    const struct given_fact *facts; /* given { … }: what it sets */
    int nfacts;
    const struct diag_list *errors; /* given { … }: its facts' errors (as
                                       a case's), or NULL when none */
    const char *file;               /* given case "FILE" ["ID"] */
    const char *case_id;            /* NULL when not written */
    struct src_loc file_loc, id_loc;
    struct expect_info *expects;
    int nexpects;
};

#endif
