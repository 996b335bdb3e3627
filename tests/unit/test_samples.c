/*
 * The sample cases: every case in rules/cases/ and tests/golden/lang/ gets
 * the status, verdict and missing facts its expected.tsv names, and the
 * §2 example gives identical outcomes whether its keywords are English,
 * traditional or simplified Chinese.
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

#include "engine/rongcuo.h"

#define MAXN 64

/* Evaluate the case called id in path; the caller frees the eval. */
static struct rc_eval *eval_case(struct rc_ruleset *rs, const char *path,
                                 const char *id)
{
    struct rc_cases *cs = rc_cases_open(rs, path);
    struct rc_eval *ev = rc_eval_new(rs);
    const struct rc_case *c;
    bool found = false;
    while ((c = rc_cases_next(cs)))
        if (rc_case_id(c) && strcmp(rc_case_id(c), id) == 0) {
            rc_evaluate(ev, c);
            found = true;
            break;
        }
    rc_cases_close(cs);
    if (!found)
        fail_msg("case %s not found in %s", id, path);
    return ev;
}

static void joined(const struct rc_eval *ev, enum rc_list which, char *buf,
                   size_t size)
{
    const char *names[MAXN];
    int n = rc_eval_list(ev, which, names, MAXN);
    buf[0] = '\0';
    for (int i = 0; i < n && i < MAXN; i++) {
        if (i)
            strncat(buf, ",", size - strlen(buf) - 1);
        strncat(buf, names[i], size - strlen(buf) - 1);
    }
    if (n == 0)
        strncat(buf, "-", size - strlen(buf) - 1);
}

/* Check every row of an expected.tsv against rules: columns case, file,
 * status, verdict, missing, note; with rules == NULL a first column names
 * the rule file of each row (relative to rules_dir). */
static void check_tsv(const char *rules, const char *rules_dir, const char *dir,
                      const char *tsv)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, tsv);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[4096];
    int rows = 0;
    if (!fgets(line, sizeof line, f)) /* header */
        fail_msg("%s is empty", path);
    while (fgets(line, sizeof line, f)) {
        char *field[7] = {0};
        char *s = line;
        for (int i = 0; i < 7 && s; i++) {
            field[i] = s;
            s = strchr(s, '\t');
            if (s)
                *s++ = '\0';
        }
        char **col = rules ? field : field + 1;
        if (!col[4])
            continue;
        char rules_path[512];
        snprintf(rules_path, sizeof rules_path, "%s/%s", rules_dir,
                 rules ? rules : field[0]);
        struct rc_diags *d;
        struct rc_ruleset *rs = rc_ruleset_load(rules_path, &d);
        if (!rs)
            fail_msg("%s does not check:\n%s", rules_path, rc_diags_text(d));
        rc_diags_free(d);
        char casefile[512], got[2048];
        snprintf(casefile, sizeof casefile, "%s/%s", dir, col[1]);
        struct rc_eval *ev = eval_case(rs, casefile, col[0]);
        static const char *const st[] = {"decided", "undetermined", "error"};
        if (strcmp(st[rc_eval_status(ev)], col[2]) != 0)
            fail_msg("%s under %s: status %s, expected %s", col[0], rules_path,
                     st[rc_eval_status(ev)], col[2]);
        const char *v = rc_eval_verdict(ev);
        if (strcmp(v ? v : "-", col[3]) != 0)
            fail_msg("%s under %s: verdict %s, expected %s", col[0], rules_path,
                     v ? v : "-", col[3]);
        joined(ev, RC_MISSING, got, sizeof got);
        if (strcmp(got, col[4]) != 0)
            fail_msg("%s under %s: missing %s, expected %s", col[0], rules_path,
                     got, col[4]);
        rc_eval_free(ev);
        rc_ruleset_free(rs);
        rows++;
    }
    fclose(f);
    assert_true(rows > 0);
}

static void test_samples_hubei(void **state)
{
    (void)state;
    check_tsv("hubei.rules", "rules", "rules/cases", "expected.tsv");
}

static void test_samples_cities(void **state)
{
    (void)state;
    check_tsv(NULL, "rules", "rules/cases", "cities.tsv");
}

static void test_samples_example(void **state)
{
    (void)state;
    check_tsv("example-en.rules", "tests/golden/lang", "tests/golden/lang",
              "example.expected.tsv");
}

/* The outcome of every case of example.case as one comparable string. */
static char *outcomes(const char *rules)
{
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load(rules, &d);
    if (!rs)
        fail_msg("%s does not check:\n%s", rules, rc_diags_text(d));
    rc_diags_free(d);
    struct rc_cases *cs = rc_cases_open(rs, "tests/golden/lang/example.case");
    struct rc_eval *ev = rc_eval_new(rs);
    size_t cap = 1 << 16;
    char *all = calloc(1, cap);
    const struct rc_case *c;
    int n = 0;
    while ((c = rc_cases_next(cs))) {
        rc_evaluate(ev, c);
        char m[1024], fi[1024], mi[1024], line[4096];
        joined(ev, RC_MEASURES, m, sizeof m);
        joined(ev, RC_FIRED, fi, sizeof fi);
        joined(ev, RC_MISSING, mi, sizeof mi);
        const char *v = rc_eval_verdict(ev);
        snprintf(line, sizeof line, "%s %d %s %s %s %s\n", rc_case_id(c),
                 (int)rc_eval_status(ev), v ? v : "-", m, fi, mi);
        strncat(all, line, cap - strlen(all) - 1);
        n++;
    }
    assert_true(n >= 5);
    rc_eval_free(ev);
    rc_cases_close(cs);
    rc_ruleset_free(rs);
    return all;
}

static void test_samples_three_spellings_agree(void **state)
{
    (void)state;
    char *en = outcomes("tests/golden/lang/example-en.rules");
    char *hant = outcomes("tests/golden/lang/example-zh-Hant.rules");
    char *hans = outcomes("tests/golden/lang/example-zh-Hans.rules");
    assert_string_equal(en, hant);
    assert_string_equal(en, hans);
    free(en);
    free(hant);
    free(hans);
}

static void test_samples_language_detected(void **state)
{
    (void)state;
    const char *files[] = {"tests/golden/lang/example-en.rules",
                           "tests/golden/lang/example-zh-Hant.rules",
                           "tests/golden/lang/example-zh-Hans.rules"};
    for (int i = 0; i < 3; i++) {
        struct rc_diags *d;
        struct rc_ruleset *rs = rc_ruleset_load(files[i], &d);
        assert_non_null(rs);
        assert_int_equal(rc_ruleset_lang(rs), i);
        rc_diags_free(d);
        rc_ruleset_free(rs);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples_hubei),
        cmocka_unit_test(test_samples_cities),
        cmocka_unit_test(test_samples_example),
        cmocka_unit_test(test_samples_three_spellings_agree),
        cmocka_unit_test(test_samples_language_detected),
    };
    return cmocka_run_group_tests_name("samples", tests, NULL, NULL);
}
