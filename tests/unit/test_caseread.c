/* The one reader of case input (engine/caseread.c): .case files, JSON
 * Lines, a test's given case, and rc_case_set's single value. */

#include "helpers.h"

#include "engine/api_int.h"
#include "engine/caseread.h"
#include "engine/rongcuo.h"
#include "engine/trace.h"

#include <stdio.h>
#include <unistd.h>

static struct fixture *F(void **state)
{
    return *state;
}

static const char rules[] =
    "fact 甲: bool\nfact 額: number\nfact 名: text\nfact 日: date\n"
    "fact 域: one of {甲類, 乙類}\nfact 多: set of {紅, 綠, 藍}\n"
    "fact 未: bool\nfact 預: number = 7\nconclusion 成立\n"
    "rule R1 when 甲 and 額 < 10 then 成立\n"
    "verdict { 容錯 when 成立 otherwise 不容錯 }\n";

/* Two cases, as a .case file and as JSON Lines. */
static const char case_text[] =
    "case \"A-1\" \"第一\" {\n"
    "  甲 = 是, 額 = -12.50, 名 = 「張三」\n"
    "  日 = 2023-05-01; 域 = 乙類, 多 = {紅, 藍}, 未 = unknown\n"
    "}\n"
    "# between the cases\n"
    "case \"A-2\" { 甲 = 否  額 = 0.125  多 = {} }\n";
static const char jsonl_text[] =
    "{\"id\": \"A-1\", \"title\": \"第一\", \"facts\": {\"甲\": true, "
    "\"額\": -12.50, \"名\": \"張三\", \"日\": \"2023-05-01\", \"域\": "
    "\"乙類\", \"多\": [\"紅\", \"藍\"], \"未\": null}}\n"
    "\n"
    "{\"id\": \"A-2\", \"facts\": {\"甲\": false, \"額\": 0.125, "
    "\"多\": []}}\n";

static int setup(void **state)
{
    fx_setup(state);
    fx_plan(*state, rules);
    return 0;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* The facts of cf, one line each: name, value, and where it came from. */
static void facts_text(const struct plan *p, const struct case_facts *cf,
                       struct sbuf *out)
{
    static const char *const from[] = {"absent", "default", "case"};
    sb_printf(out, "%s|%s\n", cf->id ? cf->id : "-",
              cf->title ? cf->title : "-");
    for (int i = 0; i < p->nfacts; i++) {
        sb_printf(out, "%s = ", p->facts[i].name);
        trace_value(&p->facts[i], &cf->vals[i], LANG_EN, out);
        sb_printf(out, " (%s)\n", from[cf->origin[i]]);
    }
}

/* Every case of the file at path, read as rc_cases_next reads it. */
static void read_all(struct fixture *f, const char *path, struct sbuf *out)
{
    struct case_reader *r = xcalloc(1, sizeof *r);
    struct arena keep, a;
    arena_init(&keep);
    arena_init(&a);
    caseread_open(r, &keep, f->plan, path);
    struct case_facts *cf;
    while ((cf = caseread_next(r, &a)) != NULL) {
        if (cf->errors->errors)
            diag_print_all(cf->errors, stderr);
        assert_int_equal(cf->errors->errors, 0);
        facts_text(f->plan, cf, out);
    }
    caseread_close(r);
    free(r);
    arena_free(&a);
    arena_free(&keep);
}

static void test_same_facts_both_formats(void **state)
{
    struct fixture *f = F(state);
    char dir[] = "/tmp/caseread.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cpath[64], jpath[64];
    snprintf(cpath, sizeof cpath, "%s/t.case", dir);
    snprintf(jpath, sizeof jpath, "%s/t.jsonl", dir);
    write_file(cpath, case_text);
    write_file(jpath, jsonl_text);
    struct sbuf from_case = {0}, from_jsonl = {0};
    read_all(f, cpath, &from_case);
    read_all(f, jpath, &from_jsonl);
    assert_non_null(strstr(from_case.p, "A-2|-\n"));
    assert_non_null(strstr(from_case.p, "預 = 7 (default)"));
    assert_non_null(strstr(from_case.p, "額 = -12.5 (case)"));
    assert_string_equal(from_case.p, from_jsonl.p);
    sb_free(&from_case);
    sb_free(&from_jsonl);
    unlink(cpath);
    unlink(jpath);
    rmdir(dir);
}

/* A test's given case reads the same facts from either format. */
static void test_given_same_facts(void **state)
{
    struct fixture *f = F(state);
    const char *names[] = {"g.case", "g.jsonl"};
    const char *texts[] = {case_text, jsonl_text};
    struct sbuf got[2] = {{0}, {0}};
    for (int k = 0; k < 2; k++) {
        struct diag_list *errors = fx_errors(f);
        const struct case_facts *cf = NULL;
        int outside = -1;
        int n =
            caseread_given(&f->arena, f->plan, fx_src(f, names[k], texts[k]),
                           "A-1", errors, &cf, &outside);
        assert_int_equal(n, 2);
        assert_int_equal(outside, 0);
        assert_int_equal(errors->errors, 0);
        assert_non_null(cf);
        facts_text(f->plan, cf, &got[k]);
    }
    assert_non_null(strstr(got[0].p, "名 = \"張三\" (case)"));
    assert_string_equal(got[0].p, got[1].p);
    sb_free(&got[0]);
    sb_free(&got[1]);
}

/* A given case file that holds a policy or a test has the error a case
 * file has (it was silently ignored). */
static void test_given_policy_is_error(void **state)
{
    struct fixture *f = F(state);
    const char *bad[] = {
        "policy \"p\"\ncase \"A\" { 甲 = 是 }\n",
        "case \"A\" { 甲 = 是 }\ntest \"t\" { expect verdict 容錯 }\n",
    };
    for (int k = 0; k < 2; k++) {
        struct diag_list *errors = fx_errors(f);
        const struct case_facts *cf = NULL;
        int outside = 0;
        int n = caseread_given(&f->arena, f->plan, fx_src(f, "g.case", bad[k]),
                               NULL, errors, &cf, &outside);
        assert_int_equal(n, 1);
        assert_int_equal(outside, 1);
        const struct diag *d =
            fx_need(errors, DIAG_ERROR, "a case file holds only case blocks");
        assert_int_equal(d->loc.first_line, k == 0 ? 1 : 2);
    }
}

/* The value parser: one value, and nothing after it. */
static void test_value_alone(void **state)
{
    struct fixture *f = F(state);
    const char *good[] = {"是",   " 12.5 ",   "-3",      "2023-05-01", "「文」",
                          "甲類", "{紅, 藍}", "unknown", "否 # 註"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        struct diag_list *dl = fx_errors(f);
        assert_non_null(
            caseread_value(&f->arena, dl, "<value>", good[i], strlen(good[i])));
        assert_int_equal(dl->errors, 0);
    }
    const char *bad[] = {"",
                         "是 否",
                         "是 } fact x: bool",
                         "是\n}\ncase \"x\" { 甲 = 否",
                         "{紅} 藍",
                         "12 ;",
                         "1 2",
                         "是,"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct diag_list *dl = fx_errors(f);
        assert_null(
            caseread_value(&f->arena, dl, "<value>", bad[i], strlen(bad[i])));
        assert_true(dl->errors > 0);
    }
}

static struct rc_ruleset *load(void)
{
    struct rc_diags *d;
    struct rc_ruleset *rs =
        rc_ruleset_load_buffer("mem.rules", rules, strlen(rules), &d);
    assert_non_null(rs);
    rc_diags_free(d);
    return rs;
}

/* rc_case_set takes one value: anything after it is refused, and the
 * fact keeps the value it had. */
static void test_set_rejects_trailing(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load();
    struct rc_case *c = rc_case_new(rs, "A", NULL);
    assert_int_equal(rc_case_set(c, "甲", "否"), 0);
    assert_int_equal(rc_case_set(c, "甲", "是 } fact x: bool"), -1);
    assert_non_null(strstr(rc_case_error(c), "is not a value for fact '甲'"));
    assert_non_null(
        strstr(rc_case_error(c), "unexpected text after the value"));
    assert_int_equal(rc_case_set(c, "甲", "是\n}\ncase \"B\" { 甲 = 否"), -1);
    assert_int_equal(rc_case_set(c, "額", "1 2"), -1);
    assert_int_equal(rc_case_set(c, "甲", "是 ; "), -1);
    assert_int_equal(c->cf->vals[0].u.b, false); /* as it was */
    assert_int_equal(rc_case_set(c, "甲", "是 # a comment"), 0);
    assert_int_equal(c->cf->vals[0].u.b, true);
    rc_case_free(c);
    rc_ruleset_free(rs);
}

/* A number past 64 bits set by rc_case_set outlives the reading of the
 * next value (which reuses the scratch memory it was read into). */
static void test_set_keeps_big_number(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load();
    struct rc_case *c = rc_case_new(rs, "A", NULL);
    const char *big = "123456789012345678901234567890.5";
    assert_int_equal(rc_case_set(c, "額", big), 0);
    for (int i = 0; i < 100; i++) /* the scratch is read over again */
        assert_int_equal(rc_case_set(c, "名", "「9999999999999999999999」"), 0);
    struct sbuf out = {0};
    num_print(&out, c->cf->vals[1].u.num);
    assert_string_equal(out.p, big);
    sb_free(&out);
    assert_int_equal(rc_case_set(c, "額", big), 0); /* replaced: freed */
    rc_case_free(c);
    rc_ruleset_free(rs);
}

/* Setting the same facts again and again does not grow the case. */
static void test_set_memory_bounded(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load();
    struct rc_case *c = rc_case_new(rs, "A", NULL);
    size_t after_first = 0;
    for (int i = 0; i < 20000; i++) {
        char num[32];
        snprintf(num, sizeof num, "%d.5", i);
        assert_int_equal(rc_case_set(c, "額", num), 0);
        assert_int_equal(rc_case_set(c, "名", "「一段文字，每次都一樣」"), 0);
        assert_int_equal(rc_case_set(c, "多", "{紅, 綠}"), 0);
        assert_int_equal(rc_case_set(c, "甲", "是 否"), -1); /* an error */
        if (i == 0)
            after_first = api_case_bytes(c);
        else
            assert_true(api_case_bytes(c) <= after_first);
    }
    rc_case_free(c);
    rc_ruleset_free(rs);
}

/* A batch is bounded by its bytes: 60 lines of 100 KB come in batches of
 * about 1 MiB (they came all at once, as 2,048 lines would), and every
 * line comes, in order; short lines stop at the count. */
static void test_batch_bounded_by_bytes(void **state)
{
    struct fixture *f = F(state);
    struct sbuf in = {0}, text = {0};
    for (int i = 0; i < 63; i++) {
        sb_printf(&in, "{\"id\": \"L%d\", \"title\": \"", i);
        for (int k = 0; i < 60 && k < 100000; k++)
            sb_puts(&in, "x");
        sb_puts(&in, "\", \"facts\": {\"甲\": true}}\n");
    }
    struct case_reader r;
    caseread_open_source(&r, &f->arena, f->plan, fx_src(f, "long.jsonl", in.p));
    struct arena scratch;
    arena_init(&scratch);
    static struct case_record rec[2048];
    const size_t cap = 1024 * 1024;
    int n, seen = 0, batches = 0;
    while ((n = caseread_batch(&r, &scratch, &text, rec, seen < 60 ? 2048 : 2,
                               cap)) > 0) {
        assert_true(text.len < cap + 100100);
        assert_true(seen >= 60 || n <= 11);
        for (int i = 0; i < n; i++, seen++)
            assert_int_equal(rec[i].lineno, seen + 1);
        batches++;
    }
    assert_int_equal(seen, 63);
    assert_true(batches >= 6);
    caseread_close(&r);
    arena_free(&scratch);
    sb_free(&in);
    sb_free(&text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_same_facts_both_formats, setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_given_same_facts, setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_given_policy_is_error, setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_value_alone, setup, fx_teardown),
        cmocka_unit_test(test_set_rejects_trailing),
        cmocka_unit_test(test_set_memory_bounded),
        cmocka_unit_test(test_set_keeps_big_number),
        cmocka_unit_test_setup_teardown(test_batch_bounded_by_bytes, setup,
                                        fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
