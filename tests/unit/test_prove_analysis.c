/*
 * prove/analysis.c: the deeper warnings of check on small rule sets, and
 * none where Kleene logic keeps a case open (an unknown fact makes a line
 * or a conclusion unknown, not false or true).
 */
#include "tests/unit/helpers.h"

#include "engine/msg.h"
#include "prove/analysis.h"
#include "prove/prove.h"

/* The codes of the warnings of the analysis of text, in order, into
 * codes (at most max); their number. *example: the example case text of
 * the last one that has one (a copy, or NULL). */
static int analyse(const char *text, int *codes, int max, char **example)
{
    void *state;
    fx_setup(&state);
    struct fixture *f = state;
    struct plan *p = fx_plan(f, text);
    struct diag_list dl;
    diag_init(&dl, &f->arena);
    struct analysis_counts n = {0, 0};
    const char *reason;
    analysis_run(p, &dl, &n, &reason);
    assert_int_equal(n.unknown, 0);
    assert_null(reason);
    int k = 0;
    if (example)
        *example = NULL;
    for (const struct diag *d = dl.head; d; d = d->next) {
        assert_int_equal(d->severity, DIAG_WARNING);
        assert_non_null(d->hint);
        if (k < max)
            codes[k++] = d->code;
        if (d->owner && example)
            *example = strdup(d->owner);
    }
    assert_int_equal(k, n.warnings);
    fx_teardown(&state);
    return k;
}

static void test_clean(void **state)
{
    (void)state;
    int c[8];
    assert_int_equal(analyse("fact a: bool\nconclusion c\n"
                             "rule R1 when a then c\n"
                             "verdict { X when c\n otherwise Y }\n",
                             c, 8, NULL),
                     0);
}

static void test_never_fires(void **state)
{
    (void)state;
    int c[8];
    int n = analyse("fact n: number = 0\nconclusion c\n"
                    "rule R1 when n > 10 and n < 5 then c\n"
                    "rule R2 when n > 10 then c\n"
                    "verdict { X when c\n otherwise Y }\n",
                    c, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(c[0], MSG_analysis_never_fires);
}

/* B is not shadowed (b alone reaches it); D's condition is never true;
 * otherwise is reached by no case: a false gives A2, a unknown leaves
 * the case undetermined. */
static void test_lines(void **state)
{
    (void)state;
    int c[8];
    int n = analyse("fact a: bool\nfact b: bool\n"
                    "verdict {\n A when a\n B when a or b\n C when a and b\n"
                    " D when a and not a\n A2 when not a\n otherwise Z\n}\n",
                    c, 8, NULL);
    assert_int_equal(n, 3);
    assert_int_equal(c[0], MSG_analysis_line_shadowed); /* C */
    assert_int_equal(c[1], MSG_analysis_line_false);    /* D */
    assert_int_equal(c[2], MSG_analysis_line_shadowed); /* otherwise */
}

/* Two rules overriding each other: warned when both can hold, not when
 * their conditions exclude each other. (R3 or R4 always applies when a
 * is known, and a unknown leaves the case undetermined: otherwise is
 * reached by no case.) */
static void test_mutual(void **state)
{
    (void)state;
    int c[8];
    int n = analyse("fact a: bool\nfact b: bool\nconclusion c\nconclusion d\n"
                    "rule R1 when a then c overrides R2\n"
                    "rule R2 when b then d overrides R1\n"
                    "rule R3 when a then c overrides R4\n"
                    "rule R4 when not a then d overrides R3\n"
                    "verdict { X when c\n W when d\n otherwise Y }\n",
                    c, 8, NULL);
    assert_int_equal(n, 2);
    assert_int_equal(c[0], MSG_analysis_line_shadowed);
    assert_int_equal(c[1], MSG_analysis_mutual);
}

/* a or not a is unknown when a is: not always true; a default makes it
 * so. */
static void test_always(void **state)
{
    (void)state;
    int c[8];
    assert_int_equal(analyse("fact a: bool\nconclusion c\n"
                             "rule R1 when a or not a then c\n"
                             "verdict { X when c and a\n otherwise Y }\n",
                             c, 8, NULL),
                     0);
    int n = analyse("fact a: bool\nconclusion c\n"
                    "rule R1 when a is known or not (a is known) then c\n"
                    "verdict { X when c and a\n otherwise Y }\n",
                    c, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(c[0], MSG_analysis_always);
}

/* No otherwise: a case with no line, the fewest facts (a = false); none
 * when the lines cover every decided case. */
static void test_no_line(void **state)
{
    (void)state;
    int c[8];
    char *ex;
    int n = analyse("fact a: bool\nfact b: bool\nverdict { X when a }\n", c, 8,
                    &ex);
    assert_int_equal(n, 1);
    assert_int_equal(c[0], MSG_analysis_no_line);
    assert_non_null(ex);
    assert_string_equal(ex, "case \"example\" {\n  a = false\n}\n");
    free(ex);
    assert_int_equal(analyse("fact a: bool\n"
                             "verdict { X when a\n Y when not a }\n",
                             c, 8, &ex),
                     0);
    assert_null(ex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean),  cmocka_unit_test(test_never_fires),
        cmocka_unit_test(test_lines),  cmocka_unit_test(test_mutual),
        cmocka_unit_test(test_always), cmocka_unit_test(test_no_line),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    prove_finalize();
    return rc;
}
