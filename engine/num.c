#include "engine/num.h"

#include <gmp.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/limits.h"
#include "engine/sbuf.h"

/*
 * Two forms (num.h): the small one is the whole work of ordinary cases
 * and never allocates; the big one is reached only when a 64-bit step
 * overflows, and goes through GMP rationals. Big work runs under
 * arena_protect, so that running out of memory in an arena frees GMP's
 * temporaries before it goes on to the caller's recovery point.
 */

_Static_assert(sizeof(intptr_t) <= sizeof(int64_t),
               "a big value's address fits in struct num");

struct num_big { /* a big value's magnitude: numerator, then denominator */
    mp_size_t nn, nd;
    mp_limb_t limb[];
};

bool num_is_big(struct num x)
{
    return x.d <= 0;
}

static const struct num_big *big_of(struct num x)
{
    return (const struct num_big *)(intptr_t)x.n;
}

struct num num_keep(struct num x)
{
    if (!num_is_big(x))
        return x;
    const struct num_big *b = big_of(x);
    size_t size = sizeof *b + (size_t)(b->nn + b->nd) * sizeof(mp_limb_t);
    struct num_big *copy = xmalloc(size);
    memcpy(copy, b, size);
    x.n = (int64_t)(intptr_t)copy;
    return x;
}

void num_release(struct num x)
{
    if (num_is_big(x))
        free((void *)(intptr_t)x.n);
}

/* ---- the small form ---- */

static int64_t gcd64(int64_t a, int64_t b)
{
    if (a < 0)
        a = -a;
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a ? a : 1;
}

static enum num_status make(int64_t n, int64_t d, struct num *out)
{
    if (d == 0)
        return NUM_DIV_ZERO;
    if (n == INT64_MIN || d == INT64_MIN)
        return NUM_OVERFLOW;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    int64_t g = gcd64(n, d);
    out->n = n / g;
    out->d = d / g;
    return NUM_OK;
}

static enum num_status small_add(struct num a, struct num b, struct num *out)
{
    int64_t g = gcd64(a.d, b.d), x, y, d;
    if (__builtin_mul_overflow(a.n, b.d / g, &x) ||
        __builtin_mul_overflow(b.n, a.d / g, &y) ||
        __builtin_add_overflow(x, y, &x) ||
        __builtin_mul_overflow(a.d / g, b.d, &d))
        return NUM_OVERFLOW;
    return make(x, d, out);
}

static enum num_status small_mul(struct num a, struct num b, struct num *out)
{
    int64_t g1 = gcd64(a.n, b.d), g2 = gcd64(b.n, a.d), n, d;
    if (__builtin_mul_overflow(a.n / g1, b.n / g2, &n) ||
        __builtin_mul_overflow(a.d / g2, b.d / g1, &d))
        return NUM_OVERFLOW;
    return make(n, d, out);
}

static int small_cmp(struct num a, struct num b)
{
    if (a.d == b.d)
        return (a.n > b.n) - (a.n < b.n);
    int64_t x, y;
    if (!__builtin_mul_overflow(a.n, b.d, &x) &&
        !__builtin_mul_overflow(b.n, a.d, &y))
        return (x > y) - (x < y);
    /* overflow: compare integer parts, then the remainders recursively */
    int64_t qa = a.n / a.d, qb = b.n / b.d;
    if (a.n % a.d < 0)
        qa--;
    if (b.n % b.d < 0)
        qb--;
    if (qa != qb)
        return (qa > qb) - (qa < qb);
    struct num ra = {a.n - qa * a.d, a.d}, rb = {b.n - qb * b.d, b.d};
    /* ra, rb in [0,1): compare inverted fractions, reversed */
    if (ra.n == 0 || rb.n == 0)
        return (ra.n > 0) - (rb.n > 0);
    struct num ia = {ra.d, ra.n}, ib = {rb.d, rb.n};
    return -small_cmp(ia, ib);
}

/* ---- between the forms ---- */

static void z_set64(mpz_ptr z, int64_t v)
{
#if LONG_MAX >= INT64_MAX
    mpz_set_si(z, (long)v);
#else
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    mpz_import(z, 1, -1, sizeof u, 0, 0, &u);
    if (v < 0)
        mpz_neg(z, z);
#endif
}

/* z, known to have at most 63 bits, as an int64_t. */
static int64_t z_get64(mpz_srcptr z)
{
#if LONG_MAX >= INT64_MAX
    return (int64_t)mpz_get_si(z);
#else
    uint64_t u = 0;
    mpz_export(&u, NULL, -1, sizeof u, 0, 0, z);
    return mpz_sgn(z) < 0 ? -(int64_t)u : (int64_t)u;
#endif
}

/* q (initialised) = x. */
static void load(mpq_ptr q, struct num x)
{
    if (!num_is_big(x)) {
        z_set64(mpq_numref(q), x.n);
        z_set64(mpq_denref(q), x.d);
        return;
    }
    const struct num_big *b = big_of(x);
    mpz_t t;
    mpz_set(mpq_numref(q), mpz_roinit_n(t, b->limb, b->nn));
    mpz_set(mpq_denref(q), mpz_roinit_n(t, b->limb + b->nn, b->nd));
    if (x.d < 0)
        mpz_neg(mpq_numref(q), mpq_numref(q));
}

/* *out = q (canonical), small when it fits, else copied into arena a;
 * NUM_OVERFLOW past LIMIT_NUM_BITS. Under arena_protect. */
static enum num_status store(struct arena *a, mpq_srcptr q, struct num *out)
{
    mpz_srcptr n = mpq_numref(q), d = mpq_denref(q);
    size_t nbits = mpz_sizeinbase(n, 2), dbits = mpz_sizeinbase(d, 2);
    if (nbits > LIMIT_NUM_BITS || dbits > LIMIT_NUM_BITS)
        return NUM_OVERFLOW;
    if (nbits <= 63 && dbits <= 63) {
        out->n = z_get64(n);
        out->d = z_get64(d);
        return NUM_OK;
    }
    size_t nn = mpz_size(n), nd = mpz_size(d);
    struct num_big *b =
        arena_alloc(a, sizeof *b + (nn + nd) * sizeof(mp_limb_t));
    b->nn = (mp_size_t)nn;
    b->nd = (mp_size_t)nd;
    memcpy(b->limb, mpz_limbs_read(n), nn * sizeof(mp_limb_t));
    memcpy(b->limb + nn, mpz_limbs_read(d), nd * sizeof(mp_limb_t));
    out->n = (int64_t)(intptr_t)b;
    out->d = mpz_sgn(n) < 0 ? -1 : 0;
    return NUM_OK;
}

/* ---- the big form ---- */

enum big_op { B_PARSE, B_ADD, B_SUB, B_MUL, B_DIV, B_PRINT, B_PRINT_JSON };

struct big_job {
    enum big_op op;
    struct arena *a;
    struct num x, y;
    const char *digits; /* B_PARSE: the digits, no point */
    long scale;         /* B_PARSE: the value is digits / 10^scale */
    bool neg;           /* B_PARSE */
    struct num *out;
    struct sbuf *sb; /* B_PRINT, B_PRINT_JSON */
    enum num_status st;
    mpq_t qx, qy, qr;
    char *text; /* B_PRINT: a buffer, freed after */
};

static void big_parse(struct big_job *j)
{
    mpz_ptr n = mpq_numref(j->qr), d = mpq_denref(j->qr);
    mpz_set_str(n, j->digits, 10);
    if (j->scale > 0)
        mpz_ui_pow_ui(d, 10, (unsigned long)j->scale);
    else {
        mpz_ui_pow_ui(mpq_numref(j->qx), 10, (unsigned long)-j->scale);
        mpz_mul(n, n, mpq_numref(j->qx));
    }
    if (j->neg)
        mpz_neg(n, n);
    mpq_canonicalize(j->qr);
    j->st = store(j->a, j->qr, j->out);
}

static void big_arith(struct big_job *j)
{
    load(j->qx, j->x);
    load(j->qy, j->y);
    switch (j->op) {
    case B_ADD:
        mpq_add(j->qr, j->qx, j->qy);
        break;
    case B_SUB:
        mpq_sub(j->qr, j->qx, j->qy);
        break;
    case B_MUL:
        mpq_mul(j->qr, j->qx, j->qy);
        break;
    default:
        if (mpq_sgn(j->qy) == 0) {
            j->st = NUM_DIV_ZERO;
            return;
        }
        mpq_div(j->qr, j->qx, j->qy);
        break;
    }
    j->st = store(j->a, j->qr, j->out);
}

/* Append [-]digits[0..k) with a point before the last scale of them. */
static void put_decimal(struct sbuf *sb, bool neg, const char *digits, size_t k,
                        size_t scale)
{
    if (neg)
        sb_putc(sb, '-');
    if (scale == 0) {
        sb_put(sb, digits, k);
    } else if (k <= scale) {
        sb_put(sb, "0.", 2);
        for (size_t z = k; z < scale; z++)
            sb_putc(sb, '0');
        sb_put(sb, digits, k);
    } else {
        sb_put(sb, digits, k - scale);
        sb_putc(sb, '.');
        sb_put(sb, digits + k - scale, scale);
    }
}

/* Append the fraction text: "n/d", a JSON string in JSON. */
static void put_fraction(struct sbuf *sb, const char *text, bool json)
{
    if (json)
        sb_json(sb, text);
    else
        sb_puts(sb, text);
}

/* x = n/d: rest = d without its factors 2 and 5, which it counts. */
static void strip25(mpz_ptr rest, mpz_srcptr d, mp_bitcnt_t *twos,
                    mp_bitcnt_t *fives, mpz_ptr five)
{
    *twos = mpz_scan1(d, 0);
    mpz_tdiv_q_2exp(rest, d, *twos);
    mpz_set_ui(five, 5);
    *fives = mpz_remove(rest, rest, five);
}

static void big_print(struct big_job *j)
{
    load(j->qx, j->x);
    mpz_ptr n = mpq_numref(j->qx), d = mpq_denref(j->qx);
    mpz_ptr rest = mpq_numref(j->qy), mul = mpq_denref(j->qy);
    mp_bitcnt_t twos, fives;
    strip25(rest, d, &twos, &fives, mpq_numref(j->qr));
    if (mpz_cmp_ui(rest, 1) != 0) { /* no finite decimal: n/d */
        j->text = xmalloc(mpz_sizeinbase(n, 10) + mpz_sizeinbase(d, 10) + 4);
        mpz_get_str(j->text, 10, n);
        size_t k = strlen(j->text);
        j->text[k] = '/';
        mpz_get_str(j->text + k + 1, 10, d);
        put_fraction(j->sb, j->text, j->op == B_PRINT_JSON);
        return;
    }
    /* n / (2^twos 5^fives) == n 2^(scale-twos) 5^(scale-fives) / 10^scale */
    mp_bitcnt_t scale = twos > fives ? twos : fives;
    mpz_ui_pow_ui(mul, 5, scale - fives);
    mpz_mul_2exp(mul, mul, scale - twos);
    mpz_mul(rest, n, mul);
    mpz_abs(rest, rest);
    j->text = xmalloc(mpz_sizeinbase(rest, 10) + 2);
    mpz_get_str(j->text, 10, rest);
    put_decimal(j->sb, mpz_sgn(n) < 0, j->text, strlen(j->text), scale);
}

static void big_run(void *ud)
{
    struct big_job *j = ud;
    switch (j->op) {
    case B_PARSE:
        big_parse(j);
        break;
    case B_PRINT:
    case B_PRINT_JSON:
        big_print(j);
        break;
    default:
        big_arith(j);
        break;
    }
}

/* Run job j with its GMP variables; they and its buffer are freed also
 * when memory runs out, which then goes on to the caller's recovery
 * point. */
static enum num_status big(struct big_job *j)
{
    mpq_inits(j->qx, j->qy, j->qr, (mpq_ptr)NULL);
    j->text = NULL;
    j->st = NUM_OK;
    int rc = arena_protect(big_run, j);
    mpq_clears(j->qx, j->qy, j->qr, (mpq_ptr)NULL);
    free(j->text);
    if (rc != 0)
        arena_oom();
    return j->st;
}

static enum num_status arith(struct arena *a, enum big_op op, struct num x,
                             struct num y, struct num *out)
{
    struct big_job j = {.op = op, .a = a, .x = x, .y = y, .out = out};
    return big(&j);
}

/* ---- the interface ---- */

enum num_status num_add(struct arena *a, struct num x, struct num y,
                        struct num *out)
{
    if (!num_is_big(x) && !num_is_big(y)) {
        enum num_status st = small_add(x, y, out);
        if (st != NUM_OVERFLOW)
            return st;
    }
    return arith(a, B_ADD, x, y, out);
}

enum num_status num_sub(struct arena *a, struct num x, struct num y,
                        struct num *out)
{
    if (!num_is_big(x) && !num_is_big(y)) {
        enum num_status st = small_add(x, num_neg(y), out);
        if (st != NUM_OVERFLOW)
            return st;
    }
    return arith(a, B_SUB, x, y, out);
}

enum num_status num_mul(struct arena *a, struct num x, struct num y,
                        struct num *out)
{
    if (!num_is_big(x) && !num_is_big(y)) {
        enum num_status st = small_mul(x, y, out);
        if (st != NUM_OVERFLOW)
            return st;
    }
    return arith(a, B_MUL, x, y, out);
}

enum num_status num_div(struct arena *a, struct num x, struct num y,
                        struct num *out)
{
    if (!num_is_big(y) && y.n == 0)
        return NUM_DIV_ZERO;
    if (!num_is_big(x) && !num_is_big(y)) {
        struct num inv = {y.d, y.n};
        if (inv.d < 0) {
            inv.n = -inv.n;
            inv.d = -inv.d;
        }
        enum num_status st = small_mul(x, inv, out);
        if (st != NUM_OVERFLOW)
            return st;
    }
    return arith(a, B_DIV, x, y, out);
}

struct num num_neg(struct num x)
{
    if (num_is_big(x))
        x.d = x.d == 0 ? -1 : 0;
    else
        x.n = -x.n;
    return x;
}

int num_cmp(struct num x, struct num y)
{
    if (!num_is_big(x) && !num_is_big(y))
        return small_cmp(x, y);
    mpq_t qx, qy;
    mpq_inits(qx, qy, (mpq_ptr)NULL);
    load(qx, x);
    load(qy, y);
    int c = mpq_cmp(qx, qy);
    mpq_clears(qx, qy, (mpq_ptr)NULL);
    return (c > 0) - (c < 0);
}

bool num_is_decimal(struct num x)
{
    if (!num_is_big(x)) {
        int64_t d = x.d;
        while (d % 2 == 0)
            d /= 2;
        while (d % 5 == 0)
            d /= 5;
        return d == 1;
    }
    const struct num_big *b = big_of(x);
    mpz_t d, rest, five;
    mpz_roinit_n(d, b->limb + b->nn, b->nd);
    mpz_inits(rest, five, (mpz_ptr)NULL);
    mp_bitcnt_t twos, fives;
    strip25(rest, d, &twos, &fives, five);
    bool one = mpz_cmp_ui(rest, 1) == 0;
    mpz_clears(rest, five, (mpz_ptr)NULL);
    return one;
}

/* Append the small x; false when its decimal does not fit 64 bits. */
static bool small_print(struct sbuf *sb, struct num x, bool json)
{
    int64_t d = x.d;
    int twos = 0, fives = 0;
    while (d % 2 == 0)
        d /= 2, twos++;
    while (d % 5 == 0)
        d /= 5, fives++;
    if (d != 1) {
        char buf[48];
        snprintf(buf, sizeof buf, "%lld/%lld", (long long)x.n, (long long)x.d);
        put_fraction(sb, buf, json);
        return true;
    }
    int scale = twos > fives ? twos : fives;
    int64_t mul = 1, n;
    bool ok = true;
    /* n/(2^twos 5^fives) == n 2^(scale-twos) 5^(scale-fives) / 10^scale */
    for (int i = twos; ok && i < scale; i++)
        ok = !__builtin_mul_overflow(mul, 2, &mul);
    for (int i = fives; ok && i < scale; i++)
        ok = !__builtin_mul_overflow(mul, 5, &mul);
    if (!ok || __builtin_mul_overflow(x.n, mul, &n))
        return false;
    unsigned long long u =
        n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    char digits[32];
    int k = snprintf(digits, sizeof digits, "%llu", u);
    put_decimal(sb, n < 0, digits, (size_t)k, (size_t)scale);
    return true;
}

static void print(struct sbuf *out, struct num x, bool json)
{
    if (!num_is_big(x) && small_print(out, x, json))
        return;
    struct big_job j = {.op = json ? B_PRINT_JSON : B_PRINT, .x = x, .sb = out};
    big(&j);
}

void num_print(struct sbuf *out, struct num x)
{
    print(out, x, false);
}

void num_print_json(struct sbuf *out, struct num x)
{
    print(out, x, true);
}

/* ---- reading ---- */

struct lit { /* a number as written */
    bool neg;
    size_t from, to;     /* the digits and the point */
    size_t digits, frac; /* how many digits, how many after the point */
    long exp;
};

static enum num_status scan_exp(const char *s, size_t len, size_t *i,
                                struct lit *l)
{
    bool neg = false;
    if (*i < len && (s[*i] == '-' || s[*i] == '+'))
        neg = s[(*i)++] == '-';
    size_t start = *i;
    for (; *i < len && s[*i] >= '0' && s[*i] <= '9'; (*i)++)
        if (l->exp <= LIMIT_NUM_EXPONENT) /* more is too large anyway */
            l->exp = l->exp * 10 + (s[*i] - '0');
    if (*i == start)
        return NUM_SYNTAX;
    if (neg)
        l->exp = -l->exp;
    return NUM_OK;
}

static enum num_status scan(const char *s, size_t len, struct lit *l)
{
    size_t i = 0;
    memset(l, 0, sizeof *l);
    if (i < len && (s[i] == '-' || s[i] == '+'))
        l->neg = s[i++] == '-';
    l->from = i;
    bool dot = false;
    for (; i < len; i++) {
        if (s[i] == '.' && !dot) {
            dot = true;
            continue;
        }
        if (s[i] < '0' || s[i] > '9')
            break;
        l->digits++;
        l->frac += dot;
    }
    l->to = i;
    if (l->digits == 0)
        return NUM_SYNTAX;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (scan_exp(s, len, &i, l) != NUM_OK)
            return NUM_SYNTAX;
    }
    if (i != len)
        return NUM_SYNTAX;
    if (l->digits > LIMIT_NUM_DIGITS || l->exp > LIMIT_NUM_EXPONENT ||
        l->exp < -LIMIT_NUM_EXPONENT)
        return NUM_OVERFLOW;
    return NUM_OK;
}

/* The written number in 64 bits, or NUM_OVERFLOW. */
static enum num_status small_parse(const char *s, const struct lit *l,
                                   struct num *out)
{
    int64_t n = 0, d = 1;
    for (size_t i = l->from; i < l->to; i++)
        if (s[i] != '.' && (__builtin_mul_overflow(n, 10, &n) ||
                            __builtin_add_overflow(n, s[i] - '0', &n)))
            return NUM_OVERFLOW;
    for (size_t i = 0; i < l->frac; i++)
        if (__builtin_mul_overflow(d, 10, &d))
            return NUM_OVERFLOW;
    for (long e = l->exp; e > 0; e--)
        if (__builtin_mul_overflow(n, 10, &n))
            return NUM_OVERFLOW;
    for (long e = l->exp; e < 0; e++)
        if (__builtin_mul_overflow(d, 10, &d))
            return NUM_OVERFLOW;
    return make(l->neg ? -n : n, d, out);
}

enum num_status num_parse(struct arena *a, const char *s, size_t len,
                          struct num *out)
{
    struct lit l;
    enum num_status st = scan(s, len, &l);
    if (st != NUM_OK)
        return st;
    if (small_parse(s, &l, out) == NUM_OK)
        return NUM_OK;
    char digits[LIMIT_NUM_DIGITS + 1];
    size_t k = 0;
    for (size_t i = l.from; i < l.to; i++)
        if (s[i] != '.')
            digits[k++] = s[i];
    digits[k] = '\0';
    struct big_job j = {.op = B_PARSE,
                        .a = a,
                        .digits = digits,
                        .scale = (long)l.frac - l.exp,
                        .neg = l.neg,
                        .out = out};
    return big(&j);
}
