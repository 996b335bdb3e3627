/* The name map (engine/names.h): put, get by whole key and by length,
 * duplicates, growth; names in either script, folded to simplified
 * characters with OpenCC's table. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/names.h"
#include "engine/source.h"

/* The one code point of s. */
static uint32_t cp_of(const char *s)
{
    uint32_t cp = 0;
    assert_int_equal(utf8_decode(s, strlen(s), &cp), (int)strlen(s));
    return cp;
}

static void test_names_put_get(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct names m;
    names_init(&m, &a, 4);
    assert_int_equal(names_get(&m, "已整改"), -1);
    assert_int_equal(names_put(&m, "已整改", 7), -1);
    assert_int_equal(names_put(&m, "amount", 0), -1);
    assert_int_equal(names_get(&m, "已整改"), 7);
    assert_int_equal(names_get(&m, "amount"), 0);
    assert_int_equal(names_get(&m, "amoun"), -1);
    assert_int_equal(names_get(&m, ""), -1);
    assert_int_equal(m.len, 2);
    arena_free(&a);
}

/* A key put twice keeps its first value, which the second put returns. */
static void test_names_duplicate(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct names m;
    names_init(&m, &a, 0);
    assert_int_equal(names_put(&m, "R1", 1), -1);
    assert_int_equal(names_put(&m, "R1", 2), 1);
    assert_int_equal(names_get(&m, "R1"), 1);
    assert_int_equal(m.len, 1);
    arena_free(&a);
}

/* names_getn looks up a piece of a longer text. */
static void test_names_getn(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct names m;
    names_init(&m, &a, 2);
    names_put(&m, "甲", 1);
    names_put(&m, "甲乙", 2);
    const char *text = "甲乙丙";
    assert_int_equal(names_getn(&m, text, strlen("甲")), 1);
    assert_int_equal(names_getn(&m, text, strlen("甲乙")), 2);
    assert_int_equal(names_getn(&m, text, strlen(text)), -1);
    assert_int_equal(names_getn(&m, text, 0), -1);
    arena_free(&a);
}

/* A map never initialised answers -1 (empty), and grows from far fewer
 * slots than keys: every key stays found. */
static void test_names_grow(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct names empty = {0};
    assert_int_equal(names_get(&empty, "x"), -1);
    struct names m;
    names_init(&m, &a, 1);
    enum { N = 50000 };
    char(*keys)[16] = arena_calloc(&a, N, sizeof *keys);
    for (int i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "f%d", i);
        assert_int_equal(names_put(&m, keys[i], i), -1);
    }
    assert_int_equal(m.len, N);
    assert_true(m.cap >= 2 * m.len);
    for (int i = 0; i < N; i++)
        assert_int_equal(names_get(&m, keys[i]), i);
    assert_int_equal(names_get(&m, "f50000"), -1);
    arena_free(&a);
}

/* Characters fold from traditional to simplified; simplified ones, ASCII
 * and characters with one form stay. */
static void test_names_fold_cp(void **state)
{
    (void)state;
    assert_int_equal(names_fold_cp(cp_of("發")), cp_of("发"));
    assert_int_equal(names_fold_cp(cp_of("現")), cp_of("现"));
    assert_int_equal(names_fold_cp(cp_of("職")), cp_of("职"));
    assert_int_equal(names_fold_cp(cp_of("盡")), cp_of("尽"));
    assert_int_equal(names_fold_cp(cp_of("責")), cp_of("责"));
    assert_int_equal(names_fold_cp(cp_of("錯")), cp_of("错"));
    assert_int_equal(names_fold_cp(cp_of("发")), cp_of("发"));
    assert_int_equal(names_fold_cp(cp_of("日")), cp_of("日"));
    assert_int_equal(names_fold_cp('A'), 'A');
    assert_int_equal(names_fold_cp('_'), '_');
    assert_int_equal(names_fold_cp(0x10FFFF), 0x10FFFF);
    /* OpenCC's chain 薴 → 苧 → 苎 is followed to its end */
    assert_int_equal(names_fold_cp(cp_of("薴")), cp_of("苎"));
    assert_int_equal(names_fold_cp(cp_of("苧")), cp_of("苎"));
}

/* Folding twice is folding once, for every character of the table. */
static void test_names_fold_idempotent(void **state)
{
    (void)state;
    int changed = 0;
    for (uint32_t cp = 0x80; cp < 0x30000; cp++) {
        uint32_t f = names_fold_cp(cp);
        assert_int_equal(names_fold_cp(f), f);
        assert_true(f >= 0x80); /* nothing folds to ASCII */
        changed += f != cp;
    }
    assert_true(changed > 2000); /* the table is there */
}

/* Every fold of OpenCC's table, through the direct table of the BMP and
 * through the search past it, as the table says; nothing else moves. */
extern const uint32_t names_fold_table[][2];
extern const int names_fold_count;

static void test_names_fold_every_entry(void **state)
{
    (void)state;
    assert_true(names_fold_count > 4000);
    for (int i = 0; i < names_fold_count; i++)
        assert_int_equal(names_fold_cp(names_fold_table[i][0]),
                         names_fold_table[i][1]);
    int moved = 0;
    for (uint32_t cp = 0; cp < 0x30000; cp++)
        moved += names_fold_cp(cp) != cp;
    assert_int_equal(moved, names_fold_count);
}

/* A key spelled as it was put and one in the other script find the same
 * value; so does one put in the other script after growing. */
static void test_names_exact_and_folded(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct names m;
    names_init(&m, &a, 2);
    for (int i = 0; i < 40; i++) {
        char *k = arena_printf(&a, "發現日期%d", i);
        assert_int_equal(names_put(&m, k, i), -1);
    }
    assert_int_equal(names_get(&m, "發現日期7"), 7);
    assert_int_equal(names_get(&m, "发现日期7"), 7);
    assert_int_equal(names_getn(&m, "发现日期39x", 14), 39);
    assert_int_equal(names_get(&m, "发现日期40"), -1);
    assert_int_equal(names_put(&m, "发现日期3", 99), 3);
    arena_free(&a);
}

static void test_names_eq(void **state)
{
    (void)state;
    assert_true(names_eq("發現日期", "发现日期"));
    assert_true(names_eq("履职尽责", "履職盡責"));
    assert_true(names_eq("履職尽责", "履职盡責")); /* mixed */
    assert_true(names_eq("宜昌.S9", "宜昌.S9"));
    assert_true(names_eq("", ""));
    assert_false(names_eq("發現日期", "實施日期"));
    assert_false(names_eq("发现日期", "发现日"));
    assert_false(names_eq("R1", "r1"));
    /* bytes that are not UTF-8 compare as themselves */
    assert_true(names_eqn("\xE9x", 2, "\xE9x", 2));
    assert_false(names_eqn("\xE9", 1, "é", strlen("é")));
    assert_true(names_prefix("容錯.改革探索", "容错."));
    assert_true(names_prefix("容错.改革探索", "容錯.改革"));
    assert_false(names_prefix("容錯", "容錯.改革"));
    assert_false(names_prefix("免責.E1", "容错."));
}

/* A name put in one script is found in the other and in a mix; the map
 * keeps the spelling put first. */
static void test_names_either_script(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct names m;
    names_init(&m, &a, 2);
    assert_int_equal(names_put(&m, "發現日期", 3), -1);
    assert_int_equal(names_put(&m, "實施日期", 4), -1);
    assert_int_equal(names_get(&m, "发现日期"), 3);
    assert_int_equal(names_get(&m, "發现日期"), 3);
    assert_int_equal(names_get(&m, "实施日期"), 4);
    const char *text = "发现日期且";
    assert_int_equal(names_getn(&m, text, strlen("发现日期")), 3);
    assert_int_equal(names_put(&m, "发现日期", 9), 3);
    assert_string_equal(names_key(&m, "发现日期"), "發現日期");
    assert_null(names_key(&m, "完成日期"));
    assert_int_equal(m.len, 2);
    assert_string_equal(names_fold(&a, "履職盡責 R1"), "履职尽责 R1");
    assert_string_equal(names_fold(&a, ""), "");
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_put_get),
        cmocka_unit_test(test_names_duplicate),
        cmocka_unit_test(test_names_getn),
        cmocka_unit_test(test_names_grow),
        cmocka_unit_test(test_names_fold_cp),
        cmocka_unit_test(test_names_fold_idempotent),
        cmocka_unit_test(test_names_eq),
        cmocka_unit_test(test_names_fold_every_entry),
        cmocka_unit_test(test_names_exact_and_folded),
        cmocka_unit_test(test_names_either_script),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
