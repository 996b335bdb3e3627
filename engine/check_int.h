#ifndef ENGINE_CHECK_INT_H
#define ENGINE_CHECK_INT_H

/* Shared by check.c (declarations) and expr.c (conditions); not an API. */

#include "engine/ast.h"
#include "engine/diag.h"
#include "engine/msg.h"
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

/* The nodes compiled, moved from their growing temporaries into the
 * arena, at their size: called once, when no more will be compiled. */
void expr_nodes_done(struct checker *c);

/* Compile a condition that must be boolean; returns its node. */
int expr_compile_cond(struct checker *c, const struct ast_expr *e);

/* Place every rule and conclusion in c->p->order, what each reads first,
 * and report every cycle; deps[r] (ndeps[r] of them) are the conclusions
 * rule r reads, and each conclusion's rules are filled in. */
void check_order(struct checker *c, int **deps, int *ndeps);

/* Report an unknown name at loc with message m (unknown_name, …: one %s,
 * the name) and a did-you-mean. */
void check_unknown_name(struct checker *c, const struct src_loc *loc,
                        const char *name, enum msg m);

/* An argument of a catalog message, by language (0 English, 1 traditional,
 * 2 simplified): a name is the same in all three, a word of the catalog
 * is not. */
struct marg {
    const char *v[3];
};
/* s in every language. */
struct marg marg_s(const char *s);
/* Catalog message m (without conversions) in each language. */
struct marg marg_m(enum msg m);

/* A diagnostic of catalog message m, whose conversions are at most three
 * %s, with the arguments a[0..n) each in the version's language. */
struct diag *check_diag(struct diag_list *dl, enum diag_severity sev,
                        const struct src_loc *loc, enum msg m, int n,
                        const struct marg *a);
/* The same for the hint of d. */
void check_hint(struct diag_list *dl, struct diag *d, enum msg m, int n,
                const struct marg *a);

/* Option name of dom, or -1 after an error naming owner (a fact, the
 * verdict, this value) and the options. */
int check_option_at(struct diag_list *dl, const struct domain *dom,
                    const char *name, const struct src_loc *loc,
                    struct marg owner);

/* Whether the base files declared, and the file repealed, the rule or
 * measure (kind k) id. */
bool check_repealed(const struct ast_file *f, enum ast_dkind k, const char *id);

/* "name 'x' is declared twice" at n, pointing at the first declaration;
 * twice is name_declared_twice, rule_declared_twice or
 * measure_declared_twice. */
void check_redeclared(struct checker *c, const struct ast_name *n,
                      const struct src_loc *first, enum msg twice);

/* Resolve the names in the tests' expectations (check_tests.c). */
void check_tests(struct checker *c, const struct ast_file *file);

/* Check and compile the bottom lines of the layered file into
 * c->p->invariants, in the order of its declarations (bases first): the
 * condition, the expectations (neither fired nor missing), one title
 * each (check_tests.c). */
void check_invariants(struct checker *c, const struct ast_file *file);

#endif
