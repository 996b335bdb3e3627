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
 * most decisive first, the measures attached, the rules overridden and by
 * what, and the why-not chains.
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

struct ex_override { /* a rule that fired and was overridden */
    int rule;        /* in plan.rules */
    enum tv effect;  /* false, or unknown while an overrider is unknown */
    const int *by;   /* the overriders whose condition is not false, in order */
    int nby;
};

struct ex_wrule;

struct ex_wpart { /* a part in a why-not chain */
    struct ex_part part;
    /* a conclusion not true: the rules behind it, unless it was followed
     * already on this line or lies too deep (then none) */
    const struct ex_wrule *rules;
    int nrules;
};

struct ex_wrule {  /* a rule behind a conclusion that did not hold */
    int rule;      /* in plan.rules */
    enum tv cond;  /* its condition */
    const int *by; /* condition true: the overriders not false, in order */
    int nby;
    const struct ex_wpart *parts; /* condition not true: why */
    int nparts;
};

struct ex_wline { /* a line of the verdict asked about (--why-not) */
    int line;     /* in plan.lines */
    enum tv is;   /* its condition */
    bool decided; /* it decided the case */
    bool reached; /* no earlier line decided or left the case open */
    const struct ex_wpart *parts; /* why it is not true, if it is not */
    int nparts;
};

struct explanation {
    const struct ex_finding *findings; /* in declaration order */
    int nfindings;
    const struct ex_line *not_taken;
    int nnot_taken;
    const int *missing; /* facts, those that bear on more lines first */
    int nmissing;
    const int *measures; /* attached, in order; why: plan.measures */
    int nmeasures;
    const struct ex_override *overridden; /* in declaration order */
    int noverridden;
    const struct ex_wline *why_not; /* the lines of result.why_not */
    int nwhy_not;
};

/* The explanation of r (after eval_case), in r's arena: valid until r
 * evaluates another case or is freed. */
const struct explanation *explain_result(const struct result *r);

#endif
