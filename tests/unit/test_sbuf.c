/* Escaping data in text output (engine/sbuf.h sb_text) and JSON. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "engine/sbuf.h"

static void assert_text(const char *in, const char *want)
{
    struct sbuf b = {0};
    sb_text(&b, in);
    assert_non_null(b.p);
    assert_string_equal(b.p, want);
    /* sb_plain says whether the text is written as it is */
    assert_int_equal(sb_plain(in), strcmp(in, want) == 0);
    sb_free(&b);
}

static void test_sbuf_text_plain_unchanged(void **state)
{
    (void)state;
    assert_text("", "");
    assert_text("SZ-2023-07", "SZ-2023-07");
    assert_text("松滋市 \"減免\" 租金", "松滋市 \"減免\" 租金");
}

/* CJK text is copied without decoding; a broken sequence among it is
 * still escaped byte by byte. */
static void test_sbuf_text_cjk(void **state)
{
    (void)state;
    assert_text("容錯免責\xef\xbc\x91", "容錯免責\xef\xbc\x91");
    assert_text("容\xe9\x8c", "容\\xe9\\x8c");
    assert_text("\xe9\x8c\x20", "\\xe9\\x8c ");
    assert_text("\xed\xa0\x80", "\\xed\\xa0\\x80"); /* a surrogate */
    assert_text("錯\n錯", "錯\\n錯");
}

static void test_sbuf_text_line_breaks(void **state)
{
    (void)state;
    assert_text("a\tb\nc\rd", "a\\tb\\nc\\rd");
    assert_text("\n", "\\n");
}

static void test_sbuf_text_c0_and_del(void **state)
{
    (void)state;
    assert_text("x\x1b[31my", "x\\x1b[31my");
    assert_text("\x01\x07\x1f\x7f", "\\x01\\x07\\x1f\\x7f");
}

static void test_sbuf_text_backslash(void **state)
{
    (void)state;
    assert_text("a\\tb", "a\\\\tb");
}

static void test_sbuf_text_c1_and_separators(void **state)
{
    (void)state;
    assert_text("a\xc2\x85"
                "b",
                "a\\u0085b");
    assert_text("\xc2\x9b"
                "31m",
                "\\u009b31m");
    assert_text("a\xe2\x80\xa8"
                "b\xe2\x80\xa9",
                "a\\u2028b\\u2029");
    assert_text("\xc2\xa0", "\xc2\xa0"); /* NBSP is printable */
}

static void test_sbuf_text_broken_utf8(void **state)
{
    (void)state;
    assert_text("a\x9b"
                "b",
                "a\\x9bb");
    assert_text("\xe5\xae", "\\xe5\\xae");
    assert_text("\xe5\xae\xb9", "容");
}

static void test_sbuf_json_escapes_all_c0(void **state)
{
    (void)state;
    struct sbuf b = {0};
    sb_json(&b, "a\x01\x1b\t\n\"\\");
    assert_string_equal(b.p, "\"a\\u0001\\u001b\\t\\n\\\"\\\\\"");
    sb_free(&b);
    sb_json(&b, "x\x7f\xc2\x85\xe2\x80\xa8\xe2\x80\xa9\xe2\x80\xa6\xc2\xa0");
    assert_string_equal(
        b.p, "\"x\\u007f\\u0085\\u2028\\u2029\xe2\x80\xa6\xc2\xa0\"");
    sb_free(&b);
}

/* The conversions done without vsnprintf agree with it. */
static void test_sbuf_printf_quick(void **state)
{
    (void)state;
    struct sbuf b = {0};
    sb_printf(&b, "%s|%d|%ld|%c|%.*s|%.3s|%*s|%%|%d|%ld", "容錯", -42,
              -9000000000L, 'x', 2, "abcdef", "uvwxyz", 4, "ab", 0, 0L);
    assert_string_equal(b.p, "容錯|-42|-9000000000|x|ab|uvw|  ab|%|0|0");
    sb_free(&b);
    sb_printf(&b, "%ld", (long)(-9223372036854775807L - 1));
    assert_string_equal(b.p, "-9223372036854775808");
    sb_free(&b);
}

/* Other conversions go through a 256-byte scratch buffer, or straight
 * into the buffer when longer: the limit, either side. */
static void test_sbuf_printf_long(void **state)
{
    (void)state;
    char big[1000];
    for (int n = 250; n <= 260; n++) {
        memset(big, 'a', sizeof big);
        big[n] = '\0';
        struct sbuf b = {0};
        sb_puts(&b, "<");
        sb_printf(&b, "%5.1f%s", 1.25, big); /* n + 5 bytes */
        assert_int_equal(b.len, (size_t)n + 6);
        assert_memory_equal(b.p, "<  1.2", 6);
        assert_memory_equal(b.p + 6, big, (size_t)n);
        assert_int_equal(b.p[b.len], '\0');
        sb_free(&b);
    }
}

/* The buffer grows, stays NUL-terminated, and holds bytes as given. */
static void test_sbuf_put_grows(void **state)
{
    (void)state;
    struct sbuf b = {0};
    for (int i = 0; i < 100000; i++)
        sb_putc(&b, (char)('a' + i % 26));
    assert_int_equal(b.len, 100000);
    assert_true(b.cap > b.len);
    assert_int_equal(b.p[b.len], '\0');
    assert_int_equal(b.p[99999], 'a' + 99999 % 26);
    sb_put(&b, "x\0y", 3);
    assert_int_equal(b.len, 100003);
    assert_memory_equal(b.p + 100000, "x\0y", 3);
    sb_free(&b);
    assert_null(b.p);
    assert_int_equal(b.len, 0);
    sb_put(&b, "", 0);
    sb_free(&b);
}

static void test_sbuf_controls_keeps_backslash(void **state)
{
    (void)state;
    struct sbuf b = {0};
    sb_controls(&b, "a\\b\tc\x1b");
    assert_string_equal(b.p, "a\\b\\tc\\x1b");
    sb_free(&b);
}

/* sb_again copies a part of the buffer to its end, also when that makes
 * it grow (and move) on the way. */
static void test_sbuf_again_grows(void **state)
{
    (void)state;
    struct sbuf b = {0};
    sb_put(&b, "head:", 5);
    size_t off = b.len;
    sb_put(&b, "file.jsonl:12", 13);
    while (b.len + 1 < b.cap) /* full to the last byte */
        sb_putc(&b, '.');
    size_t cap = b.cap, len = b.len;
    sb_again(&b, off, 13);
    assert_true(b.cap > cap);
    assert_int_equal(b.len, len + 13);
    assert_memory_equal(b.p + len, "file.jsonl:12", 13);
    assert_int_equal(b.p[b.len], '\0');
    for (int i = 0; i < 1000; i++)
        sb_again(&b, 0, 5);
    assert_int_equal(b.len, len + 13 + 5000);
    assert_memory_equal(b.p + b.len - 5, "head:", 5);
    sb_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sbuf_text_plain_unchanged),
        cmocka_unit_test(test_sbuf_text_cjk),
        cmocka_unit_test(test_sbuf_text_line_breaks),
        cmocka_unit_test(test_sbuf_text_c0_and_del),
        cmocka_unit_test(test_sbuf_text_backslash),
        cmocka_unit_test(test_sbuf_text_c1_and_separators),
        cmocka_unit_test(test_sbuf_text_broken_utf8),
        cmocka_unit_test(test_sbuf_json_escapes_all_c0),
        cmocka_unit_test(test_sbuf_printf_quick),
        cmocka_unit_test(test_sbuf_printf_long),
        cmocka_unit_test(test_sbuf_put_grows),
        cmocka_unit_test(test_sbuf_controls_keeps_backslash),
        cmocka_unit_test(test_sbuf_again_grows),
    };
    return cmocka_run_group_tests_name("sbuf", tests, NULL, NULL);
}
