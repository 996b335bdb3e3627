#ifndef ENGINE_JSONL_H
#define ENGINE_JSONL_H

#include "engine/cases.h"

/*
 * One JSON Lines case: {"id": …, "title": …, "facts": {…}}, read with
 * yajl's event parser straight into the plan's fact slots. Errors (bad JSON,
 * unknown facts, wrong types) go to the case's error list with line and
 * column; the case is then not evaluated. The common line is read in one
 * pass (engine/jsonl_fast.h); any other, and every line in error, is read
 * with yajl by jsonl_case_full, which gives the diagnostics. sugg: the
 * plan's fact names for did-you-mean (cases_sugg_index), or NULL.
 */
struct case_facts *jsonl_case(struct arena *a, const struct plan *p,
                              const struct source *line,
                              struct diag_list *errors,
                              const struct suggest_index *sugg);
/* The same, always with yajl: what jsonl_case gives for every line. */
struct case_facts *jsonl_case_full(struct arena *a, const struct plan *p,
                                   const struct source *line,
                                   struct diag_list *errors,
                                   const struct suggest_index *sugg);

/*
 * The "id" of a JSON Lines case, read no further than it stands (a quick
 * look for the reader, which must know the IDs in input order): a copy to
 * free, or NULL when the line has no usable one before it goes wrong.
 * jsonl_case is the judge; this is compared with what it finds.
 */
char *jsonl_id(struct arena *a, const char *text, size_t len);

#endif
