/*
 * The library has no global state: one rule set evaluated from four
 * threads at once gives what one thread gives, and two rule sets live side
 * by side. Run under ThreadSanitizer by `make tsan`.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/rongcuo.h"

#define THREADS 4
#define ROUNDS  20

static const char *const files[] = {
    "rules/cases/tc01-songzi.case",      "rules/cases/tc02-yichang-market.case",
    "rules/cases/tc04-land-policy.case", "rules/cases/tc13-xiantao.case",
    "tests/golden/run/bad.jsonl",        "rules/cases/tc12-pidu.case",
};

/* Every trace of every file, JSON, concatenated. */
static char *traces(struct rc_ruleset *rs)
{
    size_t cap = 1 << 20, len = 0;
    char *all = malloc(cap);
    assert_non_null(all);
    struct rc_eval *ev = rc_eval_new(rs);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        struct rc_cases *cs = rc_cases_open(rs, files[i]);
        const struct rc_case *c;
        while ((c = rc_cases_next(cs))) {
            rc_evaluate(ev, c);
            size_t n;
            const char *t = rc_eval_render(ev, RC_JSON, RC_LANG_AUTO, &n);
            while (len + n + 1 > cap)
                all = realloc(all, cap *= 2);
            memcpy(all + len, t, n);
            len += n;
        }
        rc_cases_close(cs);
    }
    rc_eval_free(ev);
    all[len] = '\0';
    return all;
}

struct job {
    struct rc_ruleset *rs;
    const char *want;
    int mismatches;
};

static void *worker(void *arg)
{
    struct job *j = arg;
    for (int k = 0; k < ROUNDS; k++) {
        char *got = traces(j->rs);
        j->mismatches += strcmp(got, j->want) != 0;
        free(got);
    }
    return NULL;
}

static struct rc_ruleset *load(const char *path)
{
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load(path, &d);
    if (!rs)
        fail_msg("%s:\n%s", path, rc_diags_text(d));
    rc_diags_free(d);
    return rs;
}

static void test_threads_one_rule_set_four_threads(void **state)
{
    (void)state;
    struct rc_ruleset *rs = load("rules/hubei.rules");
    char *want = traces(rs);
    pthread_t t[THREADS];
    struct job jobs[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (struct job){rs, want, 0};
        assert_int_equal(pthread_create(&t[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(jobs[i].mismatches, 0);
    }
    free(want);
    rc_ruleset_free(rs);
}

static void test_threads_two_rule_sets_side_by_side(void **state)
{
    (void)state;
    struct rc_ruleset *province = load("rules/hubei.rules");
    struct rc_ruleset *city = load("rules/yichang.rules");
    char *p1 = traces(province), *c1 = traces(city);
    /* interleaved use gives the same as separate use */
    char *p2 = traces(province), *c2 = traces(city);
    assert_string_equal(p1, p2);
    assert_string_equal(c1, c2);
    assert_string_not_equal(p1, c1);
    assert_string_not_equal(rc_ruleset_sha256(province),
                            rc_ruleset_sha256(city));
    /* both at once from two threads */
    pthread_t a, b;
    struct job ja = {province, p1, 0}, jb = {city, c1, 0};
    pthread_create(&a, NULL, worker, &ja);
    pthread_create(&b, NULL, worker, &jb);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    assert_int_equal(ja.mismatches + jb.mismatches, 0);
    free(p1);
    free(p2);
    free(c1);
    free(c2);
    rc_ruleset_free(province);
    rc_ruleset_free(city);
}

struct buf {
    char *p;
    size_t len, cap;
};

static int collect(void *ctx, const char *data, size_t len)
{
    struct buf *b = ctx;
    if (b->len + len + 1 > b->cap) {
        b->cap = (b->len + len + 1) * 2;
        b->p = realloc(b->p, b->cap);
    }
    memcpy(b->p + b->len, data, len);
    b->len += len;
    b->p[b->len] = '\0';
    return 0;
}

/* The cases of path on one thread and on `threads`: the same bytes and
 * counts. */
static void same_on(struct rc_ruleset *rs, const char *path,
                    const struct buf *one, const struct rc_counts *c1,
                    int threads)
{
    struct buf many = {0};
    struct rc_counts cn = {0, 0, 0};
    struct rc_cases *cs = rc_cases_open(rs, path);
    assert_int_equal(rc_cases_run(cs, threads, RC_JSON, RC_LANG_AUTO, NULL,
                                  collect, &many, &cn),
                     0);
    rc_cases_close(cs);
    assert_int_equal(cn.decided, c1->decided);
    assert_int_equal(cn.undetermined, c1->undetermined);
    assert_int_equal(cn.errors, c1->errors);
    assert_true(one->len > 0 && one->len == many.len);
    assert_memory_equal(one->p, many.p, one->len);
    free(many.p);
}

/* The cases of path on one thread, on two (the helper that reads and
 * writes is the second worker) and on four: the same bytes and counts;
 * the counts of one thread into *c1. */
static void same_on_one_and_four(const char *path, struct rc_counts *c1)
{
    struct rc_ruleset *rs = load("rules/hubei.rules");
    struct buf one = {0};
    struct rc_cases *cs = rc_cases_open(rs, path);
    assert_int_equal(
        rc_cases_run(cs, 1, RC_JSON, RC_LANG_AUTO, NULL, collect, &one, c1), 0);
    rc_cases_close(cs);
    same_on(rs, path, &one, c1, 2);
    same_on(rs, path, &one, c1, 4);
    free(one.p);
    rc_ruleset_free(rs);
}

/* rc_cases_run: a register of 5,000 cases on 1 and on 4 threads (batches
 * are read, evaluated and handed out side by side). */
static void test_threads_batch_run_is_the_same_on_four(void **state)
{
    (void)state;
    char path[] = "/tmp/rongcuo-threads-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    for (int i = 0; i < 5000; i++)
        fprintf(f,
                "{\"id\": \"T%d\", \"facts\": {\"履職情形\": "
                "[\"應急處置\"], \"出於工作需要\": %s, \"謀取私利\": %s%s}}\n",
                i, i % 3 ? "true" : "false", i % 11 ? "false" : "true",
                i % 97 ? "" : ", \"損失金額\": \"壞\"");
    fclose(f);
    struct rc_counts c1 = {0, 0, 0};
    same_on_one_and_four(path, &c1);
    assert_int_equal(c1.decided + c1.undetermined + c1.errors, 5000);
    assert_int_equal(c1.errors, 52);
    unlink(path);
}

/* A .case file is read a case block at a time into each batch: one
 * thread or four, the same bytes; cases, errors inside blocks and errors
 * between them (an error entry each) all there, over several batches. */
static void test_threads_case_file_batches_are_the_same_on_four(void **state)
{
    (void)state;
    char dir[] = "/tmp/rongcuo-threads-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/t.case", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < 5000; i++) {
        fprintf(f,
                "case \"T%d\" {\n  履職情形 = {應急處置}\n  出於工作需要 = %s\n"
                "  謀取私利 = %s\n%s}\n",
                i, i % 3 ? "是" : "否", i % 11 ? "否" : "是",
                i % 97 ? "" : "  損失金額 = = 1\n");
        if (i % 1000 == 999)
            fputs("fact 多餘: bool\n", f);
    }
    fclose(f);
    struct rc_counts c1 = {0, 0, 0};
    same_on_one_and_four(path, &c1);
    assert_int_equal(c1.decided + c1.undetermined + c1.errors, 5005);
    assert_int_equal(c1.errors, 52 + 5);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_one_rule_set_four_threads),
        cmocka_unit_test(test_threads_two_rule_sets_side_by_side),
        cmocka_unit_test(test_threads_batch_run_is_the_same_on_four),
        cmocka_unit_test(test_threads_case_file_batches_are_the_same_on_four),
    };
    return cmocka_run_group_tests_name("threads", tests, NULL, NULL);
}
