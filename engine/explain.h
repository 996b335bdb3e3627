#ifndef ENGINE_EXPLAIN_H
#define ENGINE_EXPLAIN_H

#include "engine/eval.h"

/*
 * The explanation of a result as data, built once and read by every
 * rendering (the text and JSON traces today): sized by the rule set, never
 * by a constant, and kept in the result's arena until its next case.
 *
 * It holds the findings with the rules that concluded them, the lines not
 * taken, each with the parts of its condition that made it false and the
 * facts each part read, and the missing facts of an undetermined verdict,
 * most decisive first. The overrides, why-not chains and measures are still
 * worked out by each rendering.
 */

struct ex_finding {   /* a conclusion found true */
    int concl;        /* in plan.concls */
    const int *rules; /* the rules in effect that concluded it, in order */
    int nrules;
};

struct ex_part { /* a part of a condition that settles it */
    int node;    /* in plan.nodes */
    enum tv is;
    const int *facts; /* the facts it reads, each once, in order */
    int nfacts;
};

struct ex_line { /* a verdict line tried and found false */
    int line;    /* in plan.lines */
    const struct ex_part *parts;
    int nparts;
};

struct explanation {
    const struct ex_finding *findings; /* in declaration order */
    int nfindings;
    const struct ex_line *not_taken;
    int nnot_taken;
    const int *missing; /* facts, those that bear on more lines first */
    int nmissing;
};

/* The explanation of r (after eval_case), in r's arena: valid until r
 * evaluates another case or is freed. */
const struct explanation *explain_result(const struct result *r);

#endif
