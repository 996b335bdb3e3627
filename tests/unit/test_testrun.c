/* The tests written in a rule file (rc_ruleset_test, engine/testrun.c):
 * ok and FAIL lines with what differed, the counts, JUnit output with its
 * text escaped, and coverage. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rules_text.h"

static const char tests_text[] = "test \"容錯\" {\n" /* line 13 */
                                 "  given { 甲 = true, 額 = 6 }\n"
                                 "  expect verdict 容錯\n"
                                 "  expect measure 提醒\n"
                                 "  expect fired R1\n"
                                 "}\n"
                                 "test \"錯\" {\n" /* line 19 */
                                 "  given { 甲 = false }\n"
                                 "  expect verdict 容錯\n"
                                 "}\n"
                                 "test \"a<b & \\\"c\\\"\" {\n" /* line 23 */
                                 "  given { 域 = unknown }\n"
                                 "  expect undetermined missing 域\n"
                                 "}\n";

static struct rc_ruleset *load_with_tests(void)
{
    char *text = malloc(sizeof rules_text + sizeof tests_text);
    strcpy(text, rules_text);
    strcat(text, tests_text);
    struct rc_ruleset *rs = rules_load(text);
    free(text);
    return rs;
}

static void test_testrun_lines_and_counts(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load_with_tests();
    assert_int_equal(rc_ruleset_ntests(rs), 3);
    int passed = 0, failed = 0;
    const char *out = rc_ruleset_test(rs, RC_LANG_EN, &passed, &failed, NULL);
    assert_non_null(out);
    assert_int_equal(passed, 2);
    assert_int_equal(failed, 1);
    const char *first = "ok   mem.rules:13: test \"容錯\"\n";
    assert_true(strncmp(out, first, strlen(first)) == 0);
    assert_non_null(strstr(out, "FAIL mem.rules:19: test \"錯\"\n"
                                "  mem.rules:21: expected verdict 容錯, got "
                                "另議\n"));
    assert_non_null(strstr(out, "ok   mem.rules:23: test"));
    /* the counts add up over runs */
    assert_non_null(rc_ruleset_test(rs, RC_LANG_EN, &passed, &failed, NULL));
    assert_int_equal(passed, 4);
    assert_int_equal(failed, 2);
    rc_ruleset_free(rs);
}

static void test_testrun_junit(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load_with_tests();
    int passed = 0, failed = 0;
    const char *junit = NULL;
    assert_non_null(rc_ruleset_test(rs, RC_LANG_EN, &passed, &failed, &junit));
    assert_non_null(junit);
    assert_non_null(strstr(junit, "<testsuite name=\"mem.rules\" tests=\"3\" "
                                  "failures=\"1\">"));
    assert_non_null(strstr(junit, "name=\"a&lt;b &amp; &quot;c&quot;\""));
    assert_non_null(strstr(junit, "<failure message=\"mem.rules:21: "
                                  "expected verdict 容錯, got 另議&#10;\">"));
    assert_null(strstr(junit, "a<b"));
    rc_ruleset_free(rs);
}

static const struct rc_cover *find(const struct rc_cover *c, int n,
                                   enum rc_part part, const char *id)
{
    for (int i = 0; i < n; i++)
        if (c[i].part == part && strcmp(c[i].id, id) == 0)
            return &c[i];
    fail_msg("no coverage of %s", id);
    return NULL;
}

static void test_testrun_coverage(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load_with_tests();
    struct rc_cover c[16];
    assert_int_equal(rc_ruleset_coverage(rs, c, 16), 0);
    int passed = 0, failed = 0;
    rc_ruleset_test(rs, RC_LANG_EN, &passed, &failed, NULL);
    int n = rc_ruleset_coverage(rs, c, 16);
    assert_int_equal(n, 2 + 1 + 3); /* rules, measures, verdict lines */
    assert_int_equal(rc_ruleset_coverage(rs, c, 2), n);
    n = rc_ruleset_coverage(rs, c, 16);
    const struct rc_cover *r1 = find(c, n, RC_RULE, "R1");
    assert_int_equal(r1->made_true, 1);
    assert_int_equal(r1->seen_false, 1);
    assert_int_equal(r1->line, 7);
    const struct rc_cover *x1 = find(c, n, RC_RULE, "X1");
    assert_int_equal(x1->made_true, 0);
    assert_int_equal(x1->seen_false, 1);
    assert_int_equal(find(c, n, RC_MEASURE, "提醒")->made_true, 1);
    assert_int_equal(find(c, n, RC_VERDICT_TABLE, "不容錯")->made_true, 0);
    assert_int_equal(find(c, n, RC_VERDICT_TABLE, "另議")->seen_false, -1);
    assert_int_equal(rc_ruleset_coverage(NULL, c, 16), -1);
    rc_ruleset_free(rs);
}

/* The facts of given { … } are converted when the rule set is checked:
 * their errors fail the test with the case's diagnostics, a fact that
 * failed may still be given after, and run after run says the same. */
static void test_testrun_given_errors(void **state)
{
    (void)state;
    char text[1024];
    snprintf(text, sizeof text, "%s%s", rules_text,
             "test \"有誤\" {\n" /* line 13 */
             "  given { 甲 = 12, 乙 = true, 甲 = false, 域 = 丙類 }\n"
             "  expect verdict 容錯\n"
             "}\n"
             "test \"預設\" {\n" /* line 17 */
             "  given { 額 = 6, 甲 = true }\n"
             "  expect measure 提醒\n"
             "}\n");
    struct rc_ruleset *rs = rules_load(text);
    int passed = 0, failed = 0;
    const char *out = rc_ruleset_test(rs, RC_LANG_EN, &passed, &failed, NULL);
    assert_non_null(out);
    assert_int_equal(passed, 1);
    assert_int_equal(failed, 1);
    assert_non_null(strstr(out, "FAIL mem.rules:13: test \"有誤\"\n"
                                "  the facts of the test have errors\n"));
    assert_non_null(strstr(out, "mem.rules:14:15: error: fact '甲' takes "));
    assert_non_null(strstr(out, "mem.rules:14:19: error: the rule set has no "
                                "fact '乙'"));
    assert_non_null(strstr(out, "error: '丙類' is not an option of 域"));
    assert_null(strstr(out, "given twice"));
    assert_non_null(strstr(out, "ok   mem.rules:17: test \"預設\"\n"));
    char *first = strdup(out);
    for (int i = 0; i < 2; i++) {
        out = rc_ruleset_test(rs, RC_LANG_EN, &passed, &failed, NULL);
        assert_string_equal(out, first);
    }
    free(first);
    rc_ruleset_free(rs);
}

static void test_testrun_bad_arguments(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load_with_tests();
    int passed = 0;
    assert_null(rc_ruleset_test(rs, RC_LANG_EN, &passed, NULL, NULL));
    assert_null(rc_ruleset_test(NULL, RC_LANG_EN, &passed, &passed, NULL));
    assert_int_equal(rc_ruleset_ntests(NULL), -1);
    rc_ruleset_free(rs);
    /* a rule file without tests runs none */
    rs = rules_load(rules_text);
    int failed = 0;
    assert_non_null(rc_ruleset_test(rs, RC_LANG_EN, &passed, &failed, NULL));
    assert_int_equal(passed + failed, 0);
    rc_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_testrun_lines_and_counts),
        cmocka_unit_test(test_testrun_junit),
        cmocka_unit_test(test_testrun_coverage),
        cmocka_unit_test(test_testrun_given_errors),
        cmocka_unit_test(test_testrun_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
