/* parse_source (parser/parse.h) gives its result on every path: a file
 * tree after success, after syntax errors and after a text that is not
 * UTF-8, and NULL when memory runs out before the tree exists. */

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
#include "engine/source.h"
#include "parser/parse.h"

struct parsed {
    struct arena arena; /* the source's */
    struct diag_list dl;
    struct source *src;
    struct ast_file *file;
    int errors;
};

static void parse_text(struct parsed *p, const char *text)
{
    arena_init(&p->arena);
    diag_init(&p->dl, &p->arena);
    p->src = src_from_text(&p->arena, "t.rules", text, strlen(text), 1);
    p->file = (struct ast_file *)&p->errors; /* anything but NULL */
    p->errors = parse_source(&p->arena, &p->dl, p->src, &p->file);
}

static void test_parse_source_ok(void **state)
{
    (void)state;
    struct parsed p;
    parse_text(&p, "fact 甲: bool\n");
    assert_int_equal(p.errors, 0);
    assert_non_null(p.file);
    assert_ptr_equal(p.file->src, p.src);
    assert_non_null(p.file->decls);
    arena_free(&p.arena);
}

static void test_parse_source_syntax_error(void **state)
{
    (void)state;
    struct parsed p;
    parse_text(&p, "fact 甲 bool\nrule\n");
    assert_true(p.errors > 0);
    assert_int_equal(p.errors, p.dl.errors);
    assert_non_null(p.file);
    assert_ptr_equal(p.file->src, p.src);
    arena_free(&p.arena);
}

static void test_parse_source_not_utf8(void **state)
{
    (void)state;
    struct parsed p;
    parse_text(&p, "fact \xB8\xDF: bool\n");
    assert_int_equal(p.errors, 1);
    assert_non_null(p.file);
    assert_ptr_equal(p.file->src, p.src);
    assert_null(p.file->decls);
    arena_free(&p.arena);
}

/* The first byte that is not UTF-8, after ASCII and Chinese of every
 * length (the check passes over ASCII eight bytes at a time): the error
 * is at its line and column. */
static void test_parse_source_not_utf8_place(void **state)
{
    (void)state;
    for (int k = 0; k < 40; k++) {
        char text[128];
        snprintf(text, sizeof text, "fact a: bool\n# %.*s甲%.*s\xB8x\n", k,
                 "0123456789012345678901234567890123456789", k % 9,
                 "abcdefghi");
        struct parsed p;
        parse_text(&p, text);
        assert_int_equal(p.errors, 1);
        assert_int_equal(p.dl.head->loc.first_line, 2);
        assert_int_equal(p.dl.head->loc.first_column, 2 + k + 2 + k % 9);
        arena_free(&p.arena);
    }
}

struct oom_run {
    struct arena *a;
    struct diag_list *dl;
    const struct source *src;
    struct ast_file **out;
};

static void oom_parse(void *ud)
{
    struct oom_run *r = ud;
    parse_source(r->a, r->dl, r->src, r->out);
}

/* Memory runs out at the first allocation, the tree's: *out is NULL, not
 * what it held before. */
static void test_parse_source_out_of_memory(void **state)
{
    (void)state;
    struct parsed p;
    parse_text(&p, "fact 甲: bool\n");
    struct arena empty;
    arena_init(&empty);
    struct ast_file *out = p.file;
    struct oom_run r = {&empty, &p.dl, p.src, &out};
    arena_fail_after(1);
    assert_int_equal(arena_protect(oom_parse, &r), -1);
    arena_fail_after(0);
    assert_null(out);
    arena_free(&empty);
    arena_free(&p.arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_source_ok),
        cmocka_unit_test(test_parse_source_syntax_error),
        cmocka_unit_test(test_parse_source_not_utf8),
        cmocka_unit_test(test_parse_source_not_utf8_place),
        cmocka_unit_test(test_parse_source_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
