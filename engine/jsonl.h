#ifndef ENGINE_JSONL_H
#define ENGINE_JSONL_H

#include "engine/cases.h"

/*
 * One JSON Lines case: {"id": …, "title": …, "facts": {…}}, read with
 * yajl's event parser straight into the plan's fact slots. Errors (bad JSON,
 * unknown facts, wrong types) go to the case's error list with line and
 * column; the case is then not evaluated.
 */
struct case_facts *jsonl_case(struct arena *a, const struct plan *p,
                              const struct source *line,
                              struct diag_list *errors);

#endif
