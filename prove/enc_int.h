#ifndef PROVE_ENC_INT_H
#define PROVE_ENC_INT_H

/* Inside the encoding (prove/encode.c, enc_ctx.c). */

#include <z3.h>

#include "engine/arena.h"
#include "engine/num.h"
#include "engine/plan.h"

struct enc_ctx {
    Z3_context z;
    struct arena arena; /* the encodings, the texts */
    Z3_sort bool_s, int_s, real_s, bv_s;
    Z3_ast date_lo, date_hi; /* 0001-01-01 and 9999-12-31 in days */
    const char **texts;      /* text number i */
    long ntexts, textcap;
};

Z3_ast enc_and2(Z3_context z, Z3_ast a, Z3_ast b);
Z3_ast enc_or2(Z3_context z, Z3_ast a, Z3_ast b);
/* The number x, exactly. */
Z3_ast enc_num(struct enc_ctx *cx, struct num x);
/* The whole number n as a real. */
Z3_ast enc_real(struct enc_ctx *cx, long n);
/* The number of text s: the same for the same bytes. */
long enc_text_id(struct enc_ctx *cx, const char *s);
/* The variables of fact f: shared by every plan of cx with a fact of the
 * same folded name, type and options. */
void enc_fact_vars(struct enc_ctx *cx, const struct fact_info *f, Z3_ast *given,
                   Z3_ast *gknown, Z3_ast *gval);
/* The values a case can give fact f: val in its domain. */
Z3_ast enc_fact_domain(struct enc_ctx *cx, const struct fact_info *f,
                       Z3_ast val);

#endif
