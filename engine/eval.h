#ifndef ENGINE_EVAL_H
#define ENGINE_EVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/arena.h"
#include "engine/cases.h"
#include "engine/diag.h"
#include "engine/memo.h"
#include "engine/plan.h"

enum status { ST_DECIDED, ST_UNDETERMINED, ST_ERROR };

#define LINE_NOT_TRIED 3

/*
 * The outcome of one case under one plan, with everything the trace needs.
 * A result is made once for a plan and reused for case after case.
 */
struct result {
    const struct plan *p;
    const struct case_facts *cf;
    enum status status;
    int line;          /* the deciding or undetermined line, or -1 */
    int verdict;       /* index in p->verdicts, or -1 (none) */
    uint8_t *cond;     /* enum tv per rule: its condition */
    uint8_t *effect;   /* enum tv per rule: condition and not overridden */
    uint8_t *concl;    /* enum tv per conclusion */
    uint8_t *lines;    /* enum tv per verdict line, or LINE_NOT_TRIED */
    uint8_t *measures; /* enum tv per measure */
    bool *missing;     /* per fact: needed to settle the verdict */
    int nmissing;
    uint8_t *all_lines; /* enum tv of every verdict line (analyse) */
    int *settles;       /* per fact: unknown lines it could settle */
    bool explain;       /* analyse decided cases too (why not) */
    bool brief;         /* only brief traces: analyse skipped (no why not) */
    int why_not;        /* verdict to explain in the trace, or -1 */
    bool quiet;         /* evaluation errors are not recorded */
    uint8_t *seen;      /* scratch: conclusions followed */
    int *todo;          /* scratch: conclusions still to follow */
    bool *scratch;      /* scratch: one flag per fact, all false */
    int *found;         /* scratch: facts flagged */
    struct value *nv;   /* value of every node */
    uint8_t *done;      /* node evaluated (not short-circuited) */
    struct memo *memo;  /* the texts the traces keep (trace_int.h) */
    struct arena arena; /* evaluation errors, big numbers; per case */
    struct diag_list errors;
};

struct result *eval_new(const struct plan *p);
void eval_free(struct result *r);
/* Evaluate one case. A case whose facts have errors is not evaluated and
 * gets status ST_ERROR (fail closed). */
void eval_case(struct result *r, const struct case_facts *cf);
/* Truth of a boolean node value. */
enum tv eval_tv(const struct value *v);

#endif
