/* A second trace of every case (rc_cases_run_also, engine/batch.c): what
 * rc_cases_run gives in that format, in input order, on one thread and on
 * two, the first trace unchanged, and the end of every batch signalled. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rules_text.h"

struct sink {
    char *text;
    size_t len;
    int records, stop_after;
};

static int sink_put(void *ctx, const char *data, size_t len)
{
    struct sink *s = ctx;
    s->text = realloc(s->text, s->len + len + 1);
    memcpy(s->text + s->len, data, len);
    s->len += len;
    s->text[s->len] = '\0';
    return ++s->records == s->stop_after ? 7 : 0;
}

/* The second reader: its traces, and how many it had at each batch end. */
struct second {
    struct sink s;
    int ends[64], nends;
};

static int second_end(void *ctx)
{
    struct second *t = ctx;
    if (t->nends < 64)
        t->ends[t->nends] = t->s.records;
    t->nends++;
    return 0;
}

/* n cases in .case syntax, case K with 額 = K % 20. */
static char *cases_text(int n)
{
    size_t cap = (size_t)n * 64 + 1, len = 0;
    char *t = malloc(cap);
    t[0] = '\0';
    for (int k = 0; k < n; k++)
        len +=
            (size_t)snprintf(t + len, cap - len,
                             "case \"C%d\" { 甲 = 是\n 額 = %d }\n", k, k % 20);
    return t;
}

/* rc_cases_run of path in format f. */
static struct sink plain(struct rc_ruleset *rs, const char *path,
                         enum rc_format f)
{
    struct sink s = {NULL, 0, 0, 0};
    struct rc_counts n = {0, 0, 0};
    struct rc_cases *cs = rc_cases_open(rs, path);
    assert_int_equal(
        rc_cases_run(cs, 1, f, RC_LANG_AUTO, NULL, sink_put, &s, &n), 0);
    rc_cases_close(cs);
    return s;
}

static void also_threads(int threads)
{
    struct rc_ruleset *rs = rules_load(rules_text);
    char *text = cases_text(5000);
    char *path = scratch_file(".case", text);
    struct sink text_run = plain(rs, path, RC_TEXT);
    struct sink json_run = plain(rs, path, RC_JSON);
    struct sink first = {NULL, 0, 0, 0};
    struct second t = {{NULL, 0, 0, 0}, {0}, 0};
    struct rc_also also = {RC_JSON, RC_LANG_AUTO, sink_put, second_end, &t};
    struct rc_counts n = {0, 0, 0};
    struct rc_cases *cs = rc_cases_open(rs, path);
    assert_int_equal(rc_cases_run_also(cs, threads, RC_TEXT, RC_LANG_AUTO, NULL,
                                       sink_put, &first, &also, &n),
                     0);
    rc_cases_close(cs);
    assert_int_equal(n.decided, 5000);
    /* the first trace as without also, the second as rc_cases_run gives */
    assert_int_equal(first.len, text_run.len);
    assert_memory_equal(first.text, text_run.text, first.len);
    assert_int_equal(t.s.records, 5000);
    assert_int_equal(t.s.len, json_run.len);
    assert_memory_equal(t.s.text, json_run.text, t.s.len);
    /* more than one batch, each end after the cases before it, the last
       after the last case */
    assert_true(t.nends >= 2 && t.nends <= 64);
    for (int i = 1; i < t.nends; i++)
        assert_true(t.ends[i] > t.ends[i - 1]);
    assert_true(t.ends[0] > 0 && t.ends[0] < 5000);
    assert_int_equal(t.ends[t.nends - 1], 5000);
    free(text_run.text);
    free(json_run.text);
    free(first.text);
    free(t.s.text);
    scratch_drop(path);
    free(text);
    rc_ruleset_free(rs);
}

static void test_also_one_thread(void **state)
{
    (void)state;
    also_threads(1);
}

static void test_also_two_threads(void **state)
{
    (void)state;
    also_threads(2);
}

/* The second reader stops the run: what it returned is returned, and the
 * batch still ends after the cases handed out. */
static void test_also_stops(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    char *text = cases_text(50);
    char *path = scratch_file(".case", text);
    struct sink first = {NULL, 0, 0, 0};
    struct second t = {{NULL, 0, 0, 5}, {0}, 0};
    struct rc_also also = {RC_JSON, RC_LANG_AUTO, sink_put, second_end, &t};
    struct rc_counts n = {0, 0, 0};
    struct rc_cases *cs = rc_cases_open(rs, path);
    assert_int_equal(rc_cases_run_also(cs, 2, RC_TEXT, RC_LANG_AUTO, NULL,
                                       sink_put, &first, &also, &n),
                     7);
    assert_int_equal(first.records, 5);
    assert_int_equal(t.s.records, 5);
    assert_int_equal(t.nends, 1);
    assert_int_equal(t.ends[0], 5);
    rc_cases_close(cs);
    free(first.text);
    free(t.s.text);
    scratch_drop(path);
    free(text);
    rc_ruleset_free(rs);
}

static void test_also_bad_arguments(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    char *path = scratch_file(".case", "case \"A\" { 甲 = 是 }\n");
    struct rc_cases *cs = rc_cases_open(rs, path);
    struct sink first = {NULL, 0, 0, 0};
    struct second t = {{NULL, 0, 0, 0}, {0}, 0};
    struct rc_counts n = {0, 0, 0};
    struct rc_also bad_format = {(enum rc_format)9, RC_LANG_AUTO, sink_put,
                                 NULL, &t};
    struct rc_also no_write = {RC_JSON, RC_LANG_AUTO, NULL, NULL, &t};
    assert_int_equal(rc_cases_run_also(cs, 1, RC_TEXT, RC_LANG_AUTO, NULL,
                                       sink_put, &first, &bad_format, &n),
                     RC_RUN_BAD_ARGUMENT);
    assert_int_equal(rc_cases_run_also(cs, 1, RC_TEXT, RC_LANG_AUTO, NULL,
                                       sink_put, &first, &no_write, &n),
                     RC_RUN_BAD_ARGUMENT);
    assert_int_equal(first.records + t.s.records, 0);
    /* NULL: rc_cases_run itself; no batch_end: only the traces */
    struct rc_also no_end = {RC_JSON_BRIEF, RC_LANG_EN, sink_put, NULL, &t};
    assert_int_equal(rc_cases_run_also(cs, 1, RC_TEXT, RC_LANG_AUTO, NULL,
                                       sink_put, &first, &no_end, &n),
                     0);
    assert_int_equal(first.records, 1);
    assert_int_equal(t.s.records, 1);
    assert_int_equal(t.nends, 0);
    rc_cases_close(cs);
    free(first.text);
    free(t.s.text);
    scratch_drop(path);
    rc_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_also_one_thread),
        cmocka_unit_test(test_also_two_threads),
        cmocka_unit_test(test_also_stops),
        cmocka_unit_test(test_also_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
