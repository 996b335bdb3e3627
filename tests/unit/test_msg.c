/* The message catalog (engine/messages.txt, engine/msg.h): every message
 * in English, traditional and simplified Chinese, with the same
 * conversions; the language names and the environment. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/msg.h"

/* The % conversions of a format, in order, as one string. */
static void conversions(const char *f, char *out, size_t n)
{
    size_t k = 0;
    for (; *f && k + 8 < n; f++) {
        if (*f != '%')
            continue;
        out[k++] = *f++;
        while (*f && strchr("-+ #0123456789.lzj", *f) && k + 2 < n)
            out[k++] = *f++;
        if (*f)
            out[k++] = *f;
        else
            break;
        out[k++] = ' ';
    }
    out[k] = '\0';
}

static void test_msg_every_message_in_three_languages(void **state)
{
    (void)state;
    assert_true(MSG_COUNT > 0);
    for (int m = 0; m < MSG_COUNT; m++) {
        char en[128], other[128];
        /* a usage text is printed as it is: its % are not conversions */
        bool text = strncmp(msg_code[m], "usage_", 6) == 0;
        conversions(msg_table[m][0], en, sizeof en);
        for (int k = 0; k < 3; k++) {
            const char *t = msg_table[m][k];
            assert_non_null(t);
            assert_true(strlen(t) > 0);
            conversions(t, other, sizeof other);
            if (!text)
                assert_string_equal(en, other);
        }
        /* the Chinese versions are Chinese: not a copy of the English */
        if (strlen(msg_table[m][0]) > 4)
            assert_string_not_equal(msg_table[m][0], msg_table[m][1]);
        assert_non_null(msg_code_of((enum msg)m));
        assert_string_equal(msg_code_of((enum msg)m), msg_code[m]);
    }
}

static void test_msg_fmt_by_language(void **state)
{
    (void)state;
    assert_string_equal(MSG(sev_error, LANG_EN), "error");
    assert_string_equal(MSG(sev_error, LANG_ZH_HANT), "錯誤");
    assert_string_equal(MSG(sev_error, LANG_ZH_HANS), "错误");
    assert_string_equal(MSG(sev_error, LANG_ZH), "錯誤");
    assert_string_equal(msg_fmt((enum msg)MSG_COUNT, LANG_EN), "");
}

static void test_msg_parse_lang(void **state)
{
    (void)state;
    enum lang l = LANG_EN;
    assert_int_equal(msg_parse_lang("zh-Hant", &l), 0);
    assert_int_equal(l, LANG_ZH_HANT);
    assert_int_equal(msg_parse_lang("简体", &l), 0);
    assert_int_equal(l, LANG_ZH_HANS);
    assert_int_equal(msg_parse_lang("繁體", &l), 0);
    assert_int_equal(l, LANG_ZH_HANT);
    assert_int_equal(msg_parse_lang("en", &l), 0);
    assert_int_equal(l, LANG_EN);
    assert_int_equal(msg_parse_lang("fr", &l), -1);
}

static void test_msg_env_lang(void **state)
{
    (void)state;
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    setenv("LANG", "zh_TW.UTF-8", 1);
    assert_int_equal(msg_env_lang(), LANG_ZH_HANT);
    setenv("LANG", "zh_HK.UTF-8", 1);
    assert_int_equal(msg_env_lang(), LANG_ZH_HANT);
    setenv("LANG", "zh_CN.UTF-8", 1);
    assert_int_equal(msg_env_lang(), LANG_ZH_HANS);
    setenv("LANG", "zh_SG", 1);
    assert_int_equal(msg_env_lang(), LANG_ZH_HANS);
    setenv("LC_MESSAGES", "zh_TW.UTF-8", 1); /* before LANG */
    assert_int_equal(msg_env_lang(), LANG_ZH_HANT);
    setenv("LC_ALL", "C.UTF-8", 1); /* before both */
    assert_int_equal(msg_env_lang(), LANG_EN);
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANG");
    assert_int_equal(msg_env_lang(), LANG_EN);
}

/* A diagnostic from the catalog holds every version; localizing the list
 * picks one, also for the note that counts errors past the limit. */
static void test_msg_diag_localized(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct diag_list dl;
    diag_init(&dl, &a);
    struct diag *d = DIAG0(&dl, DIAG_ERROR, NULL, sev_error);
    HINT0(&dl, d, sev_hint);
    assert_int_equal(d->code, MSG_sev_error);
    assert_string_equal(d->msg, "error");
    diag_localize(&dl, LANG_ZH_HANS);
    assert_string_equal(d->msg, "错误");
    assert_string_equal(d->hint, "提示");
    assert_string_equal(diag_msg_in(d, LANG_ZH_HANT), "錯誤");
    /* one not from the catalog stays as it is */
    struct diag *e = diag_add(&dl, DIAG_ERROR, NULL, "plain");
    diag_localize(&dl, LANG_ZH_HANT);
    assert_string_equal(e->msg, "plain");
    assert_int_equal(e->code, -1);
    arena_free(&a);
}

/* The widest line of text, in columns: a character of three or four
 * UTF-8 bytes (Chinese, full-width punctuation) takes two. */
static int widest_line(const char *s)
{
    int w = 0, most = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\n')
            most = w > most ? w : most, w = 0;
        else if ((*p & 0xC0) != 0x80) /* not a continuation byte */
            w += *p >= 0xE0 ? 2 : 1;
    }
    return w > most ? w : most;
}

static bool starts(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

/* The usage texts: every version whole lines of up to 80 columns, the
 * Chinese ones starting as the English does, in their language. */
static void test_msg_usage_texts(void **state)
{
    (void)state;
    const enum msg usage[] = {MSG_usage_main, MSG_usage_run,  MSG_usage_check,
                              MSG_usage_show, MSG_usage_test, MSG_usage_diff};
    for (size_t i = 0; i < sizeof usage / sizeof *usage; i++) {
        for (int k = 0; k < 3; k++) {
            const char *t = msg_table[usage[i]][k];
            assert_true(strlen(t) > 100);
            assert_int_equal(t[strlen(t) - 1], '\n');
            assert_true(widest_line(t) <= 80);
            assert_non_null(strstr(t, "--help"));
        }
        assert_true(starts(msg_table[usage[i]][0], "usage: rongcuo "));
        assert_true(starts(msg_table[usage[i]][1], "用法：rongcuo "));
        assert_true(starts(msg_table[usage[i]][2], "用法：rongcuo "));
    }
    assert_non_null(strstr(MSG(usage_run, LANG_ZH_HANT), "規則檔"));
    assert_non_null(strstr(MSG(usage_run, LANG_ZH_HANS), "规则文件"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_msg_every_message_in_three_languages),
        cmocka_unit_test(test_msg_fmt_by_language),
        cmocka_unit_test(test_msg_parse_lang),
        cmocka_unit_test(test_msg_env_lang),
        cmocka_unit_test(test_msg_diag_localized),
        cmocka_unit_test(test_msg_usage_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
