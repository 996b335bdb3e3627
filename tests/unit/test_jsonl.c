/* JSON Lines cases (engine/jsonl.c, LANGUAGE.md §5 and §8). */

#include "helpers.h"

#include "engine/jsonl.h"
#include "engine/limits.h"
#include "engine/sbuf.h"
#include "engine/rongcuo.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static struct fixture *F(void **state)
{
    return *state;
}

/* Every test reads cases for the §2 example. */
static int setup(void **state)
{
    fx_setup(state);
    fx_plan(*state, EXAMPLE_EN);
    return 0;
}

/* One line of a JSON Lines file, as line 7 of "t.jsonl". */
static struct case_facts *jl(struct fixture *f, const char *text)
{
    struct source *src =
        src_from_text(&f->arena, "t.jsonl", text, strlen(text), 7);
    struct case_facts *cf =
        jsonl_case(&f->arena, f->plan, src, fx_errors(f), NULL);
    assert_non_null(cf);
    assert_non_null(cf->errors);
    return cf;
}

static int fact(struct fixture *f, const char *name)
{
    return fx_fact(f->plan, name);
}

static void assert_no_errors(const struct case_facts *cf)
{
    if (cf->errors->errors) {
        diag_print_all(cf->errors, stderr);
        fail_msg("want no errors, got %d", cf->errors->errors);
    }
}

/* The only error: it must contain needle, on line 7. */
static const struct diag *only_error(const struct case_facts *cf,
                                     const char *needle)
{
    if (cf->errors->errors != 1) {
        diag_print_all(cf->errors, stderr);
        fail_msg("want 1 error, got %d", cf->errors->errors);
    }
    const struct diag *d = fx_need(cf->errors, DIAG_ERROR, needle);
    assert_int_equal(d->loc.first_line, 7);
    assert_non_null(d->loc.src);
    assert_string_equal(d->loc.src->name, "t.jsonl");
    return d;
}

static void test_jsonl_good_line(void **state)
{
    struct fixture *f = F(state);
    struct case_facts *cf =
        jl(f, "{\"id\": \"J1\", \"title\": \"松滋\", \"facts\": {"
              "\"謀取私利\": false, \"政策把握不準\": true, "
              "\"損失金額\": 12.5, \"已整改\": true, \"領域\": \"營商環境\", "
              "\"行為\": [\"未批先建\", \"接受宴請\"], "
              "\"決策日期\": \"2023-02-10\"}}");
    assert_no_errors(cf);
    assert_string_equal(cf->id, "J1");
    assert_string_equal(cf->title, "松滋");
    assert_int_equal(cf->loc.first_line, 7);
    const struct plan *p = f->plan;
    int i = fact(f, "謀取私利");
    assert_true(cf->vals[i].known);
    assert_false(cf->vals[i].u.b);
    assert_int_equal(cf->origin[i], FROM_CASE);
    assert_int_equal(cf->locs[i].first_line, 7);
    i = fact(f, "損失金額");
    assert_true(cf->vals[i].u.num.n == 25 && cf->vals[i].u.num.d == 2);
    i = fact(f, "領域");
    assert_int_equal(cf->vals[i].u.sym,
                     plan_option(p->facts[i].dom, "營商環境"));
    i = fact(f, "行為");
    const struct domain *acts = p->facts[i].dom;
    assert_true(cf->vals[i].known);
    assert_true(cf->vals[i].u.set ==
                ((uint64_t)1 << plan_option(acts, "未批先建") |
                 (uint64_t)1 << plan_option(acts, "接受宴請")));
    assert_int_equal(cf->origin[i], FROM_CASE);
    i = fact(f, "決策日期");
    assert_int_equal(cf->vals[i].u.date, ast_date(2023, 2, 10));
    /* a fact left out keeps its default */
    i = fact(f, "被惡意誣告");
    assert_int_equal(cf->origin[i], FROM_DEFAULT);
    assert_int_equal(cf->origin[fact(f, "明知故犯")], FROM_DEFAULT);
    const struct result *r = fx_eval(f, cf);
    assert_int_equal(r->status, ST_DECIDED);
    assert_string_equal(fx_verdict(r), "容錯減責");
}

static void test_jsonl_null_is_unknown(void **state)
{
    struct fixture *f = F(state);
    struct case_facts *cf =
        jl(f, "{\"id\": \"J2\", \"title\": null, \"facts\": {"
              "\"謀取私利\": false, \"政策把握不準\": true, "
              "\"已整改\": null, \"損失金額\": null}}");
    assert_no_errors(cf);
    assert_null(cf->title);
    int i = fact(f, "已整改");
    assert_false(cf->vals[i].known);
    assert_int_equal(cf->origin[i], FROM_CASE);
    /* null beats a default, as an explicit unknown does */
    i = fact(f, "損失金額");
    assert_false(cf->vals[i].known);
    assert_int_equal(cf->origin[i], FROM_CASE);
    const struct result *r = fx_eval(f, cf);
    assert_int_equal(r->status, ST_UNDETERMINED);
    assert_string_equal(fx_missing(f, r), "已整改,損失金額");
}

static void test_jsonl_set_of_as_array(void **state)
{
    struct fixture *f = F(state);
    int i = fact(f, "行為");
    const struct domain *acts = f->plan->facts[i].dom;
    struct case_facts *cf = jl(f, "{\"id\": \"s\", \"facts\": {\"行為\": []}}");
    assert_no_errors(cf);
    assert_true(cf->vals[i].known);
    assert_true(cf->vals[i].u.set == 0);
    cf = jl(f, "{\"id\": \"s\", \"facts\": {\"行為\": "
               "[\"收受禮金\", \"違規用車\", \"收受禮金\"]}}");
    assert_no_errors(cf);
    assert_true(cf->vals[i].u.set ==
                ((uint64_t)1 << plan_option(acts, "收受禮金") |
                 (uint64_t)1 << plan_option(acts, "違規用車")));
    /* one option as a string is a set of one */
    cf = jl(f, "{\"id\": \"s\", \"facts\": {\"行為\": \"收受禮金\"}}");
    assert_no_errors(cf);
    assert_true(cf->vals[i].u.set == (uint64_t)1
                                         << plan_option(acts, "收受禮金"));
    cf = jl(f, "{\"id\": \"s\", \"facts\": {\"行為\": null}}");
    assert_no_errors(cf);
    assert_false(cf->vals[i].known);
}

static void test_jsonl_set_of_bad_items(void **state)
{
    struct fixture *f = F(state);
    /* {"id": "x", "facts": {"行為": ["接受宴請", 3, "打牌"]}}
       the 3 is at column 38, "打牌" at 41 */
    struct case_facts *cf = jl(f, "{\"id\": \"x\", \"facts\": {\"行為\": "
                                  "[\"接受宴請\", 3, \"打牌\"]}}");
    assert_int_equal(cf->errors->errors, 2);
    const struct diag *d = fx_need(cf->errors, DIAG_ERROR, "holds strings");
    assert_int_equal(d->loc.first_column, 38);
    d = fx_need(cf->errors, DIAG_ERROR, "'打牌' is not an option of 行為");
    assert_int_equal(d->loc.first_column, 41);
    assert_non_null(strstr(d->hint, "接受宴請"));
}

/* A list inside the list of a set-of fact is no option. */
static void test_jsonl_set_of_nested_array(void **state)
{
    struct fixture *f = F(state);
    struct case_facts *cf =
        jl(f, "{\"id\": \"x\", \"facts\": {\"行為\": [[\"接受宴請\"]]}}");
    assert_true(cf->errors->errors >= 1);
}

static void test_jsonl_options_and_dates_as_strings(void **state)
{
    struct fixture *f = F(state);
    struct case_facts *cf = jl(f, "{\"id\": \"d\", \"facts\": {"
                                  "\"領域\": \"其他\", "
                                  "\"決策日期\": \"2024-02-29\"}}");
    assert_no_errors(cf);
    int area = fact(f, "領域"), day = fact(f, "決策日期");
    assert_int_equal(cf->vals[area].u.sym,
                     plan_option(f->plan->facts[area].dom, "其他"));
    assert_int_equal(cf->vals[day].u.date, ast_date(2024, 2, 29));
    /* {"id": "d", "facts": {"決策日期": "2023-02-30"}}: the value at 31 */
    cf = jl(f, "{\"id\": \"d\", \"facts\": {\"決策日期\": \"2023-02-30\"}}");
    const struct diag *d = only_error(cf, "'2023-02-30' is not a date");
    assert_int_equal(d->loc.first_column, 31);
    cf = jl(f, "{\"id\": \"d\", \"facts\": {\"決策日期\": 20230210}}");
    only_error(cf, "fact '決策日期' takes a date");
    /* {"id": "d", "facts": {"領域": "火星"}}: the value at 29 */
    cf = jl(f, "{\"id\": \"d\", \"facts\": {\"領域\": \"火星\"}}");
    d = only_error(cf, "'火星' is not an option of 領域");
    assert_int_equal(d->loc.first_column, 29);
    cf = jl(f, "{\"id\": \"d\", \"facts\": {\"領域\": \"其它\"}}");
    d = only_error(cf, "'其它' is not an option of 領域");
    assert_non_null(strstr(d->hint, "did you mean '其他'?"));
}

static void test_jsonl_unknown_fact(void **state)
{
    struct fixture *f = F(state);
    /* {"id":"x","facts":{"謀取私立":true}}: the name at column 20 */
    struct case_facts *cf =
        jl(f, "{\"id\":\"x\",\"facts\":{\"謀取私立\":true}}");
    const struct diag *d =
        only_error(cf, "the rule set has no fact '謀取私立'");
    assert_int_equal(d->loc.first_column, 20);
    assert_int_equal(d->loc.last_column, 26);
    assert_string_equal(d->hint, "did you mean '謀取私利'?");
    assert_int_equal(fx_eval(f, cf)->status, ST_ERROR);
    /* after a CJK id, with spaces */
    cf = jl(f, "{\"id\": \"甲乙\", \"facts\": {\"已正改\": true}}");
    d = only_error(cf, "no fact '已正改'");
    assert_int_equal(d->loc.first_column, 24);
    assert_string_equal(d->hint, "did you mean '已整改'?");
}

static void test_jsonl_wrong_type_at_value(void **state)
{
    struct fixture *f = F(state);
    /* {"id": "甲乙", "facts": {"已整改": 3}}: the 3 at column 31 */
    struct case_facts *cf =
        jl(f, "{\"id\": \"甲乙\", \"facts\": {\"已整改\": 3}}");
    const struct diag *d = only_error(cf, "fact '已整改' takes");
    assert_non_null(strstr(d->msg, "not a number"));
    assert_int_equal(d->loc.first_column, 31);
    assert_int_equal(d->loc.last_column, 32);
    /* a string is not a bool either: "true" at column 30 */
    cf = jl(f, "{\"id\": \"x\", \"facts\": {\"已整改\": \"true\"}}");
    d = only_error(cf, "not a string");
    assert_int_equal(d->loc.first_column, 30);
    assert_int_equal(d->loc.last_column, 36);
    /* a number for a one-of fact: 12 at column 29 */
    cf = jl(f, "{\"id\": \"x\", \"facts\": {\"領域\": 12}}");
    d = only_error(cf, "fact '領域' takes one of its options");
    assert_int_equal(d->loc.first_column, 29);
    /* a bool for a number: false at column 31 */
    cf = jl(f, "{\"id\": \"x\", \"facts\": {\"損失金額\": false}}");
    d = only_error(cf, "fact '損失金額' takes a number");
    assert_int_equal(d->loc.first_column, 31);
    assert_int_equal(d->loc.last_column, 36);
    /* a list for a single value */
    cf = jl(f, "{\"id\": \"x\", \"facts\": {\"已整改\": [true]}}");
    d = only_error(cf, "takes one value, not a list");
    assert_int_equal(d->loc.first_column, 30);
    /* an object for a value */
    cf = jl(f, "{\"id\": \"x\", \"facts\": {\"已整改\": {\"a\": 1}}}");
    only_error(cf, "an object is not a value here");
}

static void test_jsonl_numbers(void **state)
{
    struct fixture *f = F(state);
    int i = fact(f, "損失金額");
    static const struct {
        const char *json;
        int64_t n, d;
    } want[] = {{"1e3", 1000, 1}, {"-0.5", -1, 2}, {"1E-2", 1, 100},
                {"12.50", 25, 2}, {"0", 0, 1},     {"0.1", 1, 10},
                {"2.5E+1", 25, 1}};
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        char text[128];
        snprintf(text, sizeof text,
                 "{\"id\": \"n\", \"facts\": {\"損失金額\": %s}}",
                 want[k].json);
        struct case_facts *cf = jl(f, text);
        assert_no_errors(cf);
        if (cf->vals[i].u.num.n != want[k].n ||
            cf->vals[i].u.num.d != want[k].d)
            fail_msg("%s read as %lld/%lld", want[k].json,
                     (long long)cf->vals[i].u.num.n,
                     (long long)cf->vals[i].u.num.d);
    }
    /* past 64 bits, exactly (printed back the same) */
    static const char *const big[] = {"99999999999999999999", "1e-30",
                                      "0.1234567890123456789"};
    static const char *const shown[] = {"99999999999999999999",
                                        "0.000000000000000000000000000001",
                                        "0.1234567890123456789"};
    for (size_t k = 0; k < sizeof big / sizeof big[0]; k++) {
        char text[128];
        snprintf(text, sizeof text,
                 "{\"id\": \"n\", \"facts\": {\"損失金額\": %s}}", big[k]);
        struct case_facts *cf = jl(f, text);
        assert_no_errors(cf);
        struct sbuf b = {0};
        num_print(&b, cf->vals[i].u.num);
        assert_string_equal(b.p, shown[k]);
        sb_free(&b);
    }
    /* past the limits: an exponent over 1000, 1001 digits */
    struct case_facts *cf = jl(f, "{\"id\": \"n\", \"facts\": "
                                  "{\"損失金額\": 1e1001}}");
    const struct diag *d = only_error(cf, "too large");
    assert_int_equal(d->loc.first_column, 31);
    char text[LIMIT_NUM_DIGITS + 64];
    int k = snprintf(text, sizeof text,
                     "{\"id\": \"n\", \"facts\": {\"損失金額\": ");
    memset(text + k, '7', LIMIT_NUM_DIGITS + 1);
    strcpy(text + k + LIMIT_NUM_DIGITS + 1, "}}");
    cf = jl(f, text);
    d = only_error(cf, "too large");
    assert_int_equal(d->loc.first_column, 31);
}

static void test_jsonl_malformed(void **state)
{
    struct fixture *f = F(state);
    /* {"id": "x", "facts": {"已整改": tru}}: the bad literal is at 30 */
    struct case_facts *cf =
        jl(f, "{\"id\": \"x\", \"facts\": {\"已整改\": tru}}");
    const struct diag *d = only_error(cf, "malformed JSON");
    assert_true(strncmp(d->msg, "malformed JSON: ", 16) == 0);
    assert_true(d->loc.first_column >= 30 && d->loc.first_column <= 33);
    assert_non_null(d->hint);
    assert_int_equal(fx_eval(f, cf)->status, ST_ERROR);
    /* trailing garbage: the x at column 38 */
    cf = jl(f, "{\"id\": \"x\", \"facts\": {\"已整改\": true}} x");
    d = only_error(cf, "malformed JSON");
    assert_int_equal(d->loc.first_column, 38);
    /* a missing comma after a CJK value: the "b" at columns 14-16 */
    cf = jl(f, "{\"id\": \"甲乙丙\" \"b\": 1}");
    d = only_error(cf, "malformed JSON");
    assert_true(d->loc.first_column >= 14 && d->loc.first_column <= 16);
}

/* A line that ends early: the error is where the line ends. */
static void test_jsonl_truncated_line(void **state)
{
    struct fixture *f = F(state);
    /* 22 code points; the JSON text ends after column 22 */
    struct case_facts *cf = jl(f, "{\"id\": \"x\", \"facts\": {");
    const struct diag *d = only_error(cf, "malformed JSON");
    assert_true(d->loc.first_column >= 22);
    cf = jl(f, "{\"id\": \"甲乙丙\"");
    d = only_error(cf, "malformed JSON");
    assert_true(d->loc.first_column >= 12);
}

static void test_jsonl_unknown_top_level_field(void **state)
{
    struct fixture *f = F(state);
    /* {"id": "x", "ttl": "a", "facts": {}}: "ttl" at column 13 */
    struct case_facts *cf =
        jl(f, "{\"id\": \"x\", \"ttl\": \"a\", \"facts\": {}}");
    const struct diag *d = only_error(cf, "unknown field \"ttl\"");
    assert_int_equal(d->loc.first_column, 13);
    assert_non_null(d->hint);
    /* whatever value it has */
    cf = jl(f, "{\"id\": \"x\", \"extra\": {\"a\": [1, 2]}, \"facts\": {}}");
    only_error(cf, "unknown field \"extra\"");
    assert_int_equal(fx_eval(f, cf)->status, ST_ERROR);
}

static void test_jsonl_missing_id(void **state)
{
    struct fixture *f = F(state);
    struct case_facts *cf =
        jl(f, "{\"title\": \"沒有編號\", \"facts\": {\"已整改\": true}}");
    const struct diag *d = only_error(cf, "the case has no \"id\"");
    assert_int_equal(d->loc.first_column, 1);
    assert_null(cf->id);
    assert_int_equal(fx_eval(f, cf)->status, ST_ERROR);
    /* a number is an id too */
    cf = jl(f, "{\"id\": 42, \"facts\": {}}");
    assert_no_errors(cf);
    assert_string_equal(cf->id, "42");
    cf = jl(f, "{\"id\": true, \"facts\": {}}");
    only_error(cf, "\"id\" must be a string or a number");
}

static void test_jsonl_not_an_object(void **state)
{
    struct fixture *f = F(state);
    struct case_facts *cf = jl(f, "[1, 2]");
    only_error(cf, "a line must be an object");
    cf = jl(f, "\"case\"");
    only_error(cf, "a line must be an object");
    cf = jl(f, "{\"id\": \"x\", \"facts\": [1]}");
    assert_true(cf->errors->errors >= 1);
    cf = jl(f, "{\"id\": \"x\", \"facts\": 3}");
    only_error(cf, "\"facts\" must be an object");
}

static void test_jsonl_fact_given_twice(void **state)
{
    struct fixture *f = F(state);
    /* {"id": "x", "facts": {"已整改": true, "已整改": false}} */
    struct case_facts *cf = jl(f, "{\"id\": \"x\", \"facts\": {\"已整改\": "
                                  "true, \"已整改\": false}}");
    const struct diag *d = only_error(cf, "fact '已整改' is given twice");
    assert_int_equal(d->loc.first_column, 36);
}

static void test_jsonl_set_of_given_twice(void **state)
{
    struct fixture *f = F(state);
    struct case_facts *cf =
        jl(f, "{\"id\": \"x\", \"facts\": {\"行為\": [\"接受宴請\"], "
              "\"行為\": [\"收受禮金\"]}}");
    only_error(cf, "fact '行為' is given twice");
}

static void test_jsonl_escapes(void **state)
{
    struct fixture *f = F(state);
    /* an escaped quote before the bad value does not shift the column:
       {"id": "a\"b", "facts": {"已整改": 1}} has the 1 at column 33 */
    struct case_facts *cf =
        jl(f, "{\"id\": \"a\\\"b\", \"facts\": {\"已整改\": 1}}");
    const struct diag *d = only_error(cf, "takes");
    assert_int_equal(d->loc.first_column, 33);
    assert_string_equal(cf->id, "a\"b");
    /* \u escapes name a fact as well as the characters do */
    cf = jl(f, "{\"id\": \"u\", \"facts\": {\"\\u5df2\\u6574\\u6539\": true}}");
    assert_no_errors(cf);
    assert_true(cf->vals[fact(f, "已整改")].known);
}

/* \u0000 would cut a string short (a case decided as 失實 from
 * "失實\u0000垃圾"): an error at the escape, in a value, an id, a title
 * and a key. */
static void test_jsonl_nul_in_string(void **state)
{
    struct fixture *f = F(state);
    struct case_facts *cf =
        jl(f, "{\"id\": \"x\", \"facts\": {\"領域\": \"其他\\u0000垃圾\"}}");
    const struct diag *d = only_error(cf, "NUL character");
    assert_int_equal(d->loc.first_column, 32);
    assert_int_equal(d->loc.last_column, 38);
    assert_false(cf->vals[fact(f, "領域")].known);
    cf = jl(f, "{\"id\": \"x\\u0000y\", \"facts\": {}}");
    d = only_error(cf, "NUL character");
    assert_int_equal(d->loc.first_column, 10);
    cf = jl(f, "{\"id\": \"x\", \"title\": \"\\u0000\", \"facts\": {}}");
    only_error(cf, "NUL character");
    cf = jl(f, "{\"id\": \"x\", \"facts\": {\"已整改\\u0000x\": true}}");
    only_error(cf, "NUL character");
    /* an escaped backslash before u0000 is no escape of NUL */
    cf = jl(f, "{\"id\": \"x\\\\u0000\", \"facts\": {}}");
    assert_no_errors(cf);
    assert_string_equal(cf->id, "x\\u0000");
}

/* yajl turns a lone \ud800 into '?' and lets encoded surrogates through:
 * each is an error for the case; a pair is one character. */
static void test_jsonl_lone_surrogate(void **state)
{
    struct fixture *f = F(state);
    struct case_facts *cf = jl(f, "{\"id\": \"a\\ud800\", \"facts\": {}}");
    const struct diag *d = only_error(cf, "lone surrogate");
    assert_int_equal(d->loc.first_column, 10);
    cf = jl(f, "{\"id\": \"a\\udc00\\ud800\", \"facts\": {}}");
    only_error(cf, "lone surrogate");
    cf = jl(f, "{\"id\": \"a\\ud800x\", \"facts\": {}}");
    only_error(cf, "lone surrogate");
    cf = jl(f, "{\"id\": \"a\xed\xa0\x80\", \"facts\": {}}");
    only_error(cf, "invalid UTF-8");
    /* an overlong NUL, and an overlong '/', which yajl lets through */
    cf = jl(f, "{\"id\": \"a\xc0\x80\", \"facts\": {}}");
    only_error(cf, "invalid UTF-8");
    cf = jl(f, "{\"id\": \"a\xe0\x80\xaf\", \"facts\": {}}");
    only_error(cf, "invalid UTF-8");
    cf = jl(f, "{\"id\": \"a\xf4\x90\x80\x80\", \"facts\": {}}");
    only_error(cf, "invalid UTF-8");
    cf = jl(f, "{\"id\": \"a\\ud83d\\ude00\", \"facts\": {}}");
    assert_no_errors(cf);
    assert_string_equal(cf->id, "a\xf0\x9f\x98\x80");
}

/* "id", "title" or "facts" given twice is an error naming the first. */
static void test_jsonl_field_given_twice(void **state)
{
    struct fixture *f = F(state);
    struct case_facts *cf =
        jl(f, "{\"id\": \"a\", \"id\": \"b\", \"facts\": {}}");
    const struct diag *d = only_error(cf, "field \"id\" is given twice");
    assert_int_equal(d->loc.first_column, 13);
    assert_string_equal(d->hint, "first given at column 2");
    assert_string_equal(cf->id, "a");
    cf = jl(f, "{\"id\": \"a\", \"title\": \"t\", \"title\": \"u\"}");
    only_error(cf, "field \"title\" is given twice");
    cf = jl(f, "{\"id\": \"a\", \"facts\": {\"已整改\": true}, "
               "\"facts\": {\"謀取私利\": true}}");
    d = only_error(cf, "field \"facts\" is given twice");
    assert_string_equal(d->hint, "first given at column 13");
    assert_false(cf->vals[fact(f, "謀取私利")].known);
}

/* 90,000 unknown keys against 2,000 facts: ten are reported, then one
 * note; the case costs little memory (it took 1.45 GB and 8 s). */
static void test_jsonl_many_unknown_facts(void **state)
{
    struct fixture *f = F(state);
    struct sbuf rules = {0}, line = {0};
    for (int i = 0; i < 2000; i++)
        sb_printf(&rules, "fact 事實%d: bool\n", i);
    sb_puts(&rules, "conclusion c\nrule R when 事實0 then c\n"
                    "verdict { x when c otherwise y }\n");
    fx_plan(f, rules.p);
    sb_puts(&line, "{\"id\": \"x\", \"facts\": {");
    for (int i = 0; i < 90000; i++)
        sb_printf(&line, "%s\"k%d\":1", i ? "," : "", i);
    sb_puts(&line, "}}");
    size_t before = f->arena.total;
    struct case_facts *cf = jl(f, line.p);
    assert_true(f->arena.total - before < 4 * 1024 * 1024);
    assert_int_equal(cf->errors->errors, CASES_UNKNOWN_SHOWN);
    assert_int_equal(fx_count(cf->errors, DIAG_NOTE), 1);
    fx_need(cf->errors, DIAG_NOTE,
            "89990 more facts the rule set does not have; only the first 10 "
            "are shown");
    assert_int_equal(cf->unknown, 90000);
    sb_free(&rules);
    sb_free(&line);
}

static const char stream_rules[] = "fact a: bool\nconclusion c\n"
                                   "rule R when a then c\n"
                                   "verdict { x when c otherwise y }\n";

/* rc_cases_next over path: each case as "ID@LINE:STATUS " into out, with
 * a '!' after the status when the case has a warning; then "wN", N the
 * count of rc_cases_warnings. */
static void stream(const char *path, char *out, size_t cap)
{
    struct rc_diags *dg = NULL;
    struct rc_ruleset *rs = rc_ruleset_load_buffer("s.rules", stream_rules,
                                                   strlen(stream_rules), &dg);
    assert_non_null(rs);
    struct rc_cases *cs = rc_cases_open(rs, path);
    struct rc_eval *ev = rc_eval_new(rs);
    const struct rc_case *c;
    size_t n = 0;
    out[0] = '\0';
    while ((c = rc_cases_next(cs)) && n < cap) {
        int line = 0;
        rc_case_source(c, &line);
        rc_evaluate(ev, c);
        size_t len;
        const char *json =
            rc_eval_render(ev, RC_JSON_BRIEF, RC_LANG_AUTO, &len);
        n += (size_t)snprintf(out + n, cap - n, "%s@%d:%d%s ",
                              rc_case_id(c) ? rc_case_id(c) : "?", line,
                              (int)rc_eval_status(ev),
                              strstr(json, "\"warnings\"") ? "!" : "");
    }
    if (n < cap)
        snprintf(out + n, cap - n, "w%ld", rc_cases_warnings(cs));
    rc_eval_free(ev);
    rc_cases_close(cs);
    rc_ruleset_free(rs);
    rc_diags_free(dg);
}

/* A lone CR ends a line as LF and CRLF do, and lines count the same. */
static void test_jsonl_stream_cr(void **state)
{
    (void)state;
    char dir[] = "/tmp/rc-jsonl-XXXXXX", path[64], got[256];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/cr.jsonl", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("{\"id\": \"1\", \"facts\": {\"a\": true}}\r"
          "{\"id\": \"2\", \"facts\": {}}\r\n\r"
          "{\"id\": \"3\", \"facts\": {\"a\": 1}}\n\r"
          "{\"id\": \"4\", \"facts\": {}}",
          f);
    fclose(f);
    stream(path, got, sizeof got);
    char want[64];
    snprintf(want, sizeof want, "1@1:%d 2@2:%d 3@4:%d 4@6:%d w0", RC_DECIDED,
             RC_UNDETERMINED, RC_ERROR, RC_UNDETERMINED);
    assert_string_equal(got, want);
    unlink(path);
    rmdir(dir);
}

/* A read error is a case in error at the line, not the end of the input:
 * a directory named x.jsonl gives one, at line 1. */
static void test_jsonl_stream_read_error(void **state)
{
    (void)state;
    char dir[] = "/tmp/rc-jsonl-XXXXXX", path[64], got[256];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/x.jsonl", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    stream(path, got, sizeof got);
    char want[16];
    snprintf(want, sizeof want, "?@1:%d w0", RC_ERROR);
    assert_string_equal(got, want);
    rmdir(path);
    rmdir(dir);
}

/* A case ID used twice in one input: a warning on the second case, in
 * JSON Lines and in .case files; both are evaluated. */
static void test_jsonl_stream_duplicate_ids(void **state)
{
    (void)state;
    char dir[] = "/tmp/rc-jsonl-XXXXXX", path[64], got[256], want[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/d.jsonl", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("{\"id\": \"a\", \"facts\": {\"a\": true}}\n"
          "{\"id\": \"b\", \"facts\": {\"a\": true}}\n"
          "{\"id\": \"a\", \"facts\": {\"a\": true}}\n",
          f);
    fclose(f);
    stream(path, got, sizeof got);
    snprintf(want, sizeof want, "a@1:%d b@2:%d a@3:%d! w1", RC_DECIDED,
             RC_DECIDED, RC_DECIDED);
    assert_string_equal(got, want);
    unlink(path);
    snprintf(path, sizeof path, "%s/d.case", dir);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs("case \"a\" { a = true }\ncase \"a\" { a = true }\n", f);
    fclose(f);
    stream(path, got, sizeof got);
    snprintf(want, sizeof want, "a@1:%d a@2:%d! w1", RC_DECIDED, RC_DECIDED);
    assert_string_equal(got, want);
    unlink(path);
    rmdir(dir);
}

/* The reader's quick look at a line's "id": the ID jsonl_case would find,
 * or none; never past the line, however it ends. */
static void test_jsonl_id(void **state)
{
    (void)state;
    static const struct {
        const char *line, *id;
    } t[] = {
        {"{\"id\": \"a\", \"facts\": {}}", "a"},
        {" {\"id\":12,\"facts\":{}}", "12"},
        {"{\"id\": -1.5e3}", "-1.5e3"},
        {"{\"facts\": {\"id\": \"no\"}, \"id\": \"b\"}", "b"},
        {"{\"id\": \"\\u7532\"}", "\xe7\x94\xb2"},
        {"{\"id\": \"a\", \"id\": \"b\"}", "a"},
        {"{\"id\": \"x\\u0000y\"}", NULL},
        {"{\"id\": null}", NULL},
        {"{\"id\": [\"a\"]}", NULL},
        {"{\"id\": \"abc", NULL},
        {"{\"id\":", NULL},
        {"{\"id\"", NULL},
        {"{\"i", NULL},
        {"[{\"id\": \"a\"}]", NULL},
        {"", NULL},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        /* a copy of exactly the line's bytes, so that ASan sees a read
           past its end */
        size_t n = strlen(t[i].line);
        char *line = malloc(n ? n : 1);
        memcpy(line, t[i].line, n);
        struct arena a;
        arena_init(&a);
        char *id = jsonl_id(&a, line, n);
        if (t[i].id)
            assert_string_equal(id, t[i].id);
        else
            assert_null(id);
        arena_free(&a);
        free(line);
    }
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(test_jsonl_good_line),
        T(test_jsonl_null_is_unknown),
        T(test_jsonl_set_of_as_array),
        T(test_jsonl_set_of_bad_items),
        T(test_jsonl_set_of_nested_array),
        T(test_jsonl_options_and_dates_as_strings),
        T(test_jsonl_unknown_fact),
        T(test_jsonl_wrong_type_at_value),
        T(test_jsonl_numbers),
        T(test_jsonl_malformed),
        T(test_jsonl_truncated_line),
        T(test_jsonl_unknown_top_level_field),
        T(test_jsonl_missing_id),
        T(test_jsonl_not_an_object),
        T(test_jsonl_fact_given_twice),
        T(test_jsonl_set_of_given_twice),
        T(test_jsonl_escapes),
        T(test_jsonl_nul_in_string),
        T(test_jsonl_lone_surrogate),
        T(test_jsonl_field_given_twice),
        T(test_jsonl_many_unknown_facts),
        T(test_jsonl_stream_cr),
        T(test_jsonl_stream_read_error),
        T(test_jsonl_stream_duplicate_ids),
        T(test_jsonl_id),
    };
#undef T
    return cmocka_run_group_tests_name("jsonl", tests, NULL, NULL);
}
