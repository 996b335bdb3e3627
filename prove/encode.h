#ifndef PROVE_ENCODE_H
#define PROVE_ENCODE_H

/*
 * The compiled plan (engine/plan.h) as formulas of the Z3 solver: every
 * possible case at once. A case is symbolic: for each fact, whether the
 * case writes it, whether what it writes is a value (or `unknown`), and
 * that value. Every node, rule, conclusion, verdict line and measure is a
 * formula over those, with the meaning engine/eval.c gives it on each
 * case (Kleene logic, evaluation errors, overrides, the first-hit verdict
 * and when it is undetermined). tests/unit/test_prove_cross.c checks the
 * two agree.
 *
 * This is the only place, with prove/prove.c, that includes z3.h: the
 * engine's library does not depend on the solver.
 */

#include <stdbool.h>
#include <z3.h>

#include "engine/plan.h"

struct case_facts;
struct expect_info;
struct sbuf;

/* A Z3 context and what the encodings of several plans in it share: the
 * variables of a fact (by its folded name, type and options, so that two
 * plans with the same fact read the same variables: symbolic diff), and
 * one number for each text. */
struct enc_ctx;

/* A fresh context; NULL when out of memory. */
struct enc_ctx *enc_ctx_new(void);
/* Frees the context and every encoding made in it. NULL is ignored. */
void enc_ctx_free(struct enc_ctx *cx);
Z3_context enc_z3(const struct enc_ctx *cx);
/* The text of text number id, or NULL when no plan of cx has it (a case
 * may still give such a text: enc_text_write makes one up). */
const char *enc_text(const struct enc_ctx *cx, long id);
/* Append, quoted for a case file, a text whose number is id, distinct from
 * every text of cx and from the made-up texts of other numbers. */
void enc_text_write(const struct enc_ctx *cx, long id, struct sbuf *out);

/* A value of a node: known (a value, not an error), an error, or neither
 * (unknown). known and err never both hold. v is of the node's sort (Bool,
 * Real for numbers, Int for dates (days), texts (numbers), options (index,
 * -1 for no verdict), a 64-bit vector for sets) and means something only
 * when known holds. */
struct enc_val {
    Z3_ast known, err, v;
};

/* Three-valued truth (enum tv): t "true", f "false"; neither is unknown
 * (an error included). */
struct enc_tv {
    Z3_ast t, f;
};

/* The symbolic fact of a case. */
struct enc_fact {
    Z3_ast given;       /* Bool: the case writes it (a value or unknown) */
    Z3_ast gknown;      /* Bool: what it writes is a value, not unknown */
    Z3_ast gval;        /* what it writes */
    struct enc_val eff; /* the fact as evaluation sees it: defaults */
};

struct enc_plan {
    const struct plan *p;
    struct enc_ctx *cx;
    struct enc_fact *facts; /* per fact */
    Z3_ast wf;              /* the values a case can give (domains) */
    struct enc_val *nodes;  /* per node: built when first asked */
    bool *built;            /* per node */
    struct enc_tv *cond;    /* per rule: its condition */
    struct enc_tv *effect;  /* per rule: condition and not overridden */
    struct enc_tv *concl;   /* per conclusion */
    struct enc_tv *measure; /* per measure */
    Z3_ast *line_tried;     /* per verdict line: every line before is false */
    Z3_ast *line_hit;       /* per verdict line: it decides the case */
    Z3_ast undet_raw;       /* some line tried is unknown (or an error) */
    Z3_ast verdict;         /* Int: the deciding line's verdict, or -1 */
    Z3_ast error, undetermined, decided; /* the status: one holds */
};

/* Encode p in cx (the encoding lives as long as cx); NULL when out of
 * memory. */
struct enc_plan *enc_plan_new(struct enc_ctx *cx, const struct plan *p);
/* The value of node i (a condition of p, or of a bottom line). */
struct enc_val enc_node(struct enc_plan *e, int i);
/* The truth of boolean node i (-1: true, as `otherwise`). */
struct enc_tv enc_node_tv(struct enc_plan *e, int i);

/* Whether expectation x (engine/plan_tests.h) holds for the case: as
 * `rongcuo test` judges it, and an evaluation error decides nothing (it
 * breaks every expectation but `not verdict` and `not measure`). */
Z3_ast enc_expect(struct enc_plan *e, const struct expect_info *x);

/* The value k of type t (known), as the encoding writes it. */
Z3_ast enc_value(struct enc_ctx *cx, enum vtype t, const struct value *k);

/* The constraints that fix the symbolic case to cf (a case without
 * errors); for the cross-check. */
Z3_ast enc_case(struct enc_plan *e, const struct case_facts *cf);

#endif
