#ifndef ENGINE_TRACE_H
#define ENGINE_TRACE_H

#include "engine/eval.h"
#include "engine/sbuf.h"
#include "engine/lang.h"
#include "engine/show_expr.h"

/*
 * The reasoned verdict trace (LANGUAGE.md §7): the verdict and the line that
 * gave it, the measures, the lines not taken and why, every conclusion that
 * held with the rules, citations, because texts and fact values behind it,
 * what was overridden, and what an undetermined verdict still needs.
 */

/* Readable text, keywords and labels in lang. */
void trace_text(const struct result *r, enum lang lang, struct sbuf *out);
/* One JSON line (docs/trace-json.md), newline included. */
void trace_json(const struct result *r, enum lang lang, struct sbuf *out);

/* --trace none: only the case, status, verdict, measures, rules fired and
 * missing facts (and for an error case, where it is and why). */
void trace_json_brief(const struct result *r, enum lang lang, struct sbuf *out);
void trace_text_brief(const struct result *r, enum lang lang, struct sbuf *out);

/* A fact's value as a person reads it. */
void trace_value(const struct fact_info *f, const struct value *v,
                 enum lang lang, struct sbuf *out);

#endif
