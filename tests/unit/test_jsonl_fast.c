/* The one-pass reader of the common JSON line (engine/jsonl_fast.c),
 * against yajl's reading of the same line (jsonl_case_full). */

#include "helpers.h"

#include "engine/jsonl.h"
#include "engine/jsonl_fast.h"
#include "engine/num.h"
#include "engine/sbuf.h"

#include <stdint.h>
#include <stdio.h>

static const char *const RULES =
    "fact 甲: bool\n"
    "fact 乙: bool = false\n"
    "fact 額: number = 0\n"
    "fact 名: text\n"
    "fact 日: date\n"
    "fact 域: one of {甲類, 乙類, 丙類}\n"
    "fact 行為: set of {接受宴請, 收受禮金, 未批先建}\n"
    "fact 發現: bool\n"
    "fact ab: bool\n"
    "conclusion c\n"
    "rule R when 甲 then c\n"
    "verdict { x when c otherwise y }\n";

static int setup(void **state)
{
    fx_setup(state);
    fx_plan(*state, RULES);
    return 0;
}

/* Whether the one-pass reader takes text, and what it finds. */
static struct case_facts *fast(struct fixture *f, const char *text, bool *ok)
{
    struct source *src =
        src_from_text(&f->arena, "t.jsonl", text, strlen(text), 3);
    src->json = true;
    struct case_facts *cf = cases_new(&f->arena, f->plan, fx_errors(f));
    cf->loc = (struct src_loc){src, 3, 1, 3, 1};
    *ok = jsonl_fast(&f->arena, f->plan, src, cf);
    return cf;
}

static bool str_eq(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool loc_eq(const struct src_loc *a, const struct src_loc *b)
{
    return a->first_line == b->first_line &&
           a->first_column == b->first_column && a->last_line == b->last_line &&
           a->last_column == b->last_column;
}

static bool value_eq(enum vtype t, const struct value *a, const struct value *b)
{
    if (a->known != b->known || a->err != b->err)
        return false;
    if (!a->known)
        return true;
    switch (t) {
    case VT_BOOL:
        return a->u.b == b->u.b;
    case VT_NUM:
        return num_cmp(a->u.num, b->u.num) == 0;
    case VT_TEXT:
        return str_eq(a->u.text, b->u.text);
    case VT_DATE:
        return a->u.date == b->u.date;
    case VT_SYM:
        return a->u.sym == b->u.sym;
    case VT_SET:
        return a->u.set == b->u.set;
    default:
        return false;
    }
}

/* Whether the two readings of a line found the same facts. */
static bool same_facts(const struct plan *p, const struct case_facts *a,
                       const struct case_facts *b)
{
    if (!str_eq(a->id, b->id) || !str_eq(a->title, b->title) ||
        a->unknown != b->unknown || !loc_eq(&a->loc, &b->loc))
        return false;
    for (int i = 0; i < p->nfacts; i++)
        if (a->origin[i] != b->origin[i] ||
            !value_eq(p->facts[i].type, &a->vals[i], &b->vals[i]) ||
            !loc_eq(&a->locs[i], &b->locs[i]))
            return false;
    return true;
}

/* Whether two error lists say the same, at the same places. */
static bool same_diags(const struct diag_list *a, const struct diag_list *b)
{
    const struct diag *x = a->head, *y = b->head;
    for (; x && y; x = x->next, y = y->next)
        if (x->severity != y->severity || !str_eq(x->msg, y->msg) ||
            !str_eq(x->hint, y->hint) || !loc_eq(&x->loc, &y->loc))
            return false;
    return !x && !y && a->errors == b->errors;
}

static struct diag_list *errors_in(struct arena *a)
{
    struct diag_list *dl = arena_alloc(a, sizeof *dl);
    diag_init(dl, a);
    return dl;
}

/* Check one line: jsonl_case says what yajl's reading says; when the
 * one-pass reader takes the line, yajl finds it without fault and the
 * same facts. Returns whether the one-pass reader took it. */
static bool check_line(struct fixture *f, const char *text, size_t len)
{
    struct arena a;
    arena_init(&a);
    struct source *src = src_from_text(&a, "t.jsonl", text, len, 3);
    src->json = true;
    struct case_facts *full =
        jsonl_case_full(&a, f->plan, src, errors_in(&a), NULL);
    struct case_facts *both = jsonl_case(&a, f->plan, src, errors_in(&a), NULL);
    struct case_facts *one = cases_new(&a, f->plan, errors_in(&a));
    one->loc = (struct src_loc){src, 3, 1, 3, 1};
    bool ok = jsonl_fast(&a, f->plan, src, one);
    if (!same_facts(f->plan, full, both) ||
        !same_diags(full->errors, both->errors))
        fail_msg("jsonl_case differs from yajl's reading on: %.*s", (int)len,
                 text);
    if (ok && (full->errors->head || !same_facts(f->plan, full, one))) {
        diag_print_all(full->errors, stderr);
        fail_msg("the one-pass reader took a line yajl reads otherwise: %.*s",
                 (int)len, text);
    }
    arena_free(&a);
    return ok;
}

static uint64_t seed;

static unsigned rnd(unsigned n)
{
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((seed >> 33) % n);
}

static void pick(struct sbuf *b, const char *const *choices, size_t n)
{
    sb_puts(b, choices[rnd((unsigned)n)]);
}
#define PICK(b, arr) pick(b, arr, sizeof arr / sizeof arr[0])

static void ws(struct sbuf *b)
{
    static const char *const w[] = {"", "", " ", "  ", "\t"};
    PICK(b, w);
}

/* A value for fact i of the plan: mostly of its type. */
static void value(struct sbuf *b, const struct plan *p, int i)
{
    static const char *const bools[] = {"true", "false", "null"};
    static const char *const nums[] = {"0",
                                       "12",
                                       "-3",
                                       "12.5",
                                       "1e3",
                                       "2.5E-2",
                                       "-0.75",
                                       "100",
                                       "0.0",
                                       "1e+2",
                                       "7",
                                       "null",
                                       "123456789012345678901234"};
    static const char *const texts[] = {"\"松滋 路\"", "\"a b\"", "\"\"",
                                        "\"𠀀字\"", "null"};
    static const char *const dates[] = {"\"2023-02-10\"", "\"2024-12-31\"",
                                        "null"};
    static const char *const syms[] = {"\"甲類\"", "\"乙类\"", "\"丙類\"",
                                       "null"};
    static const char *const sets[] = {"[\"接受宴請\"]",
                                       "[]",
                                       "[\"收受禮金\", \"未批先建\"]",
                                       "[ \"接受宴请\" ,\"接受宴請\" ]",
                                       "\"未批先建\"",
                                       "null"};
    switch (p->facts[i].type) {
    case VT_BOOL:
        PICK(b, bools);
        break;
    case VT_NUM:
        PICK(b, nums);
        break;
    case VT_TEXT:
        PICK(b, texts);
        break;
    case VT_DATE:
        PICK(b, dates);
        break;
    case VT_SYM:
        PICK(b, syms);
        break;
    default:
        PICK(b, sets);
        break;
    }
}

/* A line as a register would have it: each fact given at most once, in
 * any order, under its name or the other script's. */
static void good_line(struct sbuf *b, const struct plan *p, int n)
{
    static const char *const titles[] = {"\"合成案件\"", "null", "\"\""};
    static const char *const ids[] = {"\"B%d\"", "%d", "\"案 %d\""};
    b->len = 0;
    sb_puts(b, "{");
    ws(b);
    sb_printf(b, "\"id\":%s", rnd(2) ? " " : "");
    sb_printf(b, ids[rnd(3)], n);
    if (rnd(2))
        sb_printf(b, ", \"title\": %s", titles[rnd(3)]);
    sb_puts(b, ", \"facts\":");
    ws(b);
    sb_puts(b, "{");
    unsigned given = 0;
    const char *sep = "";
    for (int k = 0; k < p->nfacts; k++) {
        int i = (int)rnd((unsigned)p->nfacts);
        if (given >> i & 1)
            continue;
        given |= 1u << i;
        const char *name = p->facts[i].name;
        if (strcmp(name, "發現") == 0 && rnd(2))
            name = "发现";
        sb_printf(b, "%s\"%s\":", sep, name);
        ws(b);
        value(b, p, i);
        ws(b);
        sep = ",";
    }
    sb_puts(b, "}");
    ws(b);
    sb_puts(b, "}");
    ws(b);
}

/* A random change to the line: a byte replaced, taken out, or put in. */
static void mutate(struct sbuf *b)
{
    static const char bytes[] = "\"\\,:{}[] \tx0-.e\xE4\xB8\x80\xFF\xC0\x01n";
    size_t at = rnd((unsigned)b->len + 1);
    char c = bytes[rnd(sizeof bytes)]; /* the NUL byte too */
    switch (rnd(3)) {
    case 0:
        if (at < b->len)
            b->p[at] = c;
        break;
    case 1:
        if (at < b->len) {
            memmove(b->p + at, b->p + at + 1, b->len - at - 1);
            b->len--;
        }
        break;
    default:
        sb_put(b, "", 1); /* room */
        memmove(b->p + at + 1, b->p + at, b->len - 1 - at);
        b->p[at] = c;
        break;
    }
}

/* Well-formed lines: the one-pass reader takes every one, and finds what
 * yajl finds. */
static void test_fast_good_lines(void **state)
{
    struct fixture *f = *state;
    struct sbuf b = {0};
    seed = 1;
    for (int n = 0; n < 3000; n++) {
        good_line(&b, f->plan, n);
        assert_true(check_line(f, b.p, b.len));
    }
    sb_free(&b);
}

/* Lines with a change or three: the same facts and the same errors
 * either way; the one-pass reader takes only lines without fault. */
static void test_fast_mutated_lines(void **state)
{
    struct fixture *f = *state;
    struct sbuf b = {0};
    seed = 2;
    int taken = 0;
    for (int n = 0; n < 20000; n++) {
        good_line(&b, f->plan, n);
        for (unsigned k = 1 + rnd(3); k > 0; k--)
            mutate(&b);
        taken += check_line(f, b.p, b.len);
    }
    assert_true(taken > 0);
    sb_free(&b);
}

/* What the one-pass reader leaves to yajl's reading. */
static void test_fast_declines(void **state)
{
    struct fixture *f = *state;
    static const char *const lines[] = {
        "{\"facts\": {\"甲\": true}}",                /* no id */
        "{}",                                         /* no id */
        "{\"id\": \"a\", \"甲\": true}",              /* unknown field */
        "{\"id\": \"a\", \"facts\": {\"丁\": true}}", /* unknown fact */
        "{\"id\": \"a\", \"facts\": {\"甲\": 1}}",    /* wrong type */
        "{\"id\": \"a\", \"facts\": {\"甲\": true, \"甲\": false}}",
        "{\"id\": \"a\", \"facts\": {\"發現\": true, \"发现\": false}}",
        "{\"id\": \"a\\u0041\", \"facts\": {}}",          /* an escape */
        "{\"id\": \"a\", \"facts\": {}}\r",               /* \r */
        "{\"id\": \"a\", \"facts\": {}} x",               /* after it */
        "{\"id\": \"a\", \"facts\": {\"域\": \"丁類\"}}", /* no option */
        "{\"id\": \"a\", \"facts\": {\"日\": \"2023-2-1\"}}",
        "{\"id\": \"a\", \"facts\": {\"甲\": [true]}}", /* a list */
        "{\"id\": \"a\", \"facts\": {\"行為\": [1]}}",
        "{\"id\": \"a\", \"facts\": {\"額\": 01}}",
        "{\"id\": \"a\", \"facts\": {\"額\": 1e99999}}",
        "{\"id\": \"a\", \"facts\": {\"甲\": truex}}",
        "{\"id\": \"a\", \"facts\": {\"名\": \"\xC0\xAF\"}}", /* overlong */
        "{\"id\": \"a\", \"facts\": {\"名\": \"\xED\xA0\x80\"}}",
        "{\"id\": \"a\", \"facts\": {\"名\": \"\xE0\x80\xAF\"}}",
        "{\"id\": \"a\", \"facts\": {\"名\": \"\xF0\x80\x80\xAF\"}}",
        "{\"id\": \"a\", \"facts\": {\"名\": \"\xF4\x90\x80\x80\"}}",
        "{\"id\": \"a\", \"facts\": {\"名\": \"\xE4\xB8\"}}",
        "{\"id\": \"a\", \"facts\": {\"名\": {}}}",
        "{\"id\": null, \"facts\": {}}",
        "{\"id\": \"a\", \"title\": 3}",
        "{\"id\": \"a\", \"id\": \"b\"}",
        "[1]",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        bool ok;
        fast(f, lines[i], &ok);
        if (ok)
            fail_msg("took: %s", lines[i]);
        check_line(f, lines[i], strlen(lines[i]));
    }
}

/* The one-pass reader skips spaces up to the NUL that ends a source's
 * text: a line whose text goes on past its length is left to yajl, which
 * reads the same case from it. */
static void test_fast_needs_nul(void **state)
{
    struct fixture *f = *state;
    const char *text = "{\"id\": \"a\", \"facts\": {\"甲\": true}}   ";
    size_t len = strlen(text) - 3;
    struct source *src =
        src_from_text(&f->arena, "t.jsonl", text, strlen(text), 3);
    src->json = true;
    struct case_facts *cf = cases_new(&f->arena, f->plan, fx_errors(f));
    src->len = len; /* its text has spaces, not a NUL, at len */
    assert_false(jsonl_fast(&f->arena, f->plan, src, cf));
    cf = jsonl_case(&f->arena, f->plan, src, fx_errors(f), NULL);
    assert_null(cf->errors->head);
    assert_string_equal(cf->id, "a");
    assert_true(cf->vals[fx_fact(f->plan, "甲")].u.b);
    src = src_from_text(&f->arena, "t.jsonl", text, len, 3); /* a NUL */
    src->json = true;
    cf = cases_new(&f->arena, f->plan, fx_errors(f));
    assert_true(jsonl_fast(&f->arena, f->plan, src, cf));
}

/* Places are columns, a character each, as yajl's reading counts them. */
static void test_fast_columns(void **state)
{
    struct fixture *f = *state;
    bool ok;
    struct case_facts *cf =
        fast(f,
             "{\"id\": \"案一\", \"facts\": {\"名\": \"松滋\", \"甲\": true, "
             "\"行為\": [\"接受宴請\"], \"額\": -2.5}}",
             &ok);
    assert_true(ok);
    assert_string_equal(cf->id, "案一");
    const struct plan *p = f->plan;
    int i = fx_fact(p, "名");
    assert_int_equal(cf->locs[i].first_column, 29);
    assert_int_equal(cf->locs[i].last_column, 33);
    i = fx_fact(p, "甲");
    assert_int_equal(cf->locs[i].first_column, 40);
    assert_int_equal(cf->locs[i].last_column, 44);
    i = fx_fact(p, "行為");
    assert_int_equal(cf->locs[i].first_column, 46); /* the key's */
    assert_int_equal(cf->locs[i].last_column, 50);
    assert_true(cf->vals[i].known);
    i = fx_fact(p, "額");
    assert_int_equal(cf->locs[i].first_column, 67);
    assert_int_equal(cf->locs[i].last_column, 71);
    const char *text = cf->loc.src->text;
    assert_true(check_line(f, text, strlen(text)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fast_good_lines, setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_fast_mutated_lines, setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_fast_declines, setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_fast_columns, setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_fast_needs_nul, setup,
                                        fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
