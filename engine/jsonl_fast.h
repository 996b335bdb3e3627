#ifndef ENGINE_JSONL_FAST_H
#define ENGINE_JSONL_FAST_H

#include <stdbool.h>

#include "engine/cases.h"

/*
 * The common JSON line read in one pass, without yajl: {"id": …,
 * "title": …, "facts": {…}} with keys that name facts of the plan, values
 * of their types, strings without escapes in well-formed UTF-8, and only
 * spaces and tabs between tokens. Each key is looked up once; values go
 * straight to their slots; places are byte offsets, their columns counted
 * on the way (a UTF-8 continuation byte is no column).
 *
 * True when the whole line was read and found without fault: cf (fresh
 * from cases_new) then holds what jsonl_case's full reading would give
 * it. False when the line is anything else, bad or only unusual: cf is
 * then in no known state and the line must be read again by the full
 * reader, which gives the diagnostics. The line's text ends in a NUL at
 * line->len, as the text of every source (engine/source.h) does.
 */
bool jsonl_fast(struct arena *a, const struct plan *p,
                const struct source *line, struct case_facts *cf);

/* p's fact names and options as the reader compares them, made once when
 * the plan is built (in a): plan.keys. Without them (NULL) jsonl_fast
 * takes no line. */
const struct fact_keys *jsonl_fast_keys(struct arena *a, const struct plan *p);

#endif
