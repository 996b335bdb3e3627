/*
 * Texts made once and kept (engine/memo.c): a key and a tag find what was
 * kept for them, through every growth of the table, and nothing else.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "engine/memo.h"

static void test_memo_keys_and_tags(void **state)
{
    (void)state;
    enum { N = 5000 };
    static char keys[N];
    struct memo m = {0};
    assert_null(memo_get(&m, &keys[0], 0));
    for (int i = 0; i < N; i++)
        for (int tag = 0; tag < 3; tag++) {
            char t[32];
            int n = snprintf(t, sizeof t, "%d/%d", i, tag);
            const struct memo_ent *e =
                memo_put(&m, &keys[i], tag, t, (size_t)n);
            assert_int_equal(e->len, n);
            assert_string_equal(e->text, t);
        }
    assert_int_equal(m.len, 3 * N);
    for (int i = 0; i < N; i++)
        for (int tag = 0; tag < 3; tag++) {
            char t[32];
            snprintf(t, sizeof t, "%d/%d", i, tag);
            const struct memo_ent *e = memo_get(&m, &keys[i], tag);
            assert_non_null(e);
            assert_string_equal(e->text, t);
        }
    assert_null(memo_get(&m, &keys[0], 3));
    assert_null(memo_get(&m, &m, 0));
    memo_free(&m);
    assert_null(memo_get(&m, &keys[0], 0));
}

/* Text with a NUL in it is kept whole. */
static void test_memo_bytes(void **state)
{
    (void)state;
    struct memo m = {0};
    const struct memo_ent *e = memo_put(&m, &m, 7, "a\0b", 3);
    assert_int_equal(e->len, 3);
    assert_memory_equal(memo_get(&m, &m, 7)->text, "a\0b", 4);
    memo_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memo_keys_and_tags),
        cmocka_unit_test(test_memo_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
