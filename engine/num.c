#include "engine/num.h"

#include <stdio.h>

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

enum num_status num_parse(const char *s, size_t len, struct num *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    int64_t n = 0, d = 1;
    int digits = 0;
    bool dot = false;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '.' && !dot) {
            dot = true;
            continue;
        }
        if (c < '0' || c > '9')
            break;
        digits++;
        if (__builtin_mul_overflow(n, 10, &n) ||
            __builtin_add_overflow(n, c - '0', &n))
            return NUM_OVERFLOW;
        if (dot && __builtin_mul_overflow(d, 10, &d))
            return NUM_OVERFLOW;
    }
    if (digits == 0)
        return NUM_SYNTAX;
    if (digits > 18)
        return NUM_OVERFLOW; /* the documented limit, whatever fits */
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            eneg = s[i++] == '-';
        int e = 0;
        size_t start = i;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            e = e * 10 + (s[i] - '0');
            if (e > 40)
                return NUM_OVERFLOW;
        }
        if (i == start)
            return NUM_SYNTAX;
        for (; e > 0; e--)
            if (__builtin_mul_overflow(eneg ? d : n, 10, eneg ? &d : &n))
                return NUM_OVERFLOW;
    }
    if (i != len)
        return NUM_SYNTAX;
    return make(neg ? -n : n, d, out);
}

enum num_status num_add(struct num a, struct num b, struct num *out)
{
    int64_t g = gcd64(a.d, b.d), x, y, d;
    if (__builtin_mul_overflow(a.n, b.d / g, &x) ||
        __builtin_mul_overflow(b.n, a.d / g, &y) ||
        __builtin_add_overflow(x, y, &x) ||
        __builtin_mul_overflow(a.d / g, b.d, &d))
        return NUM_OVERFLOW;
    return make(x, d, out);
}

enum num_status num_sub(struct num a, struct num b, struct num *out)
{
    return num_add(a, num_neg(b), out);
}

enum num_status num_mul(struct num a, struct num b, struct num *out)
{
    int64_t g1 = gcd64(a.n, b.d), g2 = gcd64(b.n, a.d), n, d;
    if (__builtin_mul_overflow(a.n / g1, b.n / g2, &n) ||
        __builtin_mul_overflow(a.d / g2, b.d / g1, &d))
        return NUM_OVERFLOW;
    return make(n, d, out);
}

enum num_status num_div(struct num a, struct num b, struct num *out)
{
    if (b.n == 0)
        return NUM_DIV_ZERO;
    struct num inv = {b.d, b.n};
    if (inv.d < 0) {
        inv.n = -inv.n;
        inv.d = -inv.d;
    }
    return num_mul(a, inv, out);
}

struct num num_neg(struct num a)
{
    a.n = -a.n;
    return a;
}

int num_cmp(struct num a, struct num b)
{
    /* compare a.n/a.d with b.n/b.d via 128-bit-free long division */
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
    return -num_cmp(ia, ib);
}

int num_format(struct num a, char *buf, size_t size)
{
    int64_t d = a.d;
    int twos = 0, fives = 0;
    while (d % 2 == 0)
        d /= 2, twos++;
    while (d % 5 == 0)
        d /= 5, fives++;
    int scale = twos > fives ? twos : fives;
    int64_t mul = 1;
    bool ok = d == 1 && scale <= 18;
    /* n/(2^twos 5^fives) == n 2^(scale-twos) 5^(scale-fives) / 10^scale */
    for (int i = twos; ok && i < scale; i++)
        ok = !__builtin_mul_overflow(mul, 2, &mul);
    for (int i = fives; ok && i < scale; i++)
        ok = !__builtin_mul_overflow(mul, 5, &mul);
    int64_t n;
    if (!ok || __builtin_mul_overflow(a.n, mul, &n))
        return snprintf(buf, size, "%lld/%lld", (long long)a.n, (long long)a.d);
    /* n / 10^scale, exactly */
    bool neg = n < 0;
    unsigned long long u =
        neg ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    char digits[32];
    int k = snprintf(digits, sizeof digits, "%llu", u);
    char tmp[48];
    int p = 0;
    if (neg)
        tmp[p++] = '-';
    if (scale == 0) {
        p += snprintf(tmp + p, sizeof tmp - (size_t)p, "%s", digits);
    } else {
        if (k <= scale) {
            tmp[p++] = '0';
            tmp[p++] = '.';
            for (int z = 0; z < scale - k; z++)
                tmp[p++] = '0';
            for (int z = 0; z < k; z++)
                tmp[p++] = digits[z];
        } else {
            for (int z = 0; z < k - scale; z++)
                tmp[p++] = digits[z];
            tmp[p++] = '.';
            for (int z = k - scale; z < k; z++)
                tmp[p++] = digits[z];
        }
        tmp[p] = '\0';
    }
    return snprintf(buf, size, "%s", tmp);
}
