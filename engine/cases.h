#ifndef ENGINE_CASES_H
#define ENGINE_CASES_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/plan.h"
#include "engine/sbuf.h"

struct arena;
struct ast_name;
struct ast_value;
struct diag_list;
struct suggest_index;

/*
 * Case facts: what an investigation established for one case, in the slots
 * of a plan. Read from .case files (LANGUAGE.md §5) or JSON Lines.
 */
/* Of the facts a case gives that the plan does not have, so many are
 * reported (with a did-you-mean); a note stands for the rest, so that a
 * case of 90,000 unknown keys costs no more than one of ten. */
#define CASES_UNKNOWN_SHOWN 10

struct case_facts {
    const char *id, *title;
    struct src_loc loc; /* where the case starts */
    struct value *vals; /* plan->nfacts slots */
    enum fact_origin *origin;
    struct src_loc *locs;     /* where each given value stands */
    struct diag_list *errors; /* this case's errors (none: evaluate) */
    int unknown;              /* facts given that the plan does not have */
    char *unknown_note;       /* the note's text for those not shown */
    char *unknown_notes[3];   /* it in each language */
    /* the first CASES_UNKNOWN_SHOWN of those facts: names and places */
    const char *unknown_names[CASES_UNKNOWN_SHOWN];
    struct src_loc unknown_locs[CASES_UNKNOWN_SHOWN];
    /* the plan's fact names made ready for did-you-mean (suggest.h), or
       NULL: each is compared */
    const struct suggest_index *sugg;
};

/* Convert v to a value of fact f; false after a diagnostic in dl. */
bool cases_convert(struct arena *a, struct diag_list *dl,
                   const struct fact_info *f, const struct ast_value *v,
                   struct value *out);

/* Fresh facts for plan p: every slot absent, defaults applied. */
struct case_facts *cases_new(struct arena *a, const struct plan *p,
                             struct diag_list *errors);

/* Make p's blank_vals and blank_origin (in a), which cases_clear copies. */
void cases_blank(struct arena *a, struct plan *p);

/* cf, with no fact given yet, as cases_new made it (its id, title, errors
 * and unknown facts aside: id and title are NULL again). */
void cases_clear(const struct plan *p, struct case_facts *cf);

/* Set fact i from an AST value; errors go to cf->errors. */
void cases_set(struct arena *a, const struct plan *p, struct case_facts *cf,
               const struct ast_name *name, const struct ast_value *v);

/* The index of p's fact names for the did-you-mean of many cases (in a),
 * or NULL when they are so few that comparing each is as fast. */
const struct suggest_index *cases_sugg_index(struct arena *a,
                                             const struct plan *p);

/* Report name as a fact the plan does not declare, with a did-you-mean. */
void cases_unknown_fact(const struct plan *p, struct diag_list *dl,
                        const char *name, const struct src_loc *loc);

/* The case gives name[0..len), which the plan does not declare: reported
 * for the first CASES_UNKNOWN_SHOWN of them, then one note; the rest are
 * counted only. */
void cases_unknown(const struct plan *p, struct case_facts *cf,
                   const char *name, size_t len, const struct src_loc *loc);

/* The case IDs of one input, to find one used twice: kept compact, for
 * an input of a million cases keeps them all. */
struct cases_ids {
    /* the ID's hash's top 32 bits << 32 | 1 + an index into ent, or 0; a
       power of 2 of them: a probe reads ent only when the hashes agree */
    unsigned long long *slot;
    size_t cap;
    struct cases_id {
        size_t off; /* of the ID in text */
        int line;
    } * ent;
    size_t n, entcap;
    struct sbuf text; /* the IDs, each ended by NUL */
};

/* The line of an earlier case of s with this id, or 0 when there is none;
 * then id (copied) and line are remembered. */
int cases_ids_add(struct cases_ids *s, const char *id, int line);

/* Start to fetch the slot where cases_ids_add will look for id: the IDs of
 * a batch, fetched first and then added, wait for memory once, not once
 * each. */
void cases_ids_prefetch(const struct cases_ids *s, const char *id);

void cases_ids_free(struct cases_ids *s);

/* A warning on cf: its ID is that of the case at first_line too. */
void cases_id_twice(struct case_facts *cf, int first_line);

#endif
