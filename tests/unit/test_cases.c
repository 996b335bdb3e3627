/* Case facts (engine/cases.h): the IDs of one input and an ID used twice,
 * and the limit on the unknown facts one case reports. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "engine/cases.h"
#include "rules_text.h"

static void test_cases_ids_twice(void **state)
{
    (void)state;
    struct cases_ids ids = {0};
    assert_int_equal(cases_ids_add(&ids, "SZ-1", 3), 0);
    assert_int_equal(cases_ids_add(&ids, "SZ-2", 9), 0);
    assert_int_equal(cases_ids_add(&ids, "SZ-1", 20), 3);
    assert_int_equal(cases_ids_add(&ids, "SZ-2", 21), 9);
    assert_int_equal(cases_ids_add(&ids, "", 22), 0);
    assert_int_equal(cases_ids_add(&ids, "", 23), 22);
    cases_ids_free(&ids);
    assert_int_equal(cases_ids_add(&ids, "SZ-1", 30), 0); /* forgotten */
    cases_ids_free(&ids);
}

/* The ID is copied: the caller's buffer may change. */
static void test_cases_ids_copied(void **state)
{
    (void)state;
    struct cases_ids ids = {0};
    char id[] = "案件一";
    assert_int_equal(cases_ids_add(&ids, id, 1), 0);
    id[0] = 'x';
    assert_int_equal(cases_ids_add(&ids, "案件一", 2), 1);
    cases_ids_free(&ids);
}

/* Many IDs: the table grows and finds each. */
static void test_cases_ids_many(void **state)
{
    (void)state;
    struct cases_ids ids = {0};
    char id[32];
    enum { N = 200000 };
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "C%d", i);
        assert_int_equal(cases_ids_add(&ids, id, i + 1), 0);
    }
    for (int i = 0; i < N; i += 997) {
        snprintf(id, sizeof id, "C%d", i);
        assert_int_equal(cases_ids_add(&ids, id, 0), i + 1);
    }
    assert_int_equal(ids.n, N);
    cases_ids_free(&ids);
}

static int count(const char *s, const char *what)
{
    int n = 0;
    for (; (s = strstr(s, what)) != NULL; s += strlen(what))
        n++;
    return n;
}

static int append(void *ctx, const char *data, size_t len)
{
    char **text = ctx;
    size_t have = *text ? strlen(*text) : 0;
    *text = realloc(*text, have + len + 1);
    memcpy(*text + have, data, len);
    (*text)[have + len] = '\0';
    return 0;
}

static char *run_text(const char *suffix, const char *cases, long *warned,
                      struct rc_counts *n)
{
    struct rc_ruleset *rs = rules_load(rules_text);
    char *path = scratch_file(suffix, cases), *out = NULL;
    struct rc_cases *cs = rc_cases_open(rs, path);
    assert_int_equal(
        rc_cases_run(cs, 1, RC_TEXT, RC_LANG_EN, NULL, append, &out, n), 0);
    *warned = rc_cases_warnings(cs);
    rc_cases_close(cs);
    scratch_drop(path);
    rc_ruleset_free(rs);
    return out;
}

/* The limit: the first CASES_UNKNOWN_SHOWN unknown facts of a case are
 * reported, then one note for the rest, in .case and JSON Lines alike. */
static void test_cases_unknown_limit(void **state)
{
    (void)state;
    char text[4096] = "case \"U\" {", json[4096] = "{\"id\": \"U\", "
                                                   "\"facts\": {";
    for (int i = 0; i < CASES_UNKNOWN_SHOWN + 5; i++) {
        char one[64];
        snprintf(one, sizeof one, " 無%d = 是\n", i);
        strcat(text, one);
        snprintf(one, sizeof one, "%s\"無%d\": true", i ? ", " : "", i);
        strcat(json, one);
    }
    strcat(text, "}\n");
    strcat(json, "}}\n");
    const char *in[2][2] = {{".case", text}, {".jsonl", json}};
    for (int k = 0; k < 2; k++) {
        long warned;
        struct rc_counts n = {0, 0, 0};
        char *out = run_text(in[k][0], in[k][1], &warned, &n);
        assert_int_equal(count(out, "the rule set has no fact"),
                         CASES_UNKNOWN_SHOWN);
        assert_int_equal(count(out, "5 more facts the rule set does not "
                                    "have; only the first 10 are shown"),
                         1);
        assert_int_equal(n.errors, 1);
        free(out);
    }
}

/* An ID used twice is a warning on the later case; both are evaluated. */
static void test_cases_id_twice_warns(void **state)
{
    (void)state;
    long warned;
    struct rc_counts n = {0, 0, 0};
    char *out = run_text(".case",
                         "case \"A\" { 甲 = 是 }\ncase \"B\" { 甲 = 否 }\n"
                         "case \"A\" { 甲 = 否 }\n",
                         &warned, &n);
    assert_int_equal(warned, 1);
    assert_int_equal(n.decided, 3);
    assert_int_equal(count(out, "is also the ID of the case at line 1"), 1);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases_ids_twice),
        cmocka_unit_test(test_cases_ids_copied),
        cmocka_unit_test(test_cases_ids_many),
        cmocka_unit_test(test_cases_unknown_limit),
        cmocka_unit_test(test_cases_id_twice_warns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
