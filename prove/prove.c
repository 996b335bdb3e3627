#include "prove/prove.h"
#include "prove/enc_int.h"

#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/date.h"
#include "engine/lang.h"
#include "engine/sbuf.h"

/* Finding cases with the solver, and writing them as case blocks. */

void prove_case_free(struct prove_case *c)
{
    free(c->text);
    free(c->reason);
    *c = (struct prove_case){0};
}

void prove_finalize(void)
{
    Z3_finalize_memory();
}

/* n/d (decimal strings) as a decimal into out; false when it has none. */
static bool decimal(const char *n, const char *d, struct sbuf *out)
{
    mpz_t num, den, scale;
    mpz_init_set_str(num, n, 10);
    mpz_init_set_str(den, d, 10);
    mpz_init_set_ui(scale, 1);
    int k = 0; /* digits after the point: 10^k a multiple of den */
    while (!mpz_divisible_p(scale, den) && k < 2000) {
        mpz_mul_ui(scale, scale, 10);
        k++;
    }
    bool ok = mpz_divisible_p(scale, den);
    if (ok) {
        mpz_divexact(scale, scale, den);
        mpz_mul(num, num, scale); /* the value times 10^k */
        if (mpz_sgn(num) < 0)
            sb_putc(out, '-');
        mpz_abs(num, num);
        char *s = mpz_get_str(NULL, 10, num);
        size_t len = strlen(s);
        if (len <= (size_t)k) {
            sb_puts(out, "0.");
            for (size_t i = len; i < (size_t)k; i++)
                sb_putc(out, '0');
            sb_puts(out, s);
        } else {
            sb_put(out, s, len - (size_t)k);
            if (k) {
                sb_putc(out, '.');
                sb_puts(out, s + len - k);
            }
        }
        free(s);
    }
    mpz_clears(num, den, scale, NULL);
    return ok;
}

/* The value of a number in m as a decimal; false when it is not one. */
static bool number(Z3_context z, Z3_ast v, struct sbuf *out)
{
    if (Z3_get_ast_kind(z, v) != Z3_NUMERAL_AST)
        return false;
    Z3_ast n = Z3_get_numerator(z, v), d = Z3_get_denominator(z, v);
    char *ns = strdup(Z3_get_numeral_string(z, n));
    bool ok = ns && decimal(ns, Z3_get_numeral_string(z, d), out);
    free(ns);
    return ok;
}

static Z3_ast model_eval(Z3_context z, Z3_model m, Z3_ast t)
{
    Z3_ast out = NULL;
    if (!Z3_model_eval(z, m, t, true, &out))
        return NULL;
    return out;
}

static bool model_bool(Z3_context z, Z3_model m, Z3_ast t)
{
    Z3_ast v = model_eval(z, m, t);
    return v && Z3_get_bool_value(z, v) == Z3_L_TRUE;
}

static long long model_int(Z3_context z, Z3_model m, Z3_ast t)
{
    Z3_ast v = model_eval(z, m, t);
    int64_t i = 0;
    if (v && Z3_get_ast_kind(z, v) == Z3_NUMERAL_AST)
        Z3_get_numeral_int64(z, v, &i);
    return i;
}

/* The value fact f has in m, as a case file writes it; false when it
 * cannot be written (a number that is no decimal). */
static bool write_value(struct enc_plan *e, Z3_model m, int i, struct sbuf *out)
{
    Z3_context z = e->cx->z;
    const struct fact_info *f = &e->p->facts[i];
    Z3_ast v = e->facts[i].gval;
    enum lang lang = e->p->lang;
    char buf[16];
    switch (f->type) {
    case VT_BOOL:
        sb_puts(out, kw_text(model_bool(z, m, v) ? KW_TRUE : KW_FALSE, lang));
        return true;
    case VT_NUM:
        return number(z, model_eval(z, m, v), out);
    case VT_DATE:
        ast_date_format((int)model_int(z, m, v), buf);
        sb_puts(out, buf);
        return true;
    case VT_TEXT:
        enc_text_write(e->cx, (long)model_int(z, m, v), out);
        return true;
    case VT_SYM:
        sb_puts(out, f->dom->names[model_int(z, m, v)]);
        return true;
    default: { /* VT_SET */
        Z3_ast s = model_eval(z, m, v);
        uint64_t bits = 0;
        if (s)
            Z3_get_numeral_uint64(z, s, &bits);
        const char *sep = "";
        sb_putc(out, '{');
        for (int k = 0; k < f->dom->n; k++)
            if (bits >> k & 1) {
                sb_printf(out, "%s%s", sep, f->dom->names[k]);
                sep = ", ";
            }
        sb_putc(out, '}');
        return true;
    }
    }
}

/* s quoted for a case file */
static void quote(struct sbuf *out, const char *s)
{
    sb_putc(out, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            sb_putc(out, '\\');
        sb_putc(out, *s);
    }
    sb_putc(out, '"');
}

/* The case of model m as a block; false when a value cannot be written. */
static bool write_case(struct enc_plan *e, Z3_model m, const char *id,
                       const char *title, struct prove_case *out)
{
    Z3_context z = e->cx->z;
    struct sbuf b = {0};
    sb_printf(&b, "%s ", kw_text(KW_CASE, e->p->lang));
    quote(&b, id);
    if (title) {
        sb_putc(&b, ' ');
        quote(&b, title);
    }
    sb_puts(&b, " {\n");
    bool ok = true;
    out->nfacts = 0;
    for (int i = 0; i < e->p->nfacts && ok; i++) {
        if (!model_bool(z, m, e->facts[i].given))
            continue;
        out->nfacts++;
        sb_printf(&b, "  %s = ", e->p->facts[i].name);
        if (!model_bool(z, m, e->facts[i].gknown))
            sb_puts(&b, kw_text(KW_UNKNOWN, e->p->lang));
        else
            ok = write_value(e, m, i, &b);
        sb_putc(&b, '\n');
    }
    sb_puts(&b, "}\n");
    if (ok)
        out->text = b.p;
    else
        sb_free(&b);
    return ok;
}

/* Numbers given with at most k digits after the point (k < 0: any). */
static Z3_ast decimals(struct enc_plan *e, int k)
{
    Z3_context z = e->cx->z;
    Z3_ast all = Z3_mk_true(z);
    if (k < 0)
        return all;
    char ten[32];
    snprintf(ten, sizeof ten, "1%0*d", k, 0);
    Z3_ast scale = Z3_mk_numeral(z, k ? ten : "1", e->cx->real_s);
    for (int i = 0; i < e->p->nfacts; i++) {
        if (e->p->facts[i].type != VT_NUM)
            continue;
        const struct enc_fact *f = &e->facts[i];
        Z3_ast scaled = Z3_mk_mul(z, 2, (Z3_ast[]){f->gval, scale});
        all = enc_and2(z, all, Z3_mk_is_int(z, scaled));
    }
    return all;
}

static Z3_params timeout(Z3_context z)
{
    Z3_params ps = Z3_mk_params(z);
    Z3_params_inc_ref(z, ps);
    Z3_params_set_uint(z, ps, Z3_mk_string_symbol(z, "timeout"),
                       PROVE_TIMEOUT_MS);
    return ps;
}

/* Is there a case at all (a plain solver: quick to say no)? */
static enum prove_answer exists(struct enc_plan *e, Z3_ast q,
                                struct prove_case *out)
{
    Z3_context z = e->cx->z;
    Z3_solver s = Z3_mk_solver(z);
    Z3_solver_inc_ref(z, s);
    Z3_params ps = timeout(z);
    Z3_solver_set_params(z, s, ps);
    Z3_solver_assert(z, s, q);
    Z3_lbool r = Z3_solver_check(z, s);
    if (r == Z3_L_UNDEF)
        out->reason = strdup(Z3_solver_get_reason_unknown(z, s));
    Z3_params_dec_ref(z, ps);
    Z3_solver_dec_ref(z, s);
    return r == Z3_L_FALSE  ? PROVE_NONE
           : r == Z3_L_TRUE ? PROVE_FOUND
                            : PROVE_UNKNOWN;
}

/* The case of fewest facts with numbers of at most k decimals: written
 * into out (PROVE_FOUND), none, or unknown. */
static enum prove_answer fewest(struct enc_plan *e, Z3_ast q, int k,
                                const char *id, const char *title,
                                struct prove_case *out)
{
    Z3_context z = e->cx->z;
    Z3_optimize o = Z3_mk_optimize(z);
    Z3_optimize_inc_ref(z, o);
    Z3_params ps = timeout(z);
    Z3_optimize_set_params(z, o, ps);
    Z3_optimize_assert(z, o, enc_and2(z, q, decimals(e, k)));
    for (int i = 0; i < e->p->nfacts; i++)
        Z3_optimize_assert_soft(z, o, Z3_mk_not(z, e->facts[i].given), "1",
                                Z3_mk_string_symbol(z, "facts"));
    Z3_lbool r = Z3_optimize_check(z, o, 0, NULL);
    enum prove_answer a = r == Z3_L_FALSE ? PROVE_NONE : PROVE_UNKNOWN;
    if (r == Z3_L_TRUE) {
        Z3_model m = Z3_optimize_get_model(z, o);
        Z3_model_inc_ref(z, m);
        if (write_case(e, m, id, title, out))
            a = PROVE_FOUND;
        Z3_model_dec_ref(z, m);
    } else if (r == Z3_L_UNDEF) {
        free(out->reason);
        out->reason = strdup(Z3_optimize_get_reason_unknown(z, o));
    }
    Z3_params_dec_ref(z, ps);
    Z3_optimize_dec_ref(z, o);
    return a;
}

enum prove_answer prove_find(struct enc_plan *e, Z3_ast query, const char *id,
                             const char *title, struct prove_case *out)
{
    Z3_context z = e->cx->z;
    *out = (struct prove_case){0};
    Z3_ast q = enc_and2(z, e->wf, query);
    enum prove_answer a = exists(e, q, out);
    if (a != PROVE_FOUND)
        return a;
    static const int digits[] = {0, 2, 6, -1};
    for (size_t i = 0; i < sizeof digits / sizeof *digits; i++) {
        a = fewest(e, q, digits[i], id, title, out);
        if (a == PROVE_FOUND) {
            free(out->reason);
            out->reason = NULL;
            return a;
        }
    }
    if (!out->reason)
        out->reason = strdup("no case with decimal numbers found");
    return PROVE_UNKNOWN;
}
