/* Diagnostics (engine/diag.h): the list, its error limit, hints, and the
 * text of one diagnostic with its source line and caret. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/limits.h"
#include "engine/sbuf.h"
#include "engine/source.h"

struct dfx {
    struct arena arena;
    struct diag_list dl;
};

static int dfx_setup(void **state)
{
    struct dfx *f = xcalloc(1, sizeof *f);
    arena_init(&f->arena);
    diag_init(&f->dl, &f->arena);
    *state = f;
    return 0;
}

static int dfx_teardown(void **state)
{
    struct dfx *f = *state;
    arena_free(&f->arena);
    free(f);
    return 0;
}

static int count(const struct diag_list *dl)
{
    int n = 0;
    for (const struct diag *d = dl->head; d; d = d->next)
        n++;
    return n;
}

static char *format(const struct diag *d, const char *indent)
{
    struct sbuf b = {0};
    diag_format(d, indent, &b);
    return b.p;
}

static void test_diag_order_and_counts(void **state)
{
    struct dfx *f = *state;
    diag_addf(&f->dl, DIAG_ERROR, NULL, "first %d", 1);
    diag_add(&f->dl, DIAG_WARNING, NULL, "second");
    diag_add(&f->dl, DIAG_NOTE, NULL, "third");
    assert_int_equal(f->dl.errors, 1);
    assert_int_equal(f->dl.warnings, 1);
    assert_int_equal(count(&f->dl), 3);
    assert_string_equal(f->dl.head->msg, "first 1");
    assert_string_equal(f->dl.head->next->msg, "second");
    assert_ptr_equal(f->dl.tail, f->dl.head->next->next);
    assert_null(f->dl.tail->next);
}

/* Each error up to the limit keeps its own hint; the one that passes the
 * limit adds the note, whose hint stays empty; errors after it change
 * nothing that is kept. */
static void test_diag_hint_at_and_past_limit(void **state)
{
    struct dfx *f = *state;
    for (int i = 0; i < LIMIT_ERRORS; i++) {
        struct diag *d = diag_addf(&f->dl, DIAG_ERROR, NULL, "error %d", i);
        diag_hintf(&f->dl, d, "hint %d", i);
    }
    struct diag *over = diag_addf(&f->dl, DIAG_ERROR, NULL, "one too many");
    diag_hintf(&f->dl, over, "%s", "lost");
    over->owner = f;
    struct diag *more = diag_add(&f->dl, DIAG_ERROR, NULL, "and another");
    more->hint = "lost too";
    struct diag *w = diag_add(&f->dl, DIAG_WARNING, NULL, "a warning");
    diag_hintf(&f->dl, w, "kept");
    assert_int_equal(f->dl.errors, LIMIT_ERRORS + 2);
    assert_int_equal(count(&f->dl), LIMIT_ERRORS + 2); /* the note, w */
    int i = 0;
    const struct diag *d = f->dl.head;
    for (; i < LIMIT_ERRORS; i++, d = d->next) {
        char want[32];
        snprintf(want, sizeof want, "hint %d", i);
        assert_int_equal(d->severity, DIAG_ERROR);
        assert_string_equal(d->hint, want);
        assert_null(d->owner);
    }
    assert_int_equal(d->severity, DIAG_NOTE);
    assert_string_equal(d->msg, "2 more errors are not shown; only the "
                                "first 100 are"); /* how many: counted */
    assert_null(d->hint);
    assert_null(d->owner);
    assert_ptr_equal(d->next, w);
    assert_string_equal(w->hint, "kept");
}

/* Past the limit an error and its hint take no memory. */
static void test_diag_past_limit_costs_nothing(void **state)
{
    struct dfx *f = *state;
    for (int i = 0; i <= LIMIT_ERRORS; i++)
        diag_add(&f->dl, DIAG_ERROR, NULL, "e");
    size_t before = f->arena.total;
    for (int i = 0; i < 10000; i++) {
        struct diag *d = diag_addf(&f->dl, DIAG_ERROR, NULL, "error %d", i);
        diag_hintf(&f->dl, d, "hint %d", i);
    }
    assert_int_equal(f->arena.total, before);
    assert_int_equal(f->dl.errors, LIMIT_ERRORS + 1 + 10000);
    assert_int_equal(count(&f->dl), LIMIT_ERRORS + 1);
}

/* Sorted by file (as each first appears), line and column, stable;
 * those without a place first. */
static void test_diag_sort_by_place(void **state)
{
    struct dfx *f = *state;
    struct source *a = src_from_text(&f->arena, "a.rules", "x\ny\nz\n", 6, 1);
    struct source *b = src_from_text(&f->arena, "b.rules", "x\ny\n", 4, 1);
    struct src_loc a3 = {a, 3, 1, 3, 2}, a1 = {a, 1, 4, 1, 5},
                   a1c2 = {a, 1, 2, 1, 3}, b1 = {b, 1, 1, 1, 2};
    diag_add(&f->dl, DIAG_ERROR, &a3, "a3");
    diag_add(&f->dl, DIAG_ERROR, &b1, "b1");
    diag_add(&f->dl, DIAG_WARNING, &a1, "a1 first");
    diag_add(&f->dl, DIAG_ERROR, &a1, "a1 second");
    diag_add(&f->dl, DIAG_ERROR, NULL, "nowhere");
    diag_add(&f->dl, DIAG_ERROR, &a1c2, "a1c2");
    diag_sort(&f->dl);
    const char *want[] = {"nowhere",   "a1c2", "a1 first",
                          "a1 second", "a3",   "b1"};
    const struct diag *d = f->dl.head;
    for (int i = 0; i < 6; i++, d = d->next) {
        assert_non_null(d);
        assert_string_equal(d->msg, want[i]);
    }
    assert_null(d);
    assert_string_equal(f->dl.tail->msg, "b1");
    assert_int_equal(f->dl.errors, 5);
}

static void test_diag_format_line_caret_hint(void **state)
{
    struct dfx *f = *state;
    const char text[] = "fact 甲: bool\nrule R1: 乙 => 丙\n";
    struct source *src =
        src_from_text(&f->arena, "x.rules", text, sizeof text - 1, 1);
    struct src_loc loc = {src, 2, 10, 2, 11};
    struct diag *d = diag_add(&f->dl, DIAG_ERROR, &loc, "unknown fact '乙'");
    diag_hintf(&f->dl, d, "did you mean '%s'?", "甲");
    char *s = format(d, "  ");
    assert_string_equal(s, "  x.rules:2:10: error: unknown fact '乙'\n"
                           "   2 | rule R1: 乙 => 丙\n"
                           "     |          ^~\n"
                           "    hint: did you mean '甲'?\n");
    free(s);
}

static void test_diag_format_without_place(void **state)
{
    struct dfx *f = *state;
    struct diag *d = diag_add(&f->dl, DIAG_WARNING, NULL, "a\tb");
    char *s = format(d, "");
    assert_string_equal(s, "rongcuo: warning: a\\tb\n");
    free(s);
}

/* A hidden source (not rule text) is never quoted. */
static void test_diag_format_hidden_source(void **state)
{
    struct dfx *f = *state;
    struct source *src = src_from_text(&f->arena, "secret", "pw=1\n", 5, 1);
    src->hidden = true;
    struct src_loc loc = {src, 1, 1, 1, 3};
    struct diag *d = diag_add(&f->dl, DIAG_ERROR, &loc, "not rules");
    char *s = format(d, "");
    assert_string_equal(s, "secret:1:1: error: not rules\n");
    free(s);
}

static void test_diag_caret_over_wide_characters(void **state)
{
    struct dfx *f = *state;
    struct source *src = src_from_text(&f->arena, "x", "ab容錯c\n", 10, 1);
    struct src_loc loc = {src, 1, 3, 1, 5};
    struct sbuf b = {0};
    diag_caret(&loc, &b);
    assert_string_equal(b.p, "  ^~~~\n");
    sb_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_diag_order_and_counts, dfx_setup,
                                        dfx_teardown),
        cmocka_unit_test_setup_teardown(test_diag_hint_at_and_past_limit,
                                        dfx_setup, dfx_teardown),
        cmocka_unit_test_setup_teardown(test_diag_past_limit_costs_nothing,
                                        dfx_setup, dfx_teardown),
        cmocka_unit_test_setup_teardown(test_diag_sort_by_place, dfx_setup,
                                        dfx_teardown),
        cmocka_unit_test_setup_teardown(test_diag_format_line_caret_hint,
                                        dfx_setup, dfx_teardown),
        cmocka_unit_test_setup_teardown(test_diag_format_without_place,
                                        dfx_setup, dfx_teardown),
        cmocka_unit_test_setup_teardown(test_diag_format_hidden_source,
                                        dfx_setup, dfx_teardown),
        cmocka_unit_test_setup_teardown(test_diag_caret_over_wide_characters,
                                        dfx_setup, dfx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
