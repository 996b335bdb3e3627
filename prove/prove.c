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

/* The facts of one or more encodings (of plans in one context), each
 * once: a fact of the same variables in two plans is one. */
struct scope {
    struct enc_plan *const *es;
    int nes;
    struct slot {
        struct enc_plan *e;
        int i;
    } * slots;
    int n;
};

static void scope_init(struct scope *s, struct enc_plan *const *es, int nes)
{
    int max = 0;
    for (int k = 0; k < nes; k++)
        max += es[k]->p->nfacts;
    *s = (struct scope){es, nes, xcalloc((size_t)max + 1, sizeof *s->slots), 0};
    Z3_context z = es[0]->cx->z;
    for (int k = 0; k < nes; k++)
        for (int i = 0; i < es[k]->p->nfacts; i++) {
            bool seen = false;
            for (int j = 0; j < s->n && !seen; j++)
                seen = Z3_is_eq_ast(z, s->slots[j].e->facts[s->slots[j].i].gval,
                                    es[k]->facts[i].gval);
            if (!seen)
                s->slots[s->n++] = (struct slot){es[k], i};
        }
}

static const struct enc_fact *slot_fact(const struct scope *s, int j)
{
    return &s->slots[j].e->facts[s->slots[j].i];
}

/* The case of model m as a block; false when a value cannot be written. */
static bool write_case(const struct scope *sc, Z3_model m, const char *id,
                       const char *title, struct prove_case *out)
{
    Z3_context z = sc->es[0]->cx->z;
    enum lang lang = sc->es[0]->p->lang;
    struct sbuf b = {0};
    sb_printf(&b, "%s ", kw_text(KW_CASE, lang));
    sb_quoted(&b, id);
    if (title) {
        sb_putc(&b, ' ');
        sb_quoted(&b, title);
    }
    sb_puts(&b, " {\n");
    bool ok = true;
    out->nfacts = 0;
    for (int j = 0; j < sc->n && ok; j++) {
        const struct enc_fact *f = slot_fact(sc, j);
        struct enc_plan *e = sc->slots[j].e;
        if (!model_bool(z, m, f->given))
            continue;
        out->nfacts++;
        sb_printf(&b, "  %s = ", e->p->facts[sc->slots[j].i].name);
        if (!model_bool(z, m, f->gknown))
            sb_puts(&b, kw_text(KW_UNKNOWN, lang));
        else
            ok = write_value(e, m, sc->slots[j].i, &b);
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
static Z3_ast decimals(const struct scope *sc, int k)
{
    Z3_context z = sc->es[0]->cx->z;
    Z3_ast all = Z3_mk_true(z);
    if (k < 0)
        return all;
    char ten[32];
    snprintf(ten, sizeof ten, "1%0*d", k, 0);
    Z3_ast scale = Z3_mk_numeral(z, k ? ten : "1", sc->es[0]->cx->real_s);
    for (int j = 0; j < sc->n; j++) {
        if (sc->slots[j].e->p->facts[sc->slots[j].i].type != VT_NUM)
            continue;
        Z3_ast args[2] = {slot_fact(sc, j)->gval, scale};
        all = enc_and2(z, all, Z3_mk_is_int(z, Z3_mk_mul(z, 2, args)));
    }
    return all;
}

static unsigned timeout_ms = PROVE_TIMEOUT_MS;

void prove_set_timeout(unsigned ms)
{
    timeout_ms = ms;
}

static Z3_params timeout(Z3_context z)
{
    Z3_params ps = Z3_mk_params(z);
    Z3_params_inc_ref(z, ps);
    Z3_params_set_uint(z, ps, Z3_mk_string_symbol(z, "timeout"), timeout_ms);
    return ps;
}

/* Is there a case at all (a plain solver: quick to say no)? */
static enum prove_answer exists(Z3_context z, Z3_ast q, struct prove_case *out)
{
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

/* Dates between 2000 and 2030 where the case allows: a second objective,
 * below the fewest facts, so that a counterexample reads like a case. */
static void nice_dates(const struct scope *sc, Z3_optimize o)
{
    Z3_context z = sc->es[0]->cx->z;
    Z3_sort int_s = sc->es[0]->cx->int_s;
    Z3_ast lo = Z3_mk_int(z, ast_date(2000, 1, 1), int_s);
    Z3_ast hi = Z3_mk_int(z, ast_date(2030, 12, 31), int_s);
    for (int j = 0; j < sc->n; j++) {
        if (sc->slots[j].e->p->facts[sc->slots[j].i].type != VT_DATE)
            continue;
        Z3_ast v = slot_fact(sc, j)->gval;
        Z3_optimize_assert_soft(
            z, o, enc_and2(z, Z3_mk_ge(z, v, lo), Z3_mk_le(z, v, hi)), "1",
            Z3_mk_string_symbol(z, "dates"));
    }
}

/* Numbers of at most k decimals (k < 0: any), and at most most facts
 * given (most < 0: any). */
static Z3_ast bounded(const struct scope *sc, Z3_ast q, int k, int most)
{
    Z3_context z = sc->es[0]->cx->z;
    q = enc_and2(z, q, decimals(sc, k));
    if (most < 0 || sc->n == 0)
        return q;
    Z3_ast *g = xcalloc((size_t)sc->n, sizeof *g);
    for (int j = 0; j < sc->n; j++)
        g[j] = slot_fact(sc, j)->given;
    Z3_ast at_most = Z3_mk_atmost(z, (unsigned)sc->n, g, (unsigned)most);
    free(g);
    return enc_and2(z, q, at_most);
}

/* The case of fewest facts that makes q true: written into out
 * (PROVE_FOUND; *count facts), none, or unknown (a reason in out, or a
 * case whose numbers cannot be written: *count facts, out->text NULL). */
static enum prove_answer fewest(const struct scope *sc, Z3_ast q,
                                const char *id, const char *title,
                                struct prove_case *out, int *count)
{
    Z3_context z = sc->es[0]->cx->z;
    Z3_optimize o = Z3_mk_optimize(z);
    Z3_optimize_inc_ref(z, o);
    Z3_params ps = timeout(z);
    Z3_optimize_set_params(z, o, ps);
    Z3_optimize_assert(z, o, q);
    for (int j = 0; j < sc->n; j++)
        Z3_optimize_assert_soft(z, o, Z3_mk_not(z, slot_fact(sc, j)->given),
                                "1", Z3_mk_string_symbol(z, "facts"));
    nice_dates(sc, o); /* after the fewest facts: dates of our time */
    Z3_lbool r = Z3_optimize_check(z, o, 0, NULL);
    enum prove_answer a = r == Z3_L_FALSE ? PROVE_NONE : PROVE_UNKNOWN;
    if (r == Z3_L_TRUE) {
        Z3_model m = Z3_optimize_get_model(z, o);
        Z3_model_inc_ref(z, m);
        *count = 0;
        for (int j = 0; j < sc->n; j++)
            *count += model_bool(z, m, slot_fact(sc, j)->given);
        if (write_case(sc, m, id, title, out))
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

/* The fewest facts over all numbers (decimals are among them) first;
 * then that many facts with numbers of 0, 2, 6 decimals; then more facts
 * if decimals need them. */
static enum prove_answer find(const struct scope *sc, Z3_ast q, const char *id,
                              const char *title, struct prove_case *out)
{
    enum prove_answer a = exists(sc->es[0]->cx->z, q, out);
    if (a != PROVE_FOUND)
        return a;
    int least = -1, n = 0;
    if (fewest(sc, q, id, title, out, &least) == PROVE_FOUND)
        return PROVE_FOUND;
    static const int digits[] = {0, 2, 6};
    for (int pass = least >= 0 ? 0 : 1; pass < 2; pass++)
        for (size_t i = 0; i < sizeof digits / sizeof *digits; i++) {
            Z3_ast b = bounded(sc, q, digits[i], pass == 0 ? least : -1);
            if (fewest(sc, b, id, title, out, &n) == PROVE_FOUND) {
                free(out->reason);
                out->reason = NULL;
                return PROVE_FOUND;
            }
        }
    if (!out->reason)
        out->reason = strdup(PROVE_NO_DECIMAL);
    return PROVE_UNKNOWN;
}

enum prove_answer prove_find_in(struct enc_plan *const *es, int n, Z3_ast query,
                                const char *id, const char *title,
                                struct prove_case *out)
{
    Z3_context z = es[0]->cx->z;
    *out = (struct prove_case){0};
    struct scope sc;
    scope_init(&sc, es, n);
    Z3_ast q = query;
    for (int k = 0; k < n; k++)
        q = enc_and2(z, q, es[k]->wf);
    enum prove_answer a = find(&sc, q, id, title, out);
    free(sc.slots);
    return a;
}

enum prove_answer prove_find(struct enc_plan *e, Z3_ast query, const char *id,
                             const char *title, struct prove_case *out)
{
    return prove_find_in(&e, 1, query, id, title, out);
}
