/* Exact decimals (engine/num.h, LANGUAGE.md §8 "Numbers"). */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "engine/num.h"

static struct num parse(const char *s)
{
    struct num n = {0, 0};
    assert_int_equal(num_parse(s, strlen(s), &n), NUM_OK);
    return n;
}

static void assert_num(struct num n, int64_t num, int64_t den)
{
    assert_true(n.n == num);
    assert_true(n.d == den);
}

static void assert_format(struct num n, const char *want)
{
    char buf[64];
    int len = num_format(n, buf, sizeof buf);
    assert_string_equal(buf, want);
    assert_int_equal(len, (int)strlen(want));
}

static void test_num_point_one_plus_point_two(void **state)
{
    (void)state;
    struct num sum;
    assert_int_equal(num_add(parse("0.1"), parse("0.2"), &sum), NUM_OK);
    assert_num(sum, 3, 10);
    assert_int_equal(num_cmp(sum, parse("0.3")), 0);
    assert_format(sum, "0.3");
    /* and back: 0.3 - 0.1 == 0.2 */
    struct num diff;
    assert_int_equal(num_sub(parse("0.3"), parse("0.1"), &diff), NUM_OK);
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
        struct num n = {7, 7};
        enum num_status st = num_parse(bad[i], strlen(bad[i]), &n);
        if (st != NUM_SYNTAX)
            fail_msg("num_parse(\"%s\") gave %d, want NUM_SYNTAX", bad[i],
                     (int)st);
    }
}

static void test_num_parse_overflow_reported(void **state)
{
    (void)state;
    struct num n;
    /* 18 digits parse, a 19th is refused (the documented limit), even
       where it would fit in 64 bits */
    assert_int_equal(num_parse("999999999999999999", 18, &n), NUM_OK);
    assert_true(n.n == 999999999999999999LL && n.d == 1);
    assert_int_equal(num_parse("9.99999999999999999", 19, &n), NUM_OK);
    assert_int_equal(num_parse("1000000000000000000", 19, &n), NUM_OVERFLOW);
    assert_int_equal(num_parse("9223372036854775807", 19, &n), NUM_OVERFLOW);
    assert_int_equal(num_parse("9223372036854775808", 19, &n), NUM_OVERFLOW);
    assert_int_equal(num_parse("-9223372036854775808", 20, &n), NUM_OVERFLOW);
    assert_int_equal(num_parse("99999999999999999999", 20, &n), NUM_OVERFLOW);
    assert_int_equal(num_parse("1e19", 4, &n), NUM_OVERFLOW);
    assert_int_equal(num_parse("1e400", 5, &n), NUM_OVERFLOW);
    assert_int_equal(num_parse("1e-19", 5, &n), NUM_OVERFLOW);
    assert_int_equal(num_parse("1e18", 4, &n), NUM_OK);
    assert_true(n.n == 1000000000000000000LL && n.d == 1);
}

static void test_num_arith_overflow_reported(void **state)
{
    (void)state;
    struct num max = {INT64_MAX, 1}, one = {1, 1}, two = {2, 1};
    struct num out = {42, 1};
    assert_int_equal(num_add(max, one, &out), NUM_OVERFLOW);
    assert_int_equal(num_mul(max, two, &out), NUM_OVERFLOW);
    /* -INT64_MAX - 1 is INT64_MIN: representable, but it cannot be
       negated, so it is refused too */
    struct num min1 = {-INT64_MAX, 1};
    assert_int_equal(num_sub(min1, one, &out), NUM_OVERFLOW);
    /* denominators overflow as well: 1/3e9 * 1/4e9 */
    struct num a = {1, 3000000000LL}, b = {1, 4000000000LL};
    assert_int_equal(num_mul(a, b, &out), NUM_OVERFLOW);
    /* nothing wrapped into out */
    assert_true(out.n == 42 && out.d == 1);
    /* large but in range still works, reduced */
    assert_int_equal(num_add(max, (struct num){-1, 1}, &out), NUM_OK);
    assert_true(out.n == INT64_MAX - 1 && out.d == 1);
}

static void test_num_division(void **state)
{
    (void)state;
    struct num out = {5, 1};
    assert_int_equal(num_div((struct num){1, 1}, (struct num){0, 1}, &out),
                     NUM_DIV_ZERO);
    assert_int_equal(num_div((struct num){0, 1}, (struct num){0, 1}, &out),
                     NUM_DIV_ZERO);
    assert_true(out.n == 5 && out.d == 1);
    assert_int_equal(num_div((struct num){1, 1}, (struct num){3, 1}, &out),
                     NUM_OK);
    assert_num(out, 1, 3);
    /* dividing by a negative keeps the denominator positive */
    assert_int_equal(num_div((struct num){1, 2}, (struct num){-3, 4}, &out),
                     NUM_OK);
    assert_num(out, -2, 3);
    /* 1/3 * 3 == 1, exactly */
    struct num back;
    assert_int_equal(num_mul(out, (struct num){-3, 2}, &back), NUM_OK);
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
}

static void test_num_neg(void **state)
{
    (void)state;
    assert_num(num_neg(parse("2.5")), -5, 2);
    assert_num(num_neg(num_neg(parse("2.5"))), 5, 2);
    assert_num(num_neg(parse("0")), 0, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_num_point_one_plus_point_two),
        cmocka_unit_test(test_num_trailing_zeros_equal),
        cmocka_unit_test(test_num_parse_json_forms),
        cmocka_unit_test(test_num_parse_rejects_syntax),
        cmocka_unit_test(test_num_parse_overflow_reported),
        cmocka_unit_test(test_num_arith_overflow_reported),
        cmocka_unit_test(test_num_division),
        cmocka_unit_test(test_num_cmp_small),
        cmocka_unit_test(test_num_cmp_large),
        cmocka_unit_test(test_num_format),
        cmocka_unit_test(test_num_neg),
    };
    return cmocka_run_group_tests_name("num", tests, NULL, NULL);
}
