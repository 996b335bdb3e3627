/* Conditions as written (engine/show_expr.c, engine/wexpr.h): the compiled
 * plan keeps every condition in the form the trace prints, so that printing
 * it needs no syntax tree, and prints it as `show` prints the tree. */

#include "helpers.h"

#include "engine/show_expr.h"

static struct fixture *F(void **state)
{
    return *state;
}

static const char *const conds[] = {
    "a and b or c",
    "(a or b) and c",
    "not (a and b)",
    "x - (y - 1) > 0",
    "-(x + y) * 2 <= 3 / (x * y)",
    "s contains any {p, q} and not t is known",
    "d >= 2023-05-01 and x != 0.05",
    "k == \"名稱\" or s contains {p}",
    "o in {甲, 乙} and K",
};

#define DECLS                                                      \
    "fact a: bool\nfact b: bool\nfact c: bool\nfact t: bool\n"     \
    "fact x: number\nfact y: number\nfact d: date\nfact k: text\n" \
    "fact s: set of {p, q}\nfact o: one of {甲, 乙, 丙}\n"      \
    "conclusion K\nconclusion L\nrule B when a then K\n"

/* Every rule's condition, printed from the plan, is its source text. */
static void test_show_expr_from_plan(void **state)
{
    struct fixture *f = F(state);
    for (size_t i = 0; i < sizeof conds / sizeof conds[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "%srule R when %s then L\nverdict { V when L otherwise W }\n",
                 DECLS, conds[i]);
        struct plan *p = fx_plan(f, text);
        const struct rule_info *r = &p->rules[fx_rule(p, "R")];
        struct sbuf b = {0};
        show_expr(p->nodes[r->cond].x, LANG_EN, &b);
        assert_string_equal(b.p, conds[i]);
        sb_free(&b);
    }
}

/* Every node of every condition has its text, keywords in any language. */
static void test_show_expr_every_node(void **state)
{
    struct fixture *f = F(state);
    struct plan *p = fx_plan(f, DECLS "rule R when not a and (x + 1 > 2 or "
                                      "o in {甲}) then L\n"
                                      "verdict { V when L otherwise W }\n"
                                      "measure M when verdict in {V}\n");
    for (int i = 0; i < p->nnodes; i++)
        assert_non_null(p->nodes[i].x);
    struct sbuf b = {0};
    show_expr(p->nodes[p->rules[fx_rule(p, "R")].cond].x, LANG_ZH_HANT, &b);
    assert_string_equal(b.p, "非 a 且 (x + 1 > 2 或 o 屬於 {甲})");
    b.len = 0;
    show_expr(p->nodes[p->measures[0].cond].x, LANG_ZH_HANS, &b);
    assert_string_equal(b.p, "结论 属于 {V}");
    sb_free(&b);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(test_show_expr_from_plan),
        T(test_show_expr_every_node),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
