/* Exact decimals of any size (engine/num.h, LANGUAGE.md §8 "Numbers"). */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/limits.h"
#include "engine/num.h"
#include "engine/sbuf.h"

static struct arena A; /* where big values live; per test */

static int setup(void **state)
{
    (void)state;
    arena_init(&A);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    arena_free(&A);
    return 0;
}

static struct num parse(const char *s)
{
    struct num n = {0, 0};
    assert_int_equal(num_parse(&A, s, strlen(s), &n), NUM_OK);
    return n;
}

static enum num_status parse_st(const char *s)
{
    struct num n = {7, 7};
    enum num_status st = num_parse(&A, s, strlen(s), &n);
    if (st != NUM_OK)
        assert_true(n.n == 7 && n.d == 7); /* nothing half-written */
    return st;
}

static void assert_num(struct num n, int64_t num, int64_t den)
{
    assert_true(n.n == num);
    assert_true(n.d == den);
}

static void assert_format(struct num n, const char *want)
{
    struct sbuf b = {0};
    num_print(&b, n);
    assert_string_equal(b.p, want);
    sb_free(&b);
}

static void assert_json(struct num n, const char *want)
{
    struct sbuf b = {0};
    num_print_json(&b, n);
    assert_string_equal(b.p, want);
    sb_free(&b);
}

/* x op y as text */
static void assert_op(enum num_status (*op)(struct arena *, struct num,
                                            struct num, struct num *),
                      const char *x, const char *y, const char *want)
{
    struct num out = {0, 1};
    assert_int_equal(op(&A, parse(x), parse(y), &out), NUM_OK);
    assert_format(out, want);
}

static void test_num_point_one_plus_point_two(void **state)
{
    (void)state;
    struct num sum;
    assert_int_equal(num_add(&A, parse("0.1"), parse("0.2"), &sum), NUM_OK);
    assert_num(sum, 3, 10);
    assert_int_equal(num_cmp(sum, parse("0.3")), 0);
    assert_format(sum, "0.3");
    /* and back: 0.3 - 0.1 == 0.2 */
    struct num diff;
    assert_int_equal(num_sub(&A, parse("0.3"), parse("0.1"), &diff), NUM_OK);
    assert_int_equal(num_cmp(diff, parse("0.2")), 0);
}

static void test_num_trailing_zeros_equal(void **state)
{
    (void)state;
    struct num a = parse("12.5"), b = parse("12.50"), c = parse("12.500");
    assert_num(a, 25, 2);
    assert_num(b, 25, 2);
    assert_num(c, 25, 2);
    assert_int_equal(num_cmp(a, b), 0);
    assert_int_equal(num_cmp(parse("0.00"), parse("0")), 0);
    assert_num(parse("0.00"), 0, 1);
    assert_num(parse("-0"), 0, 1);
}

static void test_num_parse_json_forms(void **state)
{
    (void)state;
    assert_num(parse("1e3"), 1000, 1);
    assert_num(parse("1E3"), 1000, 1);
    assert_num(parse("1e+3"), 1000, 1);
    assert_num(parse("-0.5"), -1, 2);
    assert_num(parse("1E-2"), 1, 100);
    assert_num(parse("2.5e1"), 25, 1);
    assert_num(parse("12.5e-1"), 5, 4);
    assert_num(parse("-3"), -3, 1);
    assert_num(parse("0"), 0, 1);
    assert_num(parse("1234567.89"), 123456789, 100);
}

static void test_num_parse_rejects_syntax(void **state)
{
    (void)state;
    static const char *const bad[] = {"",      "-",   ".",   "abc", "1e", "1e+",
                                      "1.2.3", "12a", "1 2", "--1", "e5"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        enum num_status st = parse_st(bad[i]);
        if (st != NUM_SYNTAX)
            fail_msg("num_parse(\"%s\") gave %d, want NUM_SYNTAX", bad[i],
                     (int)st);
    }
}

static struct num one_of(void)
{
    return (struct num){1, 1};
}

static void test_num_parse_past_64_bits(void **state)
{
    (void)state;
    /* 18 digits and less stay small, as before */
    struct num n = parse("999999999999999999");
    assert_num(n, 999999999999999999LL, 1);
    assert_false(num_is_big(n));
    assert_num(parse("1e18"), 1000000000000000000LL, 1);
    assert_num(parse("9223372036854775807"), INT64_MAX, 1);
    assert_num(parse("-9223372036854775807"), -INT64_MAX, 1);
    /* past 64 bits: exact, and printed back as written */
    static const char *const big[] = {
        "9223372036854775808", "-9223372036854775808", "99999999999999999999",
        "0.1234567890123456789",
        "-123456789012345678901234567890.123456789012345678901234567891"};
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
        n = parse(big[i]);
        assert_true(num_is_big(n));
        assert_format(n, big[i]);
    }
    assert_format(parse("1e19"), "10000000000000000000");
    assert_format(parse("1e-30"), "0.000000000000000000000000000001");
    assert_format(parse("-2.5E-20"), "-0.000000000000000000025");
    assert_format(parse("1e40"), "1"
                                 "0000000000"
                                 "0000000000"
                                 "0000000000"
                                 "0000000000");
    /* 1000.0 == 1e3 whatever the form it was read in */
    assert_int_equal(num_cmp(parse("1e3"), parse("1000.0")), 0);
}

static void test_num_parse_limits(void **state)
{
    (void)state;
    /* LIMIT_NUM_DIGITS digits parse, one more is refused */
    char text[LIMIT_NUM_DIGITS + 8];
    memset(text, '9', LIMIT_NUM_DIGITS);
    text[LIMIT_NUM_DIGITS] = '\0';
    struct num n = parse(text);
    assert_true(num_is_big(n));
    assert_format(n, text);
    text[LIMIT_NUM_DIGITS] = '9';
    text[LIMIT_NUM_DIGITS + 1] = '\0';
    assert_int_equal(parse_st(text), NUM_OVERFLOW);
    /* leading zeros and fraction digits count too: "0." and 999 nines
       are 1000 digits, one more nine is too many */
    text[0] = '0';
    text[1] = '.';
    text[LIMIT_NUM_DIGITS + 1] = '\0';
    assert_int_equal(parse_st(text), NUM_OK);
    text[LIMIT_NUM_DIGITS + 1] = '9';
    text[LIMIT_NUM_DIGITS + 2] = '\0';
    assert_int_equal(parse_st(text), NUM_OVERFLOW);
    /* the exponent: at most LIMIT_NUM_EXPONENT either way */
    assert_int_equal(parse_st("1e1000"), NUM_OK);
    assert_int_equal(parse_st("1e-1000"), NUM_OK);
    assert_int_equal(parse_st("1e1001"), NUM_OVERFLOW);
    assert_int_equal(parse_st("1e-1001"), NUM_OVERFLOW);
    assert_int_equal(parse_st("0e99999999999999999999999"), NUM_OVERFLOW);
    assert_int_equal(parse_st("1e99999999999999999999x"), NUM_SYNTAX);
}

static void test_num_arith_past_64_bits(void **state)
{
    (void)state;
    struct num max = {INT64_MAX, 1}, one = {1, 1}, two = {2, 1};
    struct num out = {42, 1}, back;
    assert_int_equal(num_add(&A, max, one, &out), NUM_OK);
    assert_true(num_is_big(out));
    assert_format(out, "9223372036854775808");
    /* and back into 64 bits: small again, the same value as before */
    assert_int_equal(num_sub(&A, out, one, &back), NUM_OK);
    assert_num(back, INT64_MAX, 1);
    assert_int_equal(num_mul(&A, max, two, &out), NUM_OK);
    assert_format(out, "18446744073709551614");
    assert_int_equal(num_div(&A, out, two, &back), NUM_OK);
    assert_num(back, INT64_MAX, 1);
    /* -INT64_MAX - 1 is INT64_MIN: big, so that it can be negated */
    struct num min1 = {-INT64_MAX, 1};
    assert_int_equal(num_sub(&A, min1, one, &out), NUM_OK);
    assert_true(num_is_big(out));
    assert_format(out, "-9223372036854775808");
    assert_format(num_neg(out), "9223372036854775808");
    assert_int_equal(num_add(&A, out, one, &back), NUM_OK);
    assert_num(back, -INT64_MAX, 1);
    /* denominators too: 1/3e9 * 1/4e9 */
    struct num a = {1, 3000000000LL}, b = {1, 4000000000LL};
    assert_int_equal(num_mul(&A, a, b, &out), NUM_OK);
    assert_format(out, "1/12000000000000000000");
    assert_int_equal(num_mul(&A, out, (struct num){12000000000LL, 1}, &back),
                     NUM_OK);
    assert_num(back, 1, 1000000000);
    /* large but in range still works, reduced, without the big form */
    assert_int_equal(num_add(&A, max, (struct num){-1, 1}, &out), NUM_OK);
    assert_num(out, INT64_MAX - 1, 1);
    assert_op(num_mul, "123456789012345678901234567890", "1e-20",
              "1234567890.1234567890123456789");
    assert_op(num_sub, "0.1234567890123456789", "0.1234567890123456788",
              "0.0000000000000000001");
    assert_op(num_div, "1", "300000000000000000000", "1/300000000000000000000");
    assert_op(num_div, "99999999999999999999", "-99999999999999999999", "-1");
}

/* The example: x / y + z / w > 0.39, with money amounts. */
static void test_num_money_ratios(void **state)
{
    (void)state;
    struct num x = parse("123456789.01"), y = parse("987654321.07"),
               z = parse("2345678.91"), w = parse("8765432.13"), q1, q2, sum;
    assert_int_equal(num_div(&A, x, y, &q1), NUM_OK);
    assert_int_equal(num_div(&A, z, w, &q2), NUM_OK);
    assert_int_equal(num_add(&A, q1, q2, &sum), NUM_OK);
    assert_true(num_is_big(sum));
    assert_format(sum, "11329573387863841750/28857389730801046597");
    assert_int_equal(num_cmp(sum, parse("0.39")), 1);
    assert_int_equal(num_cmp(sum, parse("0.392605620035383")), 1);
    assert_int_equal(num_cmp(sum, parse("0.3926056200353831")), -1);
    /* exact: (x/y + z/w - z/w) * y == x */
    struct num t;
    assert_int_equal(num_sub(&A, sum, q2, &t), NUM_OK);
    assert_int_equal(num_mul(&A, t, y, &t), NUM_OK);
    assert_int_equal(num_cmp(t, x), 0);
    assert_num(t, 12345678901LL, 100);
}

static void test_num_result_limit(void **state)
{
    (void)state;
    /* 10^1000 has 3322 bits: squaring it 3 times stays in LIMIT_NUM_BITS,
       a 4th time is too large; nothing is rounded, out is untouched */
    struct num x = parse("1e1000"), out;
    for (int i = 0; i < 3; i++)
        assert_int_equal(num_mul(&A, x, x, &x), NUM_OK);
    out = (struct num){42, 1};
    assert_int_equal(num_mul(&A, x, x, &out), NUM_OVERFLOW);
    assert_num(out, 42, 1);
    /* the same for a denominator */
    struct num inv;
    assert_int_equal(num_div(&A, one_of(), x, &inv), NUM_OK);
    assert_int_equal(num_mul(&A, inv, inv, &out), NUM_OVERFLOW);
    assert_num(out, 42, 1);
    /* a sum's denominator: 1/p + 1/q with coprime p, q near the limit */
    assert_int_equal(num_add(&A, inv, one_of(), &out), NUM_OK);
    assert_int_equal(num_add(&A, inv, (struct num){1, 3}, &out), NUM_OK);
    assert_int_equal(num_cmp(out, (struct num){1, 3}), 1);
    /* division by zero is that, for big values too */
    out = (struct num){42, 1};
    assert_int_equal(num_div(&A, x, (struct num){0, 1}, &out), NUM_DIV_ZERO);
    assert_num(out, 42, 1);
}

static void test_num_division(void **state)
{
    (void)state;
    struct num out = {5, 1};
    assert_int_equal(num_div(&A, (struct num){1, 1}, (struct num){0, 1}, &out),
                     NUM_DIV_ZERO);
    assert_int_equal(num_div(&A, (struct num){0, 1}, (struct num){0, 1}, &out),
                     NUM_DIV_ZERO);
    assert_true(out.n == 5 && out.d == 1);
    assert_int_equal(num_div(&A, (struct num){1, 1}, (struct num){3, 1}, &out),
                     NUM_OK);
    assert_num(out, 1, 3);
    /* dividing by a negative keeps the denominator positive */
    assert_int_equal(num_div(&A, (struct num){1, 2}, (struct num){-3, 4}, &out),
                     NUM_OK);
    assert_num(out, -2, 3);
    /* 1/3 * 3 == 1, exactly */
    struct num back;
    assert_int_equal(num_mul(&A, out, (struct num){-3, 2}, &back), NUM_OK);
    assert_num(back, 1, 1);
}

static void test_num_cmp_small(void **state)
{
    (void)state;
    assert_int_equal(num_cmp(parse("1"), parse("2")), -1);
    assert_int_equal(num_cmp(parse("2"), parse("1")), 1);
    assert_int_equal(num_cmp(parse("-0.5"), parse("0.25")), -1);
    assert_int_equal(num_cmp(parse("0.3333"), (struct num){1, 3}), -1);
    assert_int_equal(num_cmp((struct num){2, 3}, parse("0.6666")), 1);
}

static void test_num_cmp_large(void **state)
{
    (void)state;
    const int64_t M = INT64_MAX;
    /* a.n * b.d overflows: the comparison must still be exact */
    struct num a = {M, 2}, b = {M - 1, 3};
    assert_int_equal(num_cmp(a, b), 1);
    assert_int_equal(num_cmp(b, a), -1);
    /* 1 + 1/(M-1) < 1 + 1/(M-2): equal integer parts */
    struct num c = {M, M - 1}, d = {M - 1, M - 2};
    assert_int_equal(num_cmp(c, d), -1);
    assert_int_equal(num_cmp(d, c), 1);
    assert_int_equal(num_cmp(c, c), 0);
    /* negative: -M/2 < -(M-2)/3 */
    struct num e = {-M, 2}, g = {-(M - 2), 3};
    assert_int_equal(num_cmp(e, g), -1);
    assert_int_equal(num_cmp(g, e), 1);
    /* a large fraction against a large integer */
    struct num big = {M - 1, 1}, frac = {M, 1000};
    assert_int_equal(num_cmp(big, frac), 1);
    assert_int_equal(num_cmp(frac, big), -1);
    /* a large negative against a small positive */
    assert_int_equal(num_cmp((struct num){-M, 7}, (struct num){1, M}), -1);
}

static void test_num_format(void **state)
{
    (void)state;
    assert_format(parse("12.5"), "12.5");
    assert_format(parse("12.50"), "12.5");
    assert_format(parse("0.05"), "0.05");
    assert_format(parse("-3"), "-3");
    assert_format(parse("-0.5"), "-0.5");
    assert_format(parse("0"), "0");
    assert_format(parse("1e3"), "1000");
    assert_format((struct num){1, 3}, "1/3");
    assert_format((struct num){-2, 3}, "-2/3");
    assert_format((struct num){1, 1024}, "0.0009765625");
    assert_format((struct num){INT64_MAX, 1}, "9223372036854775807");
    /* a decimal whenever there is one, also past 64 bits of scale */
    assert_format((struct num){1, INT64_C(1) << 62},
                  "0.0000000000000000002168404344971008868014905601739883422"
                  "8515625");
    assert_format((struct num){-3, INT64_C(5000000000000000000)},
                  "-0.0000000000000000006");
    assert_format((struct num){INT64_MAX, 1000}, "9223372036854775.807");
    assert_format((struct num){-INT64_MAX, INT64_MAX - 1},
                  "-9223372036854775807/9223372036854775806");
    /* big values */
    assert_format(parse("-0.00000000000000000000000000000000000000000001"),
                  "-0.00000000000000000000000000000000000000000001");
    struct num third;
    assert_int_equal(num_div(&A, parse("1e30"),
                             parse("-3000000000000000000000000000000.3"),
                             &third),
                     NUM_OK);
    assert_format(third, "-10000000000000000000000000000000/"
                         "30000000000000000000000000000003");
    /* JSON: a decimal is a number, a fraction a string */
    assert_json(parse("12.5"), "12.5");
    assert_json((struct num){-1, 3}, "\"-1/3\"");
    assert_json(parse("1e-25"), "0.0000000000000000000000001");
    assert_json(third, "\"-10000000000000000000000000000000/"
                       "30000000000000000000000000000003\"");
    assert_true(num_is_decimal(parse("1e-25")));
    assert_false(num_is_decimal(third));
    assert_true(num_is_decimal((struct num){7, 40}));
    assert_false(num_is_decimal((struct num){7, 30}));
}

static void test_num_neg(void **state)
{
    (void)state;
    assert_num(num_neg(parse("2.5")), -5, 2);
    assert_num(num_neg(num_neg(parse("2.5"))), 5, 2);
    assert_num(num_neg(parse("0")), 0, 1);
    struct num b = parse("12345678901234567890.5");
    assert_format(num_neg(b), "-12345678901234567890.5");
    assert_format(num_neg(num_neg(b)), "12345678901234567890.5");
    assert_true(num_is_big(num_neg(b)));
}

static void test_num_cmp_big(void **state)
{
    (void)state;
    struct num a = parse("100000000000000000000"), b = parse("1e20"),
               c = parse("100000000000000000001"), s = parse("5"),
               m = parse("-100000000000000000000"), t;
    assert_int_equal(num_cmp(a, b), 0);
    assert_int_equal(num_cmp(a, c), -1);
    assert_int_equal(num_cmp(c, a), 1);
    assert_int_equal(num_cmp(a, s), 1);
    assert_int_equal(num_cmp(s, a), -1);
    assert_int_equal(num_cmp(m, s), -1);
    assert_int_equal(num_cmp(m, num_neg(a)), 0);
    assert_int_equal(num_cmp(num_neg(m), a), 0);
    /* the same value reached two ways has one form */
    assert_int_equal(num_mul(&A, parse("1e10"), parse("1e10"), &t), NUM_OK);
    assert_int_equal(num_cmp(t, a), 0);
    /* fractions just apart */
    assert_int_equal(
        num_cmp(parse("0.10000000000000000000000000000000001"), parse("0.1")),
        1);
    assert_int_equal(
        num_cmp(parse("-0.10000000000000000000000000000000001"), parse("-0.1")),
        -1);
}

/* Out of memory in the arena while a big result is stored: the error goes
 * to the recovery point, and GMP's temporaries are freed (ASan checks). */
struct oom_job {
    struct arena *a;
    struct num out;
};

static void oom_mul(void *ud)
{
    struct oom_job *j = ud;
    num_mul(j->a, (struct num){INT64_MAX, 1}, (struct num){INT64_MAX, 1},
            &j->out);
}

static void test_num_out_of_memory(void **state)
{
    (void)state;
    struct arena fresh;
    arena_init(&fresh);
    struct oom_job j = {&fresh, {42, 1}};
    arena_fail_after(1);
    assert_int_equal(arena_protect(oom_mul, &j), -1);
    arena_fail_after(0);
    assert_num(j.out, 42, 1);
    assert_int_equal(arena_protect(oom_mul, &j), 0);
    assert_format(j.out, "85070591730234615847396907784232501249");
    arena_free(&fresh);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_num_point_one_plus_point_two),
        T(test_num_trailing_zeros_equal),
        T(test_num_parse_json_forms),
        T(test_num_parse_rejects_syntax),
        T(test_num_parse_past_64_bits),
        T(test_num_parse_limits),
        T(test_num_arith_past_64_bits),
        T(test_num_money_ratios),
        T(test_num_result_limit),
        T(test_num_division),
        T(test_num_cmp_small),
        T(test_num_cmp_large),
        T(test_num_cmp_big),
        T(test_num_format),
        T(test_num_neg),
        T(test_num_out_of_memory),
    };
#undef T
    return cmocka_run_group_tests_name("num", tests, NULL, NULL);
}
