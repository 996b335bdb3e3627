#ifndef ENGINE_TRACE_INT_H
#define ENGINE_TRACE_INT_H

/* Shared by the text and JSON traces; not an API. */

#include "engine/eval.h"
#include "engine/sbuf.h"

#define MAX_ATOMS 16

/* Why boolean node i has truth want: the smallest parts of the condition
 * that settle it (unknown: the parts still unknown), each as
 * node * 4 + its truth (enum tv). */
int trace_why(const struct result *r, int i, enum tv want, int *atoms, int n);
/* The facts read under node i, each once, in the order they appear. */
void trace_facts_under(const struct result *r, int i, int *seen, int *n);
/* A because text with its {name} parts filled in. */
void trace_because(const struct result *r, const struct text_part *b, int n,
                   enum lang lang, struct sbuf *out);

/* The missing facts of an undetermined result, those that bear on more
 * unknown verdict lines first; returns how many (order has nfacts). */
int trace_missing_order(const struct result *r, int *order);

#endif
