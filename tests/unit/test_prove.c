/*
 * prove/: bottom lines decided on small rule sets, the counterexamples
 * written as case blocks (fewest facts, decimals, the file's keywords),
 * evaluation errors, and an honest "undecided". The bottom line here is
 * made by hand: its condition is that of rule Q, its one expectation x.
 */
#include "tests/unit/helpers.h"

#include "engine/plan_tests.h"
#include "prove/encode.h"
#include "prove/prove.h"

/* Prove "when Q's condition, expect kind name" on text; *out filled. */
static void prove(const char *text, enum expect_kind kind, const char *name,
                  struct prove_result *out)
{
    void *state;
    fx_setup(&state);
    struct fixture *f = state;
    struct plan *p = fx_plan(f, text);
    struct expect_info x = {.kind = kind, .name = name, .index = -1};
    if (name && (kind == EXPECT_VERDICT || kind == EXPECT_NOT_VERDICT))
        x.index = plan_option(&p->verdicts, name);
    for (int i = 0; name && i < p->nmeasures; i++)
        if (strcmp(p->measures[i].id, name) == 0)
            x.index = i;
    int q = -1;
    for (int i = 0; i < p->nrules; i++)
        if (strcmp(p->rules[i].id, "Q") == 0)
            q = i;
    assert_true(q >= 0);
    struct invariant_info inv = {"t", {0}, p->rules[q].cond, &x, 1};
    p->invariants = &inv;
    p->ninvariants = 1;
    struct enc_ctx *cx = enc_ctx_new();
    prove_invariant(enc_plan_new(cx, p), 0, "cx", out);
    enc_ctx_free(cx);
    fx_teardown(&state);
}

static const char overrides[] =
    "fact a: bool\nfact b: bool = false\nfact n: number = 0\n"
    "conclusion c\nconclusion d\n"
    "rule R1 when a then c\n"
    "rule R2 when b then d overrides R1\n"
    "rule Q when a then d\n"
    "verdict {\n  X when c\n  otherwise Y\n}\n";

static void test_proven(void **state)
{
    (void)state;
    struct prove_result r;
    prove(overrides, EXPECT_NOT_VERDICT, "Z", &r);
    assert_int_equal(r.status, PROVE_PROVEN);
    assert_null(r.c.text);
    prove_case_free(&r.c);
}

/* a alone gives X; with b true (over its default) the override drops R1,
 * with b unknown it may: two facts, no fewer. */
static void test_violated_override(void **state)
{
    (void)state;
    struct prove_result r;
    prove(overrides, EXPECT_VERDICT, "X", &r);
    assert_int_equal(r.status, PROVE_VIOLATED);
    assert_true(r.confirmed);
    const char *want = "case \"cx\" \"t\" {\n  a = true\n  b = ";
    assert_memory_equal(r.c.text, want, strlen(want));
    assert_int_equal(r.c.nfacts, 2);
    assert_true(strcmp(r.c.text + strlen(want), "true\n}\n") == 0 ||
                strcmp(r.c.text + strlen(want), "unknown\n}\n") == 0);
    prove_case_free(&r.c);
}

/* an unknown fact on the first line: undetermined breaks expect verdict */
static void test_undetermined(void **state)
{
    (void)state;
    struct prove_result r;
    prove("fact a: bool\nfact b: bool\nconclusion c\n"
          "rule Q when b then c\n"
          "verdict {\n  X when a or c\n  otherwise Y\n}\n",
          EXPECT_VERDICT, "X", &r);
    assert_int_equal(r.status, PROVE_PROVEN);
    prove_case_free(&r.c);
    prove("fact a: bool\nfact b: bool\nconclusion c\n"
          "rule Q when b then c\n"
          "verdict {\n  X when a and c\n  otherwise Y\n}\n",
          EXPECT_VERDICT, "X", &r);
    assert_int_equal(r.status, PROVE_VIOLATED);
    assert_int_equal(r.got_status, ST_UNDETERMINED);
    assert_string_equal(r.c.text, "case \"cx\" \"t\" {\n  b = true\n}\n");
    prove_case_free(&r.c);
}

/* a number between two decimals: the counterexample writes a decimal */
static void test_decimal(void **state)
{
    (void)state;
    struct prove_result r;
    prove("fact n: number\nconclusion c\n"
          "rule Q when n > 0.5 and n < 0.51 then c\n"
          "verdict {\n  X when n * 3 == 1.5\n  otherwise Y\n}\n",
          EXPECT_VERDICT, "X", &r);
    assert_int_equal(r.status, PROVE_VIOLATED);
    assert_non_null(strstr(r.c.text, "  n = 0.50"));
    prove_case_free(&r.c);
}

/* no decimal squares to 2: the solver may find a number, never one a
 * case can give: undecided, not violated, not proven */
static void test_no_decimal(void **state)
{
    (void)state;
    struct prove_result r;
    prove("fact n: number\nconclusion c\n"
          "rule Q when n * n == 2 then c\n"
          "verdict {\n  X when c\n  otherwise Y\n}\n",
          EXPECT_NOT_VERDICT, "X", &r);
    assert_int_equal(r.status, PROVE_UNDECIDED);
    assert_non_null(r.c.reason);
    prove_case_free(&r.c);
}

/* division by zero is an error: it breaks "not undetermined" (a verdict
 * is decided), never "not verdict" */
static void test_division_by_zero(void **state)
{
    (void)state;
    static const char t[] =
        "fact n: number\nconclusion c\n"
        "rule Q when n is known then c\n"
        "verdict {\n  X when 10 / n > 1\n  otherwise Y\n}\n";
    struct prove_result r;
    prove(t, EXPECT_NOT_UNDETERMINED, NULL, &r);
    assert_int_equal(r.status, PROVE_VIOLATED);
    assert_int_equal(r.got_status, ST_ERROR);
    assert_string_equal(r.c.text, "case \"cx\" \"t\" {\n  n = 0\n}\n");
    prove_case_free(&r.c);
    prove(t, EXPECT_NOT_VERDICT, "Z", &r); /* Z: no such verdict */
    assert_int_equal(r.status, PROVE_PROVEN);
    prove_case_free(&r.c);
}

/* the keywords of the file, every type of value */
static void test_chinese_types(void **state)
{
    (void)state;
    struct prove_result r;
    prove("事實 甲: 是非\n事實 日: 日期\n事實 域: 選項 {基層, 其他}\n"
          "事實 行為: 多選 {宴請, 用車}\n事實 名: 文字\n認定 丙\n"
          "規則 Q 如果 甲 則 丙\n"
          "結論 {\n  不予容錯 如果 非 甲\n"
          "  容錯 如果 日 > 2023-05-01 且 域 == 其他 且 行為 包含 用車 且 名 "
          "== 「張三」\n"
          "  否則 依規處理\n}\n",
          EXPECT_NOT_VERDICT, "容錯", &r);
    assert_int_equal(r.status, PROVE_VIOLATED);
    assert_string_equal(r.c.text, "案件 \"cx\" \"t\" {\n"
                                  "  甲 = 是\n"
                                  "  日 = 2023-05-02\n"
                                  "  域 = 其他\n"
                                  "  行為 = {用車}\n"
                                  "  名 = \"張三\"\n"
                                  "}\n");
    prove_case_free(&r.c);
}

/* a text no rule names, and an explicit unknown over a default */
static void test_other_text_unknown(void **state)
{
    (void)state;
    struct prove_result r;
    prove("fact t: text\nfact b: bool = true\nconclusion c\n"
          "rule Q when t != \"#1\" and t != \"a\" then c\n"
          "verdict {\n  X when b\n  otherwise Y\n}\n",
          EXPECT_NOT_UNDETERMINED, NULL, &r);
    assert_int_equal(r.status, PROVE_VIOLATED);
    assert_non_null(strstr(r.c.text, "  b = unknown\n"));
    assert_non_null(strstr(r.c.text, "  t = \"##"));
    prove_case_free(&r.c);
}

/* Two plans in one context read the same variables for a fact of the
 * same folded name, type and options (symbolic diff), and others for a
 * fact whose options differ. */
static void test_shared_facts(void **state)
{
    (void)state;
    void *s1, *s2;
    fx_setup(&s1);
    fx_setup(&s2);
    struct plan *a = fx_plan(s1, "fact 發現日期: date\nfact x: one of {p, q}\n"
                                 "verdict {\n  otherwise V\n}\n");
    struct plan *b = fx_plan(s2, "fact y: bool\nfact 发现日期: date\n"
                                 "fact x: one of {p, r}\n"
                                 "verdict {\n  otherwise V\n}\n");
    struct enc_ctx *cx = enc_ctx_new();
    struct enc_plan *ea = enc_plan_new(cx, a), *eb = enc_plan_new(cx, b);
    Z3_context z = enc_z3(cx);
    assert_true(Z3_is_eq_ast(z, ea->facts[0].given, eb->facts[1].given));
    assert_true(Z3_is_eq_ast(z, ea->facts[0].gval, eb->facts[1].gval));
    assert_false(Z3_is_eq_ast(z, ea->facts[1].gval, eb->facts[2].gval));
    enc_ctx_free(cx);
    fx_teardown(&s1);
    fx_teardown(&s2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_proven),
        cmocka_unit_test(test_violated_override),
        cmocka_unit_test(test_undetermined),
        cmocka_unit_test(test_decimal),
        cmocka_unit_test(test_no_decimal),
        cmocka_unit_test(test_division_by_zero),
        cmocka_unit_test(test_chinese_types),
        cmocka_unit_test(test_other_text_unknown),
        cmocka_unit_test(test_shared_facts),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    prove_finalize();
    return rc;
}
