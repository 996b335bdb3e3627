#include "prove/enc_int.h"
#include "prove/encode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/date.h"
#include "engine/names.h"
#include "engine/sbuf.h"

/* The context of the encodings: sorts, shared fact variables, texts. */

/* A misuse of the solver's interface is a bug here: said, never a wrong
 * answer. */
static void solver_error(Z3_context z, Z3_error_code e)
{
    fprintf(stderr, "rongcuo: internal error in the solver: %s\n",
            Z3_get_error_msg(z, e));
    abort();
}

struct enc_ctx *enc_ctx_new(void)
{
    struct enc_ctx *cx = xcalloc(1, sizeof *cx);
    Z3_config cfg = Z3_mk_config();
    Z3_set_param_value(cfg, "model", "true");
    cx->z = Z3_mk_context(cfg);
    Z3_del_config(cfg);
    if (!cx->z) {
        free(cx);
        return NULL;
    }
    Z3_set_error_handler(cx->z, solver_error);
    arena_init(&cx->arena);
    Z3_context z = cx->z;
    cx->bool_s = Z3_mk_bool_sort(z);
    cx->int_s = Z3_mk_int_sort(z);
    cx->real_s = Z3_mk_real_sort(z);
    cx->bv_s = Z3_mk_bv_sort(z, 64);
    cx->date_lo = Z3_mk_int(z, ast_date(1, 1, 1), cx->int_s);
    cx->date_hi = Z3_mk_int(z, ast_date(9999, 12, 31), cx->int_s);
    return cx;
}

void enc_ctx_free(struct enc_ctx *cx)
{
    if (!cx)
        return;
    Z3_del_context(cx->z);
    free(cx->texts);
    arena_free(&cx->arena);
    free(cx);
}

Z3_context enc_z3(const struct enc_ctx *cx)
{
    return cx->z;
}

Z3_ast enc_num(struct enc_ctx *cx, struct num x)
{
    struct sbuf b = {0};
    num_print(&b, x); /* 12.5, -3, 1/3: Z3 reads each */
    sb_putc(&b, '\0');
    Z3_ast r;
    char *slash = strchr(b.p, '/');
    if (slash) { /* a fraction: n / d */
        *slash = '\0';
        r = Z3_mk_div(cx->z, Z3_mk_numeral(cx->z, b.p, cx->real_s),
                      Z3_mk_numeral(cx->z, slash + 1, cx->real_s));
    } else {
        r = Z3_mk_numeral(cx->z, b.p, cx->real_s);
    }
    sb_free(&b);
    return r;
}

Z3_ast enc_real(struct enc_ctx *cx, long n)
{
    return Z3_mk_int2real(cx->z, Z3_mk_int64(cx->z, n, cx->int_s));
}

long enc_text_id(struct enc_ctx *cx, const char *s)
{
    for (long i = 0; i < cx->ntexts; i++)
        if (strcmp(cx->texts[i], s) == 0)
            return i;
    if (cx->ntexts == cx->textcap) {
        cx->textcap = cx->textcap ? cx->textcap * 2 : 16;
        cx->texts =
            xrealloc(cx->texts, (size_t)cx->textcap * sizeof *cx->texts);
    }
    cx->texts[cx->ntexts] = arena_strdup(&cx->arena, s);
    return cx->ntexts++;
}

const char *enc_text(const struct enc_ctx *cx, long id)
{
    return id >= 0 && id < cx->ntexts ? cx->texts[id] : NULL;
}

void enc_text_write(const struct enc_ctx *cx, long id, struct sbuf *out)
{
    const char *t = enc_text(cx, id);
    if (t) {
        sb_quoted(out, t);
        return;
    }
    /* another text: "#N", with one # more than any text of cx starts
       with, so that it is none of them */
    size_t hashes = 1;
    for (long i = 0; i < cx->ntexts; i++)
        if (strspn(cx->texts[i], "#") >= hashes)
            hashes = strspn(cx->texts[i], "#") + 1;
    struct sbuf b = {0};
    for (size_t i = 0; i < hashes; i++)
        sb_putc(&b, '#');
    sb_printf(&b, "%ld", id);
    sb_quoted(out, b.p);
    sb_free(&b);
}

/* The type and options of f, as part of its variables' names. */
static void type_key(const struct fact_info *f, struct sbuf *b)
{
    static const char code[] = {
        [VT_BOOL] = 'b', [VT_NUM] = 'n', [VT_TEXT] = 't',
        [VT_DATE] = 'd', [VT_SYM] = 's', [VT_SET] = 'S'};
    sb_putc(b, f->type <= VT_SET ? code[f->type] : '?');
    if (!f->dom)
        return;
    unsigned long long h = 14695981039346656037ULL; /* FNV-1a */
    struct arena a;
    arena_init(&a);
    for (int i = 0; i < f->dom->n; i++)
        for (const char *s = names_fold(&a, f->dom->names[i]);; s++) {
            h = (h ^ (unsigned char)*s) * 1099511628211ULL;
            if (!*s)
                break;
        }
    arena_free(&a);
    sb_printf(b, "%d:%llx", f->dom->n, h);
}

static Z3_sort sort_of(const struct enc_ctx *cx, enum vtype t)
{
    return t == VT_BOOL  ? cx->bool_s
           : t == VT_NUM ? cx->real_s
           : t == VT_SET ? cx->bv_s
                         : cx->int_s;
}

void enc_fact_vars(struct enc_ctx *cx, const struct fact_info *f, Z3_ast *given,
                   Z3_ast *gknown, Z3_ast *gval)
{
    struct sbuf b = {0};
    struct arena a;
    arena_init(&a);
    sb_printf(&b, "g|%s|", names_fold(&a, f->name));
    arena_free(&a);
    type_key(f, &b);
    Z3_context z = cx->z;
    *given = Z3_mk_const(z, Z3_mk_string_symbol(z, b.p), cx->bool_s);
    b.p[0] = 'k';
    *gknown = Z3_mk_const(z, Z3_mk_string_symbol(z, b.p), cx->bool_s);
    b.p[0] = 'v';
    *gval = Z3_mk_const(z, Z3_mk_string_symbol(z, b.p), sort_of(cx, f->type));
    sb_free(&b);
}

Z3_ast enc_fact_domain(struct enc_ctx *cx, const struct fact_info *f,
                       Z3_ast val)
{
    Z3_context z = cx->z;
    switch (f->type) {
    case VT_DATE:
        return enc_and2(z, Z3_mk_ge(z, val, cx->date_lo),
                        Z3_mk_le(z, val, cx->date_hi));
    case VT_SYM:
        return enc_and2(z, Z3_mk_ge(z, val, Z3_mk_int(z, 0, cx->int_s)),
                        Z3_mk_lt(z, val, Z3_mk_int(z, f->dom->n, cx->int_s)));
    case VT_SET: {
        unsigned long long all =
            f->dom->n >= 64 ? ~0ULL : (1ULL << f->dom->n) - 1;
        Z3_ast out = Z3_mk_unsigned_int64(z, ~all, cx->bv_s);
        return Z3_mk_eq(z, Z3_mk_bvand(z, val, out),
                        Z3_mk_unsigned_int64(z, 0, cx->bv_s));
    }
    default:
        return Z3_mk_true(z);
    }
}
