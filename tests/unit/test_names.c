/* The name map (engine/names.h): put, get by whole key and by length,
 * duplicates, growth. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/names.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_put_get),
        cmocka_unit_test(test_names_duplicate),
        cmocka_unit_test(test_names_getn),
        cmocka_unit_test(test_names_grow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
