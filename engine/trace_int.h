#ifndef ENGINE_TRACE_INT_H
#define ENGINE_TRACE_INT_H

/* Shared by the text and JSON traces; not an API. */

#include "engine/eval.h"
#include "engine/sbuf.h"

/* A because text with its {name} parts filled in. */
void trace_because(const struct result *r, const struct text_part *b, int n,
                   enum lang lang, struct sbuf *out);

#endif
