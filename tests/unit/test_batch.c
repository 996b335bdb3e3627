/* Running a whole input (rc_cases_run, engine/batch.c): input order on
 * any number of threads, the counts, stopping, bad arguments, and one bad
 * case never losing the others. */

#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rules_text.h"

struct collect {
    char *text;
    size_t len;
    int records, stop_after;
};

static int collect(void *ctx, const char *data, size_t len)
{
    struct collect *c = ctx;
    c->text = realloc(c->text, c->len + len + 1);
    memcpy(c->text + c->len, data, len);
    c->len += len;
    c->text[c->len] = '\0';
    return ++c->records == c->stop_after ? 7 : 0;
}

/* n cases in .case syntax: case K has 額 = K % 20 and 甲 true. */
static char *many_cases(int n)
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

static struct collect run(struct rc_ruleset *rs, const char *path, int threads,
                          enum rc_format f, struct rc_counts *n, int *rc)
{
    struct collect c = {NULL, 0, 0, 0};
    struct rc_cases *cs = rc_cases_open(rs, path);
    assert_non_null(cs);
    *rc = rc_cases_run(cs, threads, f, RC_LANG_AUTO, NULL, collect, &c, n);
    rc_cases_close(cs);
    return c;
}

static void test_batch_threads_same_output(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    char *text = many_cases(3000);
    char *path = scratch_file(".case", text);
    int rc;
    struct rc_counts n1 = {0, 0, 0}, n4 = {0, 0, 0};
    struct collect one = run(rs, path, 1, RC_JSON_BRIEF, &n1, &rc);
    assert_int_equal(rc, 0);
    struct collect four = run(rs, path, 4, RC_JSON_BRIEF, &n4, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(one.len, four.len);
    assert_memory_equal(one.text, four.text, one.len);
    assert_int_equal(n1.decided, 3000);
    assert_int_equal(n4.decided, 3000);
    assert_int_equal(n4.undetermined + n4.errors, 0);
    /* in input order: C0 first, C2999 last */
    assert_non_null(strstr(one.text, "\"C0\""));
    assert_true(strstr(one.text, "\"C0\"") < strstr(one.text, "\"C1\""));
    assert_true(strstr(one.text, "\"C2998\"") < strstr(one.text, "\"C2999\""));
    free(one.text);
    free(four.text);
    scratch_drop(path);
    free(text);
    rc_ruleset_free(rs);
}

/* The limit on threads: more than 64 run as 64, and give the same. */
static void test_batch_threads_limit(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    char *text = many_cases(200);
    char *path = scratch_file(".case", text);
    int rc;
    struct rc_counts n1 = {0, 0, 0}, nmax = {0, 0, 0};
    struct collect one = run(rs, path, 1, RC_TEXT_BRIEF, &n1, &rc);
    struct collect many = run(rs, path, 1000, RC_TEXT_BRIEF, &nmax, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(one.len, many.len);
    assert_memory_equal(one.text, many.text, one.len);
    assert_int_equal(nmax.decided, 200);
    free(one.text);
    free(many.text);
    scratch_drop(path);
    free(text);
    rc_ruleset_free(rs);
}

/* A non-zero return from write stops the run and is returned. */
static void test_batch_write_stops(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    char *text = many_cases(50);
    char *path = scratch_file(".case", text);
    struct rc_cases *cs = rc_cases_open(rs, path);
    struct collect c = {NULL, 0, 0, 5};
    struct rc_counts n = {0, 0, 0};
    assert_int_equal(
        rc_cases_run(cs, 2, RC_TEXT, RC_LANG_AUTO, NULL, collect, &c, &n), 7);
    assert_int_equal(c.records, 5);
    rc_cases_close(cs);
    free(c.text);
    scratch_drop(path);
    free(text);
    rc_ruleset_free(rs);
}

static void test_batch_bad_arguments(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    char *path = scratch_file(".case", "case \"A\" { 甲 = 是 }\n");
    struct rc_cases *cs = rc_cases_open(rs, path);
    struct collect c = {NULL, 0, 0, 0};
    struct rc_counts n = {0, 0, 0};
    assert_int_equal(
        rc_cases_run(NULL, 1, RC_TEXT, RC_LANG_AUTO, NULL, collect, &c, &n),
        RC_RUN_BAD_ARGUMENT);
    assert_int_equal(rc_cases_run(cs, 1, (enum rc_format)9, RC_LANG_AUTO, NULL,
                                  collect, &c, &n),
                     RC_RUN_BAD_ARGUMENT);
    assert_int_equal(
        rc_cases_run(cs, 1, RC_TEXT, RC_LANG_AUTO, NULL, NULL, &c, &n),
        RC_RUN_BAD_ARGUMENT);
    assert_int_equal(c.records, 0);
    /* nothing was done: the case is still there */
    assert_int_equal(
        rc_cases_run(cs, 1, RC_TEXT, RC_LANG_AUTO, NULL, collect, &c, &n), 0);
    assert_int_equal(c.records, 1);
    assert_int_equal(n.decided, 1);
    rc_cases_close(cs);
    free(c.text);
    scratch_drop(path);
    rc_ruleset_free(rs);
}

/* Bad lines in JSON Lines are errors of their own; the others run. */
static void test_batch_bad_case_keeps_others(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    char *path = scratch_file(".jsonl", "{\"id\": \"a\", \"facts\": {\"甲\": "
                                        "true}}\n"
                                        "{\"id\": \"b\", \"facts\": {\"甲\": "
                                        "12}}\n"
                                        "not json\n"
                                        "{\"id\": \"d\", \"facts\": {\"域\": "
                                        "\"乙類\"}}\n");
    int rc;
    struct rc_counts n = {0, 0, 0};
    struct collect c = run(rs, path, 3, RC_JSON_BRIEF, &n, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(c.records, 4);
    assert_int_equal(n.decided, 2);
    assert_int_equal(n.errors, 2);
    assert_true(strstr(c.text, "\"a\"") < strstr(c.text, "\"d\""));
    free(c.text);
    scratch_drop(path);
    rc_ruleset_free(rs);
}

/* How many threads the process has now (Linux: /proc/self/task), or -1. */
static int threads_now(void)
{
    DIR *d = opendir("/proc/self/task");
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

struct busy {
    int threads;     /* of the run */
    int calls, over; /* traces handed out, and with more threads than that */
};

static int count_threads(void *ctx, const char *data, size_t len)
{
    (void)data;
    (void)len;
    struct busy *b = ctx;
    b->calls++;
    b->over += threads_now() > b->threads;
    return 0;
}

/* A run on N threads has N threads at once, the one that hands out the
 * traces and reads the next batch among them: on two cores, -j 2 does not
 * have three threads take turns. (A helper that has just ended may be
 * listed for a moment after it was joined: most traces, not all.) */
static void test_batch_threads_at_once(void **state)
{
    (void)state;
    if (threads_now() != 1)
        skip(); /* no /proc, or threads not ours */
    struct rc_ruleset *rs = rules_load(rules_text);
    char *text = many_cases(5000); /* three batches */
    char *path = scratch_file(".case", text);
    for (int threads = 2; threads <= 4; threads += 2) {
        struct rc_cases *cs = rc_cases_open(rs, path);
        struct busy b = {threads, 0, 0};
        struct rc_counts n = {0, 0, 0};
        assert_int_equal(rc_cases_run(cs, threads, RC_JSON_BRIEF, RC_LANG_AUTO,
                                      NULL, count_threads, &b, &n),
                         0);
        assert_int_equal(n.decided, 5000);
        assert_int_equal(b.calls, 5000);
        assert_true(b.over * 4 < b.calls);
        rc_cases_close(cs);
    }
    scratch_drop(path);
    free(text);
    rc_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_batch_threads_same_output),
        cmocka_unit_test(test_batch_threads_limit),
        cmocka_unit_test(test_batch_write_stops),
        cmocka_unit_test(test_batch_bad_arguments),
        cmocka_unit_test(test_batch_bad_case_keeps_others),
        cmocka_unit_test(test_batch_threads_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
