/* The limits on input (engine/limits.h and the fixed sizes of the plan),
 * each at the limit and one past it: at the limit all is well, past it
 * an error says which limit, at the place. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "engine/limits.h"
#include "rules_text.h"

/* Load text; NULL when it does not check, with the first message in msg. */
static struct rc_ruleset *try_load(const char *text, char *msg, size_t n)
{
    struct rc_diags *d;
    struct rc_ruleset *rs =
        rc_ruleset_load_buffer("lim.rules", text, strlen(text), &d);
    struct rc_diag x;
    msg[0] = '\0';
    if (rc_diags_errors(d) && rc_diags_get(d, 0, &x) == 0)
        snprintf(msg, n, "%d:%d: %s", x.line, x.column, x.message);
    rc_diags_free(d);
    return rs;
}

static char *grow(char *t, size_t *len, size_t *cap, const char *s)
{
    size_t n = strlen(s);
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        t = realloc(t, *cap);
    }
    memcpy(t + *len, s, n + 1);
    *len += n;
    return t;
}

/* A fact with n options. */
static char *options(int n)
{
    size_t len = 0, cap = 0;
    char *t = grow(NULL, &len, &cap, "fact 域: one of {");
    for (int i = 0; i < n; i++) {
        char one[16];
        snprintf(one, sizeof one, "%so%d", i ? ", " : "", i);
        t = grow(t, &len, &cap, one);
    }
    return grow(t, &len, &cap,
                "}\nverdict { 甲 when 域 == o0 otherwise 乙 }\n");
}

static void test_limit_options(void **state)
{
    (void)state;
    char msg[256], *t = options(64);
    struct rc_ruleset *rs = try_load(t, msg, sizeof msg);
    assert_non_null(rs);
    rc_ruleset_free(rs);
    free(t);
    t = options(65);
    assert_null(try_load(t, msg, sizeof msg));
    assert_string_equal(msg, "1:327: 域 has more than 64 options");
    free(t);
}

/* A verdict table of n verdicts. */
static char *verdicts(int n)
{
    size_t len = 0, cap = 0;
    char *t = grow(NULL, &len, &cap, "fact 甲: bool\nverdict {\n");
    for (int i = 0; i < n - 1; i++) {
        char one[32];
        snprintf(one, sizeof one, "  v%d when 甲\n", i);
        t = grow(t, &len, &cap, one);
    }
    return grow(t, &len, &cap, "  otherwise 末\n}\n");
}

static void test_limit_verdicts(void **state)
{
    (void)state;
    char msg[256], *t = verdicts(64);
    struct rc_ruleset *rs = try_load(t, msg, sizeof msg);
    assert_non_null(rs);
    rc_ruleset_free(rs);
    free(t);
    t = verdicts(65);
    assert_null(try_load(t, msg, sizeof msg));
    assert_string_equal(msg, "67:3: a verdict table has at most 64 verdicts");
    free(t);
}

/* A fact whose name is n bytes long. */
static char *named(size_t n)
{
    char *t = malloc(n + 64);
    strcpy(t, "fact ");
    memset(t + 5, 'a', n);
    strcpy(t + 5 + n, ": bool\nverdict { otherwise 乙 }\n");
    return t;
}

static void test_limit_name_bytes(void **state)
{
    (void)state;
    char msg[256], *t = named(LIMIT_NAME_BYTES);
    struct rc_ruleset *rs = try_load(t, msg, sizeof msg);
    assert_non_null(rs);
    rc_ruleset_free(rs);
    free(t);
    t = named(LIMIT_NAME_BYTES + 1);
    assert_null(try_load(t, msg, sizeof msg));
    assert_string_equal(msg, "1:6: name longer than 1024 bytes");
    free(t);
}

/* A text default of n bytes. */
static char *long_string(size_t n)
{
    char *t = malloc(n + 64);
    strcpy(t, "fact 說明: text = \"");
    size_t at = strlen(t);
    memset(t + at, 'x', n);
    strcpy(t + at + n, "\"\nverdict { otherwise 乙 }\n");
    return t;
}

static void test_limit_string_bytes(void **state)
{
    (void)state;
    char msg[256], *t = long_string(LIMIT_STRING_BYTES);
    struct rc_ruleset *rs = try_load(t, msg, sizeof msg);
    assert_non_null(rs);
    rc_ruleset_free(rs);
    free(t);
    t = long_string(LIMIT_STRING_BYTES + 1);
    assert_null(try_load(t, msg, sizeof msg));
    assert_string_equal(msg, "1:17: string longer than 65536 bytes");
    free(t);
}

/* A rule set of n declarations: n - 1 facts and the verdict table. */
static char *decls(int n)
{
    size_t len = 0, cap = 0;
    char *t = grow(NULL, &len, &cap, "");
    for (int i = 0; i < n - 1; i++) {
        char one[32];
        snprintf(one, sizeof one, "fact f%d: bool\n", i);
        t = grow(t, &len, &cap, one);
    }
    return grow(t, &len, &cap, "verdict { otherwise 乙 }\n");
}

static void test_limit_decls(void **state)
{
    (void)state;
    char msg[256], *t = decls(LIMIT_DECLS);
    struct rc_ruleset *rs = try_load(t, msg, sizeof msg);
    assert_non_null(rs);
    int facts;
    rc_ruleset_counts(rs, &facts, NULL, NULL, NULL);
    assert_int_equal(facts, LIMIT_DECLS - 1);
    rc_ruleset_free(rs);
    free(t);
    t = decls(LIMIT_DECLS + 1);
    assert_null(try_load(t, msg, sizeof msg));
    assert_string_equal(msg,
                        "250001:1: more than 250000 declarations in one rule "
                        "set");
    free(t);
}

/* n rules in a chain, each with its conclusion: rule R(i) holds when a and
 * b > i, or when R(i-1) did. */
static char *chain(int n)
{
    size_t len = 0, cap = 0;
    char *t = grow(NULL, &len, &cap, "fact a: bool\nfact b: number\n");
    char one[96];
    for (int i = 0; i < n; i++) {
        snprintf(one, sizeof one, "conclusion c%d\n", i);
        t = grow(t, &len, &cap, one);
    }
    t = grow(t, &len, &cap, "rule R0 when a and b > 0 then c0\n");
    for (int i = 1; i < n; i++) {
        snprintf(one, sizeof one,
                 "rule R%d when a and b > %d or c%d then c%d\n", i, i, i - 1,
                 i);
        t = grow(t, &len, &cap, one);
    }
    snprintf(one, sizeof one, "verdict { 甲 when c%d otherwise 乙 }\n", n - 1);
    return grow(t, &len, &cap, one);
}

/* The declaration limit leaves room for 100,000 rules, each with its own
 * conclusion; a case goes through the whole chain. */
static void test_limit_rules(void **state)
{
    (void)state;
    enum { N = 100000 };
    char msg[256], *t = chain(N);
    struct rc_ruleset *rs = try_load(t, msg, sizeof msg);
    free(t);
    assert_string_equal(msg, "");
    assert_non_null(rs);
    int rules;
    rc_ruleset_counts(rs, NULL, &rules, NULL, NULL);
    assert_int_equal(rules, N);
    int line = 0;
    const char *file = rc_ruleset_rule_origin(rs, "R99999", &line);
    assert_string_equal(file, "lim.rules");
    assert_int_equal(line, 2 + N + N);
    const char *verdict[2] = {"乙", "甲"};
    for (int k = 0; k < 2; k++) {
        struct rc_case *c = rc_case_new(rs, "k", NULL);
        assert_int_equal(rc_case_set(c, "a", "true"), 0);
        assert_int_equal(rc_case_set(c, "b", k ? "1" : "0"), 0);
        struct rc_eval *ev = rc_eval_new(rs);
        rc_evaluate(ev, c);
        assert_int_equal(rc_eval_status(ev), RC_DECIDED);
        assert_string_equal(rc_eval_verdict(ev), verdict[k]);
        rc_eval_free(ev);
        rc_case_free(c);
    }
    rc_ruleset_free(rs);
}

/* A JSON Lines case of exactly LIMIT_LINE_BYTES, its newline included, is
 * read; one byte more is an error of that line alone. */
static void test_limit_line_bytes(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    for (long extra = 0; extra <= 1; extra++) {
        size_t n = (size_t)LIMIT_LINE_BYTES + (size_t)extra;
        char *text = malloc(n + 64);
        strcpy(text, "{\"id\": \"L\", \"title\": \"");
        size_t at = strlen(text);
        memset(text + at, 'x', n - at - 3);
        strcpy(text + n - 3, "\"}\n{\"id\": \"after\"}\n");
        char *path = scratch_file(".jsonl", text);
        struct rc_cases *cs = rc_cases_open(rs, path);
        const struct rc_case *c;
        int k = 0;
        while ((c = rc_cases_next(cs)) != NULL) {
            struct rc_eval *ev = rc_eval_new(rs);
            rc_evaluate(ev, c);
            if (k == 0)
                assert_int_equal(rc_eval_status(ev) == RC_ERROR, extra == 1);
            else
                assert_int_not_equal(rc_eval_status(ev), RC_ERROR);
            rc_eval_free(ev);
            k++;
        }
        assert_int_equal(k, 2);
        rc_cases_close(cs);
        scratch_drop(path);
        free(text);
    }
    rc_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_limit_options),
        cmocka_unit_test(test_limit_verdicts),
        cmocka_unit_test(test_limit_name_bytes),
        cmocka_unit_test(test_limit_string_bytes),
        cmocka_unit_test(test_limit_decls),
        cmocka_unit_test(test_limit_rules),
        cmocka_unit_test(test_limit_line_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
