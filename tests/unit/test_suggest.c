/* Did-you-mean suggestions (engine/suggest.h): typos by edit distance,
 * words written together, names in the other script, and the limits on
 * the names compared. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "engine/arena.h"
#include "engine/names.h"
#include "engine/suggest.h"

static const char *const words[] = {"已整改",       "謀取私利", "損失金額",
                                    "政策把握不準", "amount",   NULL};
#define NWORDS 6

static void test_suggest_closest_typos(void **state)
{
    (void)state;
    assert_string_equal(suggest_closest("amuont", words, NWORDS), "amount");
    assert_string_equal(suggest_closest("已整該", words, NWORDS), "已整改");
    assert_string_equal(suggest_closest("政策把握不准", words, NWORDS),
                        "政策把握不準");
}

static void test_suggest_closest_none(void **state)
{
    (void)state;
    assert_null(suggest_closest("完全不同的名字", words, NWORDS));
    assert_null(suggest_closest("x", words, NWORDS));
    assert_null(suggest_closest("amount", words, 0));
    /* a name is never its own suggestion */
    assert_null(suggest_closest("amount", words + 4, 1));
}

/* The closer of two candidates wins, and the first of two as close. */
static void test_suggest_closest_best(void **state)
{
    (void)state;
    const char *const c[] = {"abcdxx", "abcdef"};
    assert_string_equal(suggest_closest("abcdeg", c, 2), "abcdef");
    const char *const d[] = {"abcx", "abcy"};
    assert_string_equal(suggest_closest("abcz", d, 2), "abcx");
}

/* Names are compared folded to simplified characters: a name in the other
 * script is always the first suggestion, before a closer-looking one, and
 * a typo in the other script is still found. */
static void test_suggest_closest_other_script(void **state)
{
    (void)state;
    const char *const c[] = {"實施日期", "發現日期", "履職情形", "履職盡責"};
    assert_string_equal(suggest_closest("发现日期", c, 4), "發現日期");
    assert_string_equal(suggest_closest("履职尽责", c, 4), "履職盡責");
    assert_string_equal(suggest_closest("発现日期", c, 4), "發現日期");
    assert_string_equal(suggest_closest("发现日朝", c, 4), "發現日期");
    assert_string_equal(suggest_closest("履职尽则", c, 4), "履職盡責");
    const char *const v[] = {"容錯減責", "容錯免責", "不予容錯"};
    assert_string_equal(suggest_closest("容错免责", v, 3), "容錯免責");
    assert_string_equal(suggest_closest("容错减责", v, 3), "容錯減責");
}

static char *repeat(char *buf, const char *head, int n, const char *tail)
{
    buf[0] = '\0';
    for (int i = 0; i < n; i++)
        strcat(buf, head);
    strcat(buf, tail);
    return buf;
}

/* The limit: names up to 64 code points are compared in full; a longer
 * one is not compared at all, never by its first 64 code points alone. */
static void test_suggest_closest_long_names(void **state)
{
    (void)state;
    char name[256], cand[256];
    const char *c[] = {cand};
    repeat(name, "容", 63, "甲");
    repeat(cand, "容", 63, "乙");
    assert_ptr_equal(suggest_closest(name, c, 1), cand); /* 64 each */
    repeat(name, "a", 64, "xxxxxx");
    repeat(cand, "a", 64, "yyyyyy");
    assert_null(suggest_closest(name, c, 1));
    repeat(name, "a", 64, "");
    repeat(cand, "a", 64, "b");
    assert_null(suggest_closest(name, c, 1));
    assert_null(suggest_closest(cand, (const char *const[]){name}, 1));
}

static void test_suggest_split(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct names known;
    names_init(&known, &a, 8);
    names_put(&known, "已整改", 0);
    names_put(&known, "謀取私利", 1);
    assert_string_equal(suggest_split(&a, "已整改且非謀取私利", &known),
                        "已整改 且 非 謀取私利");
    assert_string_equal(suggest_split(&a, "已整改and謀取私利", &known),
                        "已整改 and 謀取私利");
    /* known words in the other script, kept as written */
    assert_string_equal(suggest_split(&a, "已整改且非谋取私利", &known),
                        "已整改 且 非 谋取私利");
    assert_null(suggest_split(&a, "已整改", &known)); /* one word */
    assert_null(suggest_split(&a, "已整改且其他", &known));
    assert_null(suggest_split(&a, "", &known));
    arena_free(&a);
}

/* The limit: a name of up to 512 bytes is split, a longer one is not. */
static void test_suggest_split_long_names(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct names known;
    names_init(&known, &a, 8);
    names_put(&known, "ab", 0);
    char name[600];
    repeat(name, "ab", 256, ""); /* 512 bytes */
    const char *s = suggest_split(&a, name, &known);
    assert_non_null(s);
    assert_int_equal(strlen(s), 512 + 255);
    repeat(name, "ab", 256, "a"); /* 513 bytes */
    names_put(&known, "a", 1);
    assert_null(suggest_split(&a, name, &known));
    arena_free(&a);
}

static uint64_t seed = 7;

static unsigned rnd(unsigned n)
{
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((seed >> 33) % n);
}

/* A name of a few characters drawn from a small alphabet, in both
 * scripts, so that near misses abound. */
static void random_name(char *out, size_t cap)
{
    static const char *const chars[] = {"事", "實", "实", "項", "项", "目",
                                        "木", "a",  "b",  "0",  "1",  "2",
                                        "已", "整", "改", "謀", "谋"};
    size_t o = 0;
    for (unsigned k = 1 + rnd(9); k > 0; k--) {
        const char *c = chars[rnd(sizeof chars / sizeof chars[0])];
        if (o + strlen(c) + 1 > cap)
            break;
        memcpy(out + o, c, strlen(c));
        o += strlen(c);
    }
    out[o] = '\0';
}

/* The index finds what the comparison of every candidate finds, the same
 * name first among equals, for names near and far. */
static void test_suggest_index_same(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    enum { N = 400 };
    const char **cands = arena_calloc(&a, N, sizeof *cands);
    for (int i = 0; i < N; i++) {
        char buf[64];
        random_name(buf, sizeof buf);
        cands[i] = i == 17 ? NULL : arena_strdup(&a, buf);
    }
    const struct suggest_index *ix = suggest_index_new(&a, cands, N);
    int found = 0;
    for (int q = 0; q < 3000; q++) {
        char buf[64];
        random_name(buf, sizeof buf);
        if (q % 3 == 0 && cands[q % N]) /* a candidate itself */
            strcpy(buf, cands[q % N]);
        const char *want = suggest_closest(buf, cands, N);
        const char *got = suggest_closest_ix(ix, buf);
        assert_ptr_equal(got, want);
        found += want != NULL;
    }
    assert_true(found > 100);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suggest_closest_typos),
        cmocka_unit_test(test_suggest_closest_none),
        cmocka_unit_test(test_suggest_closest_best),
        cmocka_unit_test(test_suggest_closest_other_script),
        cmocka_unit_test(test_suggest_closest_long_names),
        cmocka_unit_test(test_suggest_split),
        cmocka_unit_test(test_suggest_split_long_names),
        cmocka_unit_test(test_suggest_index_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
