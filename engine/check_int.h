#ifndef ENGINE_CHECK_INT_H
#define ENGINE_CHECK_INT_H

/* Shared by check.c (declarations) and expr.c (conditions); not an API. */

#include "engine/diag.h"
#include "engine/names.h"
#include "engine/plan.h"

struct list_info {
    const char *name;
    struct src_loc loc;
    const struct ast_name *items;
};

struct checker {
    struct arena *a;
    struct diag_list *dl;
    struct plan *p;
    const struct ast_file *file;
    struct names ns; /* = p->ns */
    struct names rule_ids, measure_ids;
    struct list_info *lists;
    int nlists;
    int ncap;                     /* capacity of p->nodes */
    const struct ast_expr **asts; /* per node: the tree it comes from */
    bool in_measure;              /* `verdict` is allowed */
    int *reads; /* facts read by the condition being compiled */
    int nreads, readcap;
    long npairs;     /* rule overrides rule, in all */
    int *concl_refs; /* conclusions it reads */
    int nconcl_refs, conclcap;
};

/* Compile a condition that must be boolean; returns its node. */
int expr_compile_cond(struct checker *c, const struct ast_expr *e);

/* Place every rule and conclusion in c->p->order, what each reads first,
 * and report every cycle; deps[r] (ndeps[r] of them) are the conclusions
 * rule r reads, and each conclusion's rules are filled in. */
void check_order(struct checker *c, int **deps, int *ndeps);

/* Report an unknown name at loc with a did-you-mean. */
void check_unknown_name(struct checker *c, const struct src_loc *loc,
                        const char *name, const char *what);

#endif
