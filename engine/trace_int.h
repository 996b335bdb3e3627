#ifndef ENGINE_TRACE_INT_H
#define ENGINE_TRACE_INT_H

/* Shared by the text and JSON traces; not an API. */

#include "engine/eval.h"
#include "engine/sbuf.h"

/* The parts of a condition that settle it (trace_why): each is
 * node * 4 + its truth (enum tv); as many as the condition has. */
struct atoms {
    int *v;
    int n, cap;
};
void atoms_free(struct atoms *a);

/* Why boolean node i has truth want: the smallest parts of the condition
 * that settle it (unknown: the parts still unknown), appended to a. */
void trace_why(const struct result *r, int i, enum tv want, struct atoms *a);
/* The facts read under node i, each once, in the order they appear: in
 * r->found (*n of them; r->scratch is the scratch it leaves all false). */
void trace_facts_under(const struct result *r, int i, int *n);

/* Conclusions followed in one why-not chain; clearing costs as much as
 * how many were followed, not how many the rule set has. */
struct followed {
    uint8_t *on; /* per conclusion */
    int *list, n;
};
void followed_init(struct followed *f, int nconcls);
/* False when k was followed already; otherwise marks it. */
bool followed_add(struct followed *f, int k);
void followed_clear(struct followed *f);
void followed_free(struct followed *f);

/* A because text with its {name} parts filled in. */
void trace_because(const struct result *r, const struct text_part *b, int n,
                   enum lang lang, struct sbuf *out);

/* The missing facts of an undetermined result, those that bear on more
 * unknown verdict lines first; returns how many (order has nfacts). */
int trace_missing_order(const struct result *r, int *order);

#endif
