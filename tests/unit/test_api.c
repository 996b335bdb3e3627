/*
 * The library interface (engine/rongcuo.h): rule sets from a buffer,
 * diagnostics as data, cases built by name, the content hash; arguments
 * checked, handles freed twice or used after free, evaluations that keep
 * what they render, and out of memory as an error at every allocation.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/arena.h" /* arena_fail_after, for the out-of-memory tests */
#include "engine/rongcuo.h"

static const char base_text[] =
    "policy \"省\" version \"1\"\nfact 甲: bool\nfact 額: number = 0\n"
    "fact 域: one of {甲類, 乙類}\nconclusion 成立\n"
    "rule R1 when 甲 and 額 < 10 then 成立\n"
    "verdict { 容錯 when 成立 otherwise 不容錯 }\n";

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *hash_of(const char *path)
{
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load(path, &d);
    if (!rs)
        fail_msg("%s", rc_diags_text(d));
    rc_diags_free(d);
    char *h = strdup(rc_ruleset_sha256(rs));
    rc_ruleset_free(rs);
    return h;
}

static void test_api_hash_changes_with_any_file_and_only_then(void **state)
{
    (void)state;
    char dir[] = "/tmp/rongcuo-api-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char base[256], city[256], copy[256];
    snprintf(base, sizeof base, "%s/base.rules", dir);
    snprintf(city, sizeof city, "%s/city.rules", dir);
    snprintf(copy, sizeof copy, "%s/copy.rules", dir);
    write_file(base, base_text);
    write_file(city, "extends \"base.rules\"\nfact 乙: bool = false\n");
    char *h1 = hash_of(city);
    assert_int_equal(strlen(h1), 64);
    /* the same content again: the same hash */
    char *h2 = hash_of(city);
    assert_string_equal(h1, h2);
    /* the base alone differs from base + city */
    char *hb = hash_of(base);
    assert_string_not_equal(h1, hb);
    /* a change to the base changes the city's hash */
    write_file(base, "# a comment is a change too\n");
    FILE *f = fopen(base, "a");
    fputs(base_text, f);
    fclose(f);
    char *h3 = hash_of(city);
    assert_string_not_equal(h1, h3);
    /* a file with the same content elsewhere has the same hash */
    write_file(copy, base_text);
    write_file(base, base_text);
    char *h4 = hash_of(city);
    assert_string_equal(h1, h4);
    char *hc = hash_of(copy);
    assert_string_equal(hc, hb);
    free(h1);
    free(h2);
    free(h3);
    free(h4);
    free(hb);
    free(hc);
    unlink(base);
    unlink(city);
    unlink(copy);
    rmdir(dir);
}

/* rc_ruleset_file: the file loaded, then each base, nearest first, named
 * as the coverage names them (test --coverage tells the author's file
 * from the inherited ones by it). */
static void test_api_files_of_a_variant(void **state)
{
    (void)state;
    char dir[] = "/tmp/rongcuo-api-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char base[256], city[256], county[256];
    snprintf(base, sizeof base, "%s/base.rules", dir);
    snprintf(city, sizeof city, "%s/city.rules", dir);
    snprintf(county, sizeof county, "%s/./county.rules", dir);
    write_file(base, base_text);
    write_file(city, "extends \"base.rules\"\nfact 乙: bool = false\n");
    write_file(county, "extends \"./city.rules\"\n"
                       "measure M when verdict == 容錯 and 乙\n"
                       "test \"t\" {\n  given { 甲 = true }\n"
                       "  expect verdict 容錯\n}\n");
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load(county, &d);
    if (!rs)
        fail_msg("%s", rc_diags_text(d));
    rc_diags_free(d);
    assert_string_equal(rc_ruleset_file(rs, 0), county);
    assert_string_equal(rc_ruleset_file(rs, 1), city);
    assert_string_equal(rc_ruleset_file(rs, 2), base);
    assert_null(rc_ruleset_file(rs, 3));
    assert_null(rc_ruleset_file(rs, -1));
    assert_null(rc_ruleset_file(NULL, 0));
    int passed = 0, failed = 0;
    assert_non_null(rc_ruleset_test(rs, RC_LANG_AUTO, &passed, &failed, NULL));
    struct rc_cover cov[4];
    assert_int_equal(rc_ruleset_coverage(rs, cov, 4), 4);
    assert_string_equal(cov[0].file, base);   /* R1 */
    assert_string_equal(cov[1].file, county); /* M */
    rc_ruleset_free(rs);
    unlink(base);
    unlink(city);
    unlink(county);
    rmdir(dir);
}

static void test_api_buffer_and_diagnostics_as_data(void **state)
{
    (void)state;
    struct rc_diags *d;
    static const char bad[] = "fact 甲: bool\nconclusion c\n"
                              "rule R when 甲乙 then c\n"
                              "verdict { x when c otherwise y }\n";
    assert_null(rc_ruleset_load_buffer("mem.rules", bad, strlen(bad), &d));
    assert_int_equal(rc_diags_errors(d), 1);
    assert_int_equal(rc_diags_count(d), 1);
    struct rc_diag x;
    assert_int_equal(rc_diags_get(d, 0, &x), 0);
    assert_string_equal(x.file, "mem.rules");
    assert_int_equal(x.line, 3);
    assert_int_equal(x.column, 13);
    assert_int_equal(x.severity, RC_SEV_ERROR);
    assert_string_equal(x.message, "unknown name '甲乙'");
    assert_int_equal(rc_diags_get(d, 1, &x), -1);
    assert_int_equal(rc_diags_get(d, -1, &x), -1);
    rc_diags_free(d);

    struct rc_ruleset *rs =
        rc_ruleset_load_buffer("mem.rules", base_text, strlen(base_text), &d);
    assert_non_null(rs);
    assert_int_equal(rc_diags_count(d), 0);
    rc_diags_free(d);
    assert_string_equal(rc_ruleset_policy(rs), "省");
    assert_string_equal(rc_ruleset_version(rs), "1");
    rc_ruleset_free(rs);
}

static void test_api_cases_by_name(void **state)
{
    (void)state;
    struct rc_diags *d;
    struct rc_ruleset *rs =
        rc_ruleset_load_buffer("mem.rules", base_text, strlen(base_text), &d);
    rc_diags_free(d);
    struct rc_eval *ev = rc_eval_new(rs);
    struct rc_case *c = rc_case_new(rs, "A-1", "t");
    rc_evaluate(ev, c);
    assert_int_equal(rc_eval_status(ev), RC_UNDETERMINED);
    const char *missing[4];
    assert_int_equal(rc_eval_list(ev, RC_MISSING, missing, 4), 1);
    assert_string_equal(missing[0], "甲");

    assert_int_equal(rc_case_set(c, "甲", "是"), 0);
    assert_int_equal(rc_case_set(c, "額", "12.5"), 0);
    rc_evaluate(ev, c);
    assert_string_equal(rc_eval_verdict(ev), "不容錯");
    assert_int_equal(rc_case_set(c, "額", "9.99"), 0); /* replaces */
    rc_evaluate(ev, c);
    assert_string_equal(rc_eval_verdict(ev), "容錯");

    /* rejected values are data, and leave the case as it was */
    assert_int_equal(rc_case_set(c, "額", "是"), -1);
    assert_string_equal(rc_case_error(c),
                        "fact '額' takes a number, not a yes/no value");
    assert_int_equal(rc_case_set(c, "域", "丙類"), -1);
    assert_string_equal(rc_case_error(c), "'丙類' is not an option of 域");
    assert_int_equal(rc_case_set(c, "乙", "是"), -1);
    assert_string_equal(rc_case_error(c), "the rule set has no fact '乙'");
    assert_int_equal(rc_case_set(c, "甲", "是 否"), -1);
    assert_non_null(strstr(rc_case_error(c), "is not a value for fact"));
    rc_evaluate(ev, c);
    assert_string_equal(rc_eval_verdict(ev), "容錯");
    assert_int_equal(rc_case_set(c, "甲", "unknown"), 0);
    rc_evaluate(ev, c);
    assert_int_equal(rc_eval_status(ev), RC_UNDETERMINED);

    size_t n;
    const char *json = rc_eval_render(ev, RC_JSON, RC_LANG_EN, &n);
    assert_non_null(strstr(json, "\"case\":\"A-1\""));
    assert_non_null(strstr(json, "\"sha256\":\""));
    rc_case_free(c);
    rc_eval_free(ev);
    rc_ruleset_free(rs);
}

static struct rc_ruleset *load_text(const char *text)
{
    struct rc_diags *d;
    struct rc_ruleset *rs =
        rc_ruleset_load_buffer("mem.rules", text, strlen(text), &d);
    if (!rs)
        fail_msg("%s", rc_diags_text(d));
    rc_diags_free(d);
    return rs;
}

static int discard(void *ctx, const char *data, size_t len)
{
    (void)data;
    *(size_t *)ctx += len;
    return 0;
}

static void test_api_null_and_out_of_range_arguments(void **state)
{
    (void)state;
    struct rc_diags *d = NULL;
    assert_null(rc_ruleset_load(NULL, &d));
    assert_non_null(d);
    assert_int_equal(rc_diags_errors(d), 1);
    assert_non_null(strstr(rc_diags_text(d), "no rule file named"));
    rc_diags_free(d);
    assert_null(rc_ruleset_load_buffer(NULL, "x", 1, &d));
    rc_diags_free(d);
    assert_null(rc_ruleset_load("/nonexistent.rules", NULL));
    assert_null(rc_case_new(NULL, "A", "t"));
    assert_null(rc_eval_new(NULL));
    assert_null(rc_cases_open(NULL, "x.case"));
    assert_null(rc_ruleset_policy(NULL));
    assert_int_equal(rc_ruleset_ntests(NULL), -1);
    assert_int_equal(rc_diags_count(NULL), -1);
    assert_null(rc_diags_text(NULL));
    assert_null(rc_cases_next(NULL));
    assert_null(rc_case_id(NULL));
    int line = 7;
    assert_null(rc_case_source(NULL, &line));
    assert_int_equal(line, 0);

    struct rc_ruleset *rs = load_text(base_text);
    assert_null(rc_cases_open(rs, NULL));
    assert_null(rc_ruleset_show(rs, (enum rc_lang)7));
    assert_null(rc_ruleset_show(rs, (enum rc_lang)9));
    assert_null(rc_ruleset_show(rs, (enum rc_lang) - 5));
    int passed = 0, failed = 0;
    assert_null(rc_ruleset_test(rs, (enum rc_lang)3, &passed, &failed, NULL));
    assert_null(rc_ruleset_test(rs, RC_LANG_EN, NULL, NULL, NULL));
    const char *ids[2];
    assert_int_equal(rc_ruleset_ids(rs, (enum rc_part)5, ids, 2), -1);
    assert_int_equal(rc_ruleset_ids(rs, RC_RULE, ids, -1), -1);
    assert_int_equal(rc_ruleset_ids(rs, RC_RULE, NULL, 2), -1);
    assert_null(rc_ruleset_part_text(rs, (enum rc_part) - 1, "R1"));
    assert_null(rc_ruleset_part_text(rs, RC_RULE, NULL));
    assert_null(rc_ruleset_rule_origin(rs, NULL, &line));
    struct rc_cover cov[1];
    assert_int_equal(rc_ruleset_coverage(rs, cov, -3), -1);
    struct rc_diag x;
    assert_int_equal(rc_diags_get(NULL, 0, &x), -1);

    struct rc_case *c = rc_case_new(rs, NULL, NULL);
    assert_int_equal(rc_case_set(c, NULL, "是"), -1);
    assert_non_null(rc_case_error(c));
    assert_int_equal(rc_case_set(c, "甲", NULL), -1);
    assert_int_equal(rc_case_set(NULL, "甲", "是"), -1);
    struct rc_eval *ev = rc_eval_new(rs);
    assert_int_equal(rc_eval_why_not(ev, NULL, NULL), -1);
    assert_int_equal(rc_eval_why_not(ev, "不存在", NULL), -1);
    rc_evaluate(ev, NULL);
    assert_int_equal(rc_eval_status(ev), RC_ERROR);
    assert_null(rc_eval_verdict(ev));
    rc_evaluate(NULL, c);
    rc_evaluate(ev, c);
    assert_int_equal(rc_eval_status(ev), RC_UNDETERMINED);
    size_t len = 1;
    assert_null(rc_eval_render(ev, (enum rc_format)9, RC_LANG_EN, &len));
    assert_int_equal(len, 0);
    assert_null(rc_eval_render(ev, RC_TEXT, (enum rc_lang) - 5, &len));
    assert_non_null(rc_eval_render(ev, RC_TEXT, RC_LANG_AUTO, NULL));
    const char *out[4];
    assert_int_equal(rc_eval_list(ev, (enum rc_list)7, out, 4), -1);
    assert_int_equal(rc_eval_list(ev, RC_MISSING, out, -1), -1);
    assert_int_equal(rc_eval_list(ev, RC_MISSING, NULL, 4), -1);
    assert_int_equal(rc_eval_list(ev, RC_MISSING, NULL, 0), 1);
    assert_int_equal(rc_eval_list(NULL, RC_MISSING, out, 4), -1);
    struct rc_counts counts = {0, 0, 0};
    size_t bytes = 0;
    assert_int_equal(rc_cases_run(NULL, 1, RC_TEXT, RC_LANG_EN, NULL, discard,
                                  &bytes, &counts),
                     RC_RUN_BAD_ARGUMENT);
    rc_ruleset_counts(NULL, &passed, NULL, NULL, NULL);
    assert_int_equal(passed, -1);
    rc_eval_free(ev);
    rc_case_free(c);
    rc_ruleset_free(rs);
    rc_ruleset_free(NULL);
    rc_case_free(NULL);
    rc_eval_free(NULL);
    rc_diags_free(NULL);
    rc_cases_close(NULL);
}

static void test_api_double_free_and_use_after_free(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load_text(base_text);
    struct rc_case *c = rc_case_new(rs, "A", NULL);
    rc_case_free(c);
    rc_case_free(c);
    assert_int_equal(rc_case_set(c, "甲", "是"), -1);
    assert_null(rc_case_id(c));
    struct rc_eval *ev = rc_eval_new(rs);
    rc_eval_free(ev);
    rc_eval_free(ev);
    assert_null(rc_eval_verdict(ev));
    assert_int_equal(rc_eval_status(ev), RC_ERROR);
    struct rc_diags *d;
    struct rc_ruleset *rs2 =
        rc_ruleset_load_buffer("m.rules", base_text, strlen(base_text), &d);
    rc_diags_free(d);
    rc_diags_free(d);
    assert_int_equal(rc_diags_count(d), -1);
    rc_ruleset_free(rs2);
    rc_ruleset_free(rs2);
    assert_null(rc_ruleset_sha256(rs2));
    assert_null(rc_case_new(rs2, "B", NULL));
    char path[64];
    snprintf(path, sizeof path, "/tmp/rongcuo-api-%ld.case", (long)getpid());
    write_file(path, "case \"A\" { 甲 = 是 }\n");
    struct rc_cases *cs = rc_cases_open(rs, path);
    rc_cases_close(cs);
    rc_cases_close(cs);
    assert_null(rc_cases_next(cs));
    unlink(path);
    rc_ruleset_free(rs);
}

static void test_api_fresh_eval_reports_nothing(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load_text(base_text);
    struct rc_eval *ev = rc_eval_new(rs);
    assert_int_equal(rc_eval_status(ev), RC_ERROR);
    assert_null(rc_eval_verdict(ev));
    const char *out[4];
    assert_int_equal(rc_eval_list(ev, RC_MEASURES, out, 4), 0);
    assert_null(rc_eval_render(ev, RC_TEXT, RC_LANG_EN, NULL));
    assert_string_equal(rc_eval_error(ev), "nothing evaluated yet");
    rc_eval_free(ev);
    rc_ruleset_free(rs);
}

static void test_api_case_of_another_rule_set_is_refused(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load_text(base_text);
    struct rc_ruleset *other =
        load_text("fact 乙: bool\nconclusion c\nrule R when 乙 then c\n"
                  "verdict { 違紀 when c otherwise 無 }\n");
    struct rc_case *c = rc_case_new(other, "X", NULL);
    assert_int_equal(rc_case_set(c, "乙", "是"), 0);
    struct rc_eval *ev = rc_eval_new(rs);
    rc_evaluate(ev, c);
    assert_int_equal(rc_eval_status(ev), RC_ERROR);
    assert_null(rc_eval_verdict(ev));
    assert_non_null(strstr(rc_eval_error(ev), "another rule set"));
    assert_null(rc_eval_render(ev, RC_TEXT, RC_LANG_EN, NULL));
    /* and a case of its own is still taken */
    struct rc_case *mine = rc_case_new(rs, "Y", NULL);
    rc_evaluate(ev, mine);
    assert_int_equal(rc_eval_status(ev), RC_UNDETERMINED);
    assert_null(rc_eval_error(ev));
    rc_case_free(mine);
    rc_case_free(c);
    rc_eval_free(ev);
    rc_ruleset_free(other);
    rc_ruleset_free(rs);
}

static void test_api_render_after_case_and_rule_set_are_freed(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load_text(base_text);
    struct rc_eval *ev = rc_eval_new(rs);
    struct rc_case *c = rc_case_new(rs, "留存-1", "標題");
    assert_int_equal(rc_case_set(c, "甲", "是"), 0);
    rc_evaluate(ev, c);
    rc_case_free(c);
    rc_ruleset_free(rs);
    const char *text = rc_eval_render(ev, RC_JSON, RC_LANG_EN, NULL);
    assert_non_null(text);
    assert_non_null(strstr(text, "\"case\":\"留存-1\""));
    assert_non_null(strstr(text, "\"title\":\"標題\""));
    assert_string_equal(rc_eval_verdict(ev), "容錯");
    rc_eval_free(ev);

    /* a case from a stream lives until the stream moves on */
    rs = load_text(base_text);
    ev = rc_eval_new(rs);
    char path[64];
    snprintf(path, sizeof path, "/tmp/rongcuo-api-%ld.case", (long)getpid());
    write_file(path, "case \"S-1\" { 甲 = 是 }\ncase \"S-2\" { 甲 = 否 }\n");
    struct rc_cases *cs = rc_cases_open(rs, path);
    rc_ruleset_free(rs);
    const struct rc_case *k = rc_cases_next(cs);
    rc_evaluate(ev, k);
    assert_non_null(
        strstr(rc_eval_render(ev, RC_TEXT, RC_LANG_EN, NULL), "S-1"));
    rc_cases_close(cs);
    assert_null(rc_eval_render(ev, RC_TEXT, RC_LANG_EN, NULL));
    assert_string_equal(rc_eval_verdict(ev), "容錯");
    rc_eval_free(ev);
    unlink(path);
}

/* Run op with the nth allocation failing, for n = 1, 2, … until op no
 * longer meets a failure; op checks that a failure is an error as data. */
static void each_failure(void (*op)(bool failing))
{
    for (long n = 1;; n++) {
        arena_fail_after(n);
        op(true);
        if (arena_fail_after(0) > 0)
            break; /* op made fewer than n allocations: all were tried */
    }
    op(false);
}

static void oom_load(bool failing)
{
    struct rc_diags *d = NULL;
    struct rc_ruleset *rs =
        rc_ruleset_load_buffer("mem.rules", base_text, strlen(base_text), &d);
    assert_non_null(d);
    if (!rs) {
        assert_true(failing);
        assert_non_null(strstr(rc_diags_text(d), "out of memory"));
        assert_int_equal(rc_diags_errors(d), 1);
        struct rc_diag x;
        assert_int_equal(rc_diags_get(d, 0, &x), 0);
        assert_string_equal(x.message, "out of memory");
    }
    rc_diags_free(d);
    rc_ruleset_free(rs);
}

static struct rc_ruleset *oom_rs;

static void oom_case_eval(bool failing)
{
    struct rc_case *c = rc_case_new(oom_rs, "M-1", "t");
    struct rc_eval *ev = rc_eval_new(oom_rs);
    if (c && ev) {
        int a = rc_case_set(c, "甲", "是");
        if (a != 0)
            assert_string_equal(rc_case_error(c), "out of memory");
        rc_evaluate(ev, c);
        const char *err = rc_eval_error(ev);
        if (err)
            assert_string_equal(err, "out of memory");
        else if (a == 0)
            assert_string_equal(rc_eval_verdict(ev), "容錯");
        else
            assert_int_equal(rc_eval_status(ev), RC_UNDETERMINED);
        size_t len;
        const char *t = rc_eval_render(ev, RC_TEXT, RC_LANG_EN, &len);
        assert_true(t || failing);
        if (t)
            assert_non_null(strstr(t, "M-1"));
    } else {
        assert_true(failing);
    }
    rc_eval_free(ev);
    rc_case_free(c);
}

static struct rc_eval *oom_ev;

static void oom_render(bool failing)
{
    static const enum rc_format formats[] = {RC_TEXT, RC_JSON, RC_TEXT_BRIEF,
                                             RC_JSON_BRIEF};
    for (int i = 0; i < 4; i++) {
        size_t len;
        const char *t = rc_eval_render(oom_ev, formats[i], RC_LANG_EN, &len);
        assert_true(t || failing);
        if (t)
            assert_non_null(strstr(t, "U-1"));
    }
}

static char oom_path[64];

static void oom_stream(bool failing)
{
    struct rc_cases *cs = rc_cases_open(oom_rs, oom_path);
    if (!cs) {
        assert_true(failing);
        return;
    }
    const struct rc_case *c;
    int n = 0, errors = 0;
    struct rc_eval *ev = rc_eval_new(oom_rs);
    bool said = false; /* some case said memory ran out */
    while ((c = rc_cases_next(cs))) {
        n++;
        if (!ev)
            continue;
        rc_evaluate(ev, c);
        if (rc_eval_status(ev) != RC_ERROR)
            continue;
        errors++;
        const char *t = rc_eval_render(ev, RC_TEXT, RC_LANG_EN, NULL);
        const char *e = rc_eval_error(ev);
        said = said || (t && strstr(t, "out of memory")) ||
               (e && strcmp(e, "out of memory") == 0);
    }
    assert_true(n == 3 || said);
    assert_true(errors == 0 || said || (failing && !ev));
    rc_eval_free(ev);
    rc_cases_close(cs);
}

static void oom_run(bool failing)
{
    struct rc_cases *cs = rc_cases_open(oom_rs, oom_path);
    if (!cs) {
        assert_true(failing);
        return;
    }
    struct rc_counts counts = {0, 0, 0};
    size_t bytes = 0;
    int rc = rc_cases_run(cs, 2, RC_TEXT, RC_LANG_EN, NULL, discard, &bytes,
                          &counts);
    if (rc == RC_RUN_NO_MEMORY)
        assert_true(failing);
    else
        assert_int_equal(rc, 0);
    long total = counts.decided + counts.undetermined + counts.errors;
    assert_true(total == 3 || rc == RC_RUN_NO_MEMORY);
    rc_cases_close(cs);
}

static void oom_show_and_test(bool failing)
{
    const char *shown = rc_ruleset_show(oom_rs, RC_LANG_EN);
    assert_true(shown || failing);
    if (shown)
        assert_non_null(strstr(shown, "rule R1"));
    int passed = 0, failed = 0;
    const char *junit = NULL;
    const char *t =
        rc_ruleset_test(oom_rs, RC_LANG_EN, &passed, &failed, &junit);
    assert_true(t || failing);
    if (t) {
        assert_int_equal(passed, 1);
        assert_non_null(strstr(junit, "<testsuite"));
    }
    const char *part = rc_ruleset_part_text(oom_rs, RC_RULE, "R1");
    assert_true(part || failing);
}

static void test_api_out_of_memory_is_an_error(void **state)
{
    (void)state;
    each_failure(oom_load);
    static const char tested[] = "test \"t\" { given { 甲 = 是 } "
                                 "expect verdict 容錯 }\n";
    char text[sizeof base_text + sizeof tested];
    snprintf(text, sizeof text, "%s%s", base_text, tested);
    oom_rs = load_text(text);
    each_failure(oom_show_and_test);
    rc_ruleset_free(oom_rs);
    oom_rs = load_text(base_text);
    each_failure(oom_case_eval);
    /* an undetermined case, explained against a verdict */
    struct rc_case *u = rc_case_new(oom_rs, "U-1", NULL);
    oom_ev = rc_eval_new(oom_rs);
    assert_int_equal(rc_eval_why_not(oom_ev, "容錯", NULL), 0);
    rc_evaluate(oom_ev, u);
    assert_int_equal(rc_eval_status(oom_ev), RC_UNDETERMINED);
    each_failure(oom_render);
    rc_eval_free(oom_ev);
    rc_case_free(u);
    snprintf(oom_path, sizeof oom_path, "/tmp/rongcuo-oom-%ld.jsonl",
             (long)getpid());
    write_file(oom_path, "{\"id\": \"J-1\", \"facts\": {\"甲\": true}}\n"
                         "{\"id\": \"J-2\", \"facts\": {\"甲\": false}}\n"
                         "{\"id\": \"J-3\", \"facts\": {\"額\": 3}}\n");
    each_failure(oom_stream);
    each_failure(oom_run);
    unlink(oom_path);
    rc_ruleset_free(oom_rs);
}

/* What the traces keep of a result between renderings (engine/memo.h)
 * is kept whole or not at all: a rendering that runs out of memory
 * anywhere leaves the next ones byte for byte as a new result's. */
enum { OOM_FORMATS = 4, OOM_LANGS = 3 };
static const enum rc_format oom_formats[OOM_FORMATS] = {
    RC_TEXT, RC_JSON, RC_TEXT_BRIEF, RC_JSON_BRIEF};
static const enum rc_lang oom_langs[OOM_LANGS] = {RC_LANG_EN, RC_LANG_ZH_HANT,
                                                  RC_LANG_ZH_HANS};
static char *oom_want[OOM_FORMATS][OOM_LANGS];

static void oom_render_whole(bool failing)
{
    for (int i = 0; i < OOM_FORMATS; i++)
        for (int l = 0; l < OOM_LANGS; l++) {
            size_t len;
            const char *t =
                rc_eval_render(oom_ev, oom_formats[i], oom_langs[l], &len);
            assert_true(t || failing);
            if (t) {
                assert_int_equal(len, strlen(oom_want[i][l]));
                assert_memory_equal(t, oom_want[i][l], len);
            }
        }
}

static void test_api_out_of_memory_keeps_traces_whole(void **state)
{
    (void)state;
    oom_rs = load_text(base_text);
    struct rc_case *c = rc_case_new(oom_rs, "W-1", "t");
    assert_int_equal(rc_case_set(c, "甲", "是"), 0);
    struct rc_eval *fresh = rc_eval_new(oom_rs);
    rc_evaluate(fresh, c);
    assert_string_equal(rc_eval_verdict(fresh), "容錯");
    for (int i = 0; i < OOM_FORMATS; i++)
        for (int l = 0; l < OOM_LANGS; l++) {
            const char *t =
                rc_eval_render(fresh, oom_formats[i], oom_langs[l], NULL);
            assert_non_null(t);
            oom_want[i][l] = strdup(t);
        }
    rc_eval_free(fresh);
    oom_ev = rc_eval_new(oom_rs);
    rc_evaluate(oom_ev, c);
    each_failure(oom_render_whole);
    rc_eval_free(oom_ev);
    for (int i = 0; i < OOM_FORMATS; i++)
        for (int l = 0; l < OOM_LANGS; l++)
            free(oom_want[i][l]);
    rc_case_free(c);
    rc_ruleset_free(oom_rs);
}

/* rc_name_same compares names as the rule set does: in simplified form. */
static void test_api_name_same(void **state)
{
    (void)state;
    assert_int_equal(rc_name_same("談話提醒", "谈话提醒"), 1);
    assert_int_equal(rc_name_same("容錯免責", "容错免责"), 1);
    assert_int_equal(rc_name_same("R1", "R1"), 1);
    assert_int_equal(rc_name_same("R1", "r1"), 0);
    assert_int_equal(rc_name_same("容錯免責", "容錯減責"), 0);
    assert_int_equal(rc_name_same(NULL, "x"), 0);
    assert_int_equal(rc_name_same("x", NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_api_hash_changes_with_any_file_and_only_then),
        cmocka_unit_test(test_api_files_of_a_variant),
        cmocka_unit_test(test_api_buffer_and_diagnostics_as_data),
        cmocka_unit_test(test_api_cases_by_name),
        cmocka_unit_test(test_api_null_and_out_of_range_arguments),
        cmocka_unit_test(test_api_double_free_and_use_after_free),
        cmocka_unit_test(test_api_fresh_eval_reports_nothing),
        cmocka_unit_test(test_api_case_of_another_rule_set_is_refused),
        cmocka_unit_test(test_api_render_after_case_and_rule_set_are_freed),
        cmocka_unit_test(test_api_out_of_memory_is_an_error),
        cmocka_unit_test(test_api_out_of_memory_keeps_traces_whole),
        cmocka_unit_test(test_api_name_same),
    };
    return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
