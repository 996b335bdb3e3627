/*
 * The library interface (engine/rongcuo.h): rule sets from a buffer,
 * diagnostics as data, cases built by name, the content hash.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_api_hash_changes_with_any_file_and_only_then),
        cmocka_unit_test(test_api_buffer_and_diagnostics_as_data),
        cmocka_unit_test(test_api_cases_by_name),
    };
    return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
