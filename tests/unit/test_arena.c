/* The arena (engine/arena.h): a large one, grown by blocks in huge pages,
 * keeps every piece whole and aligned; temporaries grown by
 * xtemp_realloc keep their contents, and are freed when memory runs
 * out. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "engine/arena.h"

/* 48 MiB in pieces of 1 to 999 bytes, and a few of megabytes, in an
 * arena that is large or not: each aligned, each holding what was
 * written in it after all are made. */
static void fill(int large)
{
    struct arena a;
    arena_init(&a);
    if (large)
        arena_large(&a);
    enum { N = 100000 };
    static unsigned char *p[N];
    static size_t len[N];
    size_t total = 0;
    for (int i = 0; i < N; i++) {
        len[i] =
            i % 10000 == 9999 ? (size_t)3 << 20 : (size_t)(i * 37 % 999 + 1);
        p[i] = arena_alloc_raw(&a, len[i]);
        assert_int_equal((uintptr_t)p[i] % _Alignof(max_align_t), 0);
        memset(p[i], i & 0xFF, len[i]);
        total += len[i];
    }
    assert_true(a.total >= total);
    for (int i = 0; i < N; i++)
        for (size_t k = 0; k < len[i]; k += 97)
            assert_int_equal(p[i][k], i & 0xFF);
    arena_reset(&a);
    assert_int_equal(a.total, 0);
    char *s = arena_strdup(&a, "還在"); /* the block kept is usable */
    assert_string_equal(s, "還在");
    arena_free(&a);
}

static void test_arena_large(void **state)
{
    (void)state;
    for (int large = 0; large < 2; large++)
        fill(large);
}

static void test_arena_temp_realloc(void **state)
{
    (void)state;
    int *v = xtemp_realloc(NULL, 256, sizeof *v);
    int *other = xtemp_calloc(8, sizeof *other); /* in the list before v */
    for (int i = 0; i < 256; i++)
        v[i] = i;
    for (size_t n = 512; n <= ((size_t)1 << 20); n *= 2) {
        v = xtemp_realloc(v, n, sizeof *v);
        for (size_t i = n / 2; i < n; i++)
            v[i] = (int)i;
    }
    for (int i = 0; i < 1 << 20; i++)
        assert_int_equal(v[i], i);
    v = xtemp_realloc(v, 10, sizeof *v); /* shrunk: the first kept */
    assert_int_equal(v[9], 9);
    xtemp_free(v);
    assert_int_equal(other[7], 0);
    xtemp_free(other);
}

static void grow_until_oom(void *ud)
{
    int **v = ud;
    *v = xtemp_realloc(NULL, 16, sizeof **v);
    for (size_t n = 32;; n *= 2) /* the second growth fails */
        *v = xtemp_realloc(*v, n, sizeof **v);
}

/* Out of memory while growing: the temporary is freed on the way out
 * (the sanitizers and valgrind see no leak). */
static void test_arena_temp_realloc_oom(void **state)
{
    (void)state;
    int *v = NULL;
    arena_fail_after(3);
    assert_int_equal(arena_protect(grow_until_oom, &v), -1);
    arena_fail_after(0);
    assert_non_null(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_large),
        cmocka_unit_test(test_arena_temp_realloc),
        cmocka_unit_test(test_arena_temp_realloc_oom),
    };
    return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
