/* The checker (engine/check.c, engine/expr.c, LANGUAGE.md §3 and §8):
 * names, types, domains, overrides, cycles, the verdict table. */

#include "helpers.h"

#include "engine/msg.h"
#include "engine/plan_tests.h"

static struct fixture *F(void **state)
{
    return *state;
}

/* A small rule set that checks; tests append to it from line 12 on. */
#define BASE                                                                                 \
    "fact 謀取私利: bool\n"                                                              \
    "fact 已整改: bool\n"                                                                 \
    "fact 損失金額: number 萬元 = 0\n"                                                 \
    "fact 領域: one of {基層治理, 項目建設, 營商環境, 服務群眾, 其他}\n" \
    "fact 行為: set of {接受宴請, 收受禮金, 違規用車, 未批先建}\n"         \
    "fact 決策日期: date\n"                                                              \
    "list 負面清單 = {接受宴請, 收受禮金}\n"                                     \
    "conclusion 排除情形\n"                                                              \
    "conclusion 容錯情形\n"                                                              \
    "verdict \"處理結論\" { 不予容錯 when 排除情形 容錯 when 容錯情形 "    \
    "otherwise 依規處理 }\n"                                                             \
    "rule X1 when 謀取私利 then 排除情形  rule R0 when 已整改 then 容錯情形\n"

/* BASE plus "rule R when <cond> then 容錯情形" on line 12, where the
 * condition starts at column 13. Returns the plan or NULL. */
static struct plan *with_cond(struct fixture *f, const char *cond)
{
    char buf[2048];
    snprintf(buf, sizeof buf, BASE "rule R when %s then 容錯情形\n", cond);
    return fx_check(f, buf);
}

/* BASE plus more declarations. */
static struct plan *with(struct fixture *f, const char *more)
{
    char buf[2048];
    snprintf(buf, sizeof buf, BASE "%s", more);
    return fx_check(f, buf);
}

/* The only error: it must contain needle; returns it. */
static const struct diag *only_error(struct fixture *f, const char *needle)
{
    if (f->dl.errors != 1) {
        diag_print_all(&f->dl, stderr);
        fail_msg("want 1 error, got %d", f->dl.errors);
    }
    return fx_need(&f->dl, DIAG_ERROR, needle);
}

static void test_check_example_is_clean(void **state)
{
    struct fixture *f = F(state);
    struct plan *p = fx_check(f, EXAMPLE_EN);
    assert_non_null(p);
    assert_int_equal(f->dl.errors, 0);
    assert_int_equal(f->dl.warnings, 0);
    assert_int_equal(p->nfacts, 10);
    assert_int_equal(p->nconcls, 4);
    assert_int_equal(p->nrules, 4);
    assert_int_equal(p->nmeasures, 2);
    assert_int_equal(p->nlines, 5);
    assert_int_equal(p->verdicts.n, 5);
    assert_string_equal(p->verdicts.names[4], "依規依紀處理");
    assert_int_equal(p->lines[4].cond, -1);
    assert_string_equal(p->verdict_title, "處理結論");
    assert_int_equal(p->lang, LANG_EN);
    /* every rule and conclusion is in the evaluation order once */
    assert_int_equal(p->norder, p->nrules + p->nconcls);
    /* facts keep their types, defaults and units */
    const struct fact_info *loss = &p->facts[fx_fact(p, "損失金額")];
    assert_int_equal(loss->type, VT_NUM);
    assert_string_equal(loss->unit, "萬元");
    assert_true(loss->has_default);
    assert_true(loss->dflt.known);
    assert_true(loss->dflt.u.num.n == 0);
    const struct fact_info *area = &p->facts[fx_fact(p, "領域")];
    assert_int_equal(area->type, VT_SYM);
    assert_int_equal(area->dom->n, 5);
    assert_false(area->has_default);
    assert_int_equal(p->facts[fx_fact(p, "行為")].type, VT_SET);
    assert_int_equal(p->facts[fx_fact(p, "決策日期")].type, VT_DATE);
    /* rules know what they conclude and which facts they read */
    const struct rule_info *t2 = &p->rules[fx_rule(p, "T2")];
    assert_int_equal(t2->nconcls, 1);
    assert_int_equal(t2->concls[0], fx_concl(p, "容錯情形"));
    assert_int_equal(t2->nfacts, 2);
    assert_int_equal(t2->facts[0], fx_fact(p, "政策把握不準"));
    assert_int_equal(t2->facts[1], fx_fact(p, "明知故犯"));
    assert_int_equal(t2->ncites, 1);
    assert_int_equal(p->concls[fx_concl(p, "免責情形")].nrules, 1);
}

static void test_check_example_language(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_plan(f, EXAMPLE_HANT)->lang, LANG_ZH_HANT);
    assert_int_equal(fx_plan(f, EXAMPLE_HANS)->lang, LANG_ZH_HANS);
}

static void test_check_unknown_name_did_you_mean(void **state)
{
    struct fixture *f = F(state);
    assert_null(with_cond(f, "謀取私立 and 已整改"));
    const struct diag *d = only_error(f, "unknown name '謀取私立'");
    assert_int_equal(d->loc.first_line, 12);
    assert_int_equal(d->loc.first_column, 13);
    assert_int_equal(d->loc.last_column, 17);
    assert_non_null(d->hint);
    assert_string_equal(d->hint, "did you mean '謀取私利'?");
}

static void test_check_unknown_name_no_hint_when_far(void **state)
{
    struct fixture *f = F(state);
    assert_null(with_cond(f, "完全無關的名稱"));
    const struct diag *d = only_error(f, "unknown name");
    assert_null(d->hint);
}

static void test_check_glued_keyword_split_hint(void **state)
{
    struct fixture *f = F(state);
    assert_null(with_cond(f, "已整改且非謀取私利"));
    const struct diag *d = only_error(f, "unknown name '已整改且非謀取私利'");
    assert_non_null(d->hint);
    assert_non_null(strstr(d->hint, "已整改 且 非 謀取私利"));
    assert_int_equal(d->loc.first_column, 13);
}

static void test_check_number_compared_with_bool(void **state)
{
    struct fixture *f = F(state);
    assert_null(with_cond(f, "損失金額 == true"));
    const struct diag *d =
        only_error(f, "cannot compare a number with a yes/no value");
    assert_int_equal(d->loc.first_line, 12);
    assert_int_equal(d->loc.first_column, 13);
}

static void test_check_bool_compared_with_number(void **state)
{
    struct fixture *f = F(state);
    assert_null(with_cond(f, "已整改 != 0"));
    only_error(f, "cannot compare a yes/no value with a number");
}

static void test_check_order_on_options(void **state)
{
    struct fixture *f = F(state);
    assert_null(with_cond(f, "領域 < 其他"));
    const struct diag *d = only_error(f, "compare numbers and dates");
    assert_non_null(strstr(d->msg, "an option"));
    assert_int_equal(d->loc.first_column, 13);
}

static void test_check_order_on_numbers_and_dates(void **state)
{
    struct fixture *f = F(state);
    assert_non_null(with_cond(f,
                              "損失金額 >= 0.5 and 決策日期 < 2023-05-01 and "
                              "領域 == 其他 and 其他 != 領域 and 行為 contains "
                              "收受禮金 and 行為 contains any 負面清單 and "
                              "領域 in {基層治理, 其他}"));
    assert_int_equal(f->dl.errors, 0);
}

/* `==` is symmetric: a bare name facing a one-of value is read as an
 * option (LANGUAGE.md §8) on either side, even when the same word also
 * names a fact. */
static void test_check_option_on_either_side(void **state)
{
    struct fixture *f = F(state);
    const char *rules = "fact 領域: one of {基層治理, 其他}\n"
                        "fact 其他: bool\n"
                        "conclusion c\n"
                        "rule R1 when 領域 == 其他 then c\n"
                        "rule R2 when 其他 == 領域 then c\n"
                        "verdict { a when c otherwise b }\n";
    struct plan *p = fx_check(f, rules);
    if (!p)
        diag_print_all(&f->dl, stderr);
    assert_non_null(p);
    assert_int_equal(f->dl.errors, 0);
}

static void test_check_other_type_errors(void **state)
{
    struct fixture *f = F(state);
    assert_null(with_cond(f, "損失金額"));
    only_error(f, "expected a yes/no condition, found a number");

    diag_init(&f->dl, &f->arena);
    assert_null(with_cond(f, "損失金額 + 已整改 > 1"));
    only_error(f, "arithmetic needs a number");

    diag_init(&f->dl, &f->arena);
    assert_null(with_cond(f, "行為 in {接受宴請}"));
    const struct diag *d = only_error(f, "'in' needs a one-of fact");
    assert_non_null(strstr(d->hint, "contains"));

    diag_init(&f->dl, &f->arena);
    assert_null(with_cond(f, "領域 contains 其他"));
    only_error(f, "'contains' needs a set-of fact");

    diag_init(&f->dl, &f->arena);
    assert_null(with_cond(f, "決策日期 == 12"));
    only_error(f, "cannot compare a date with a number");

    diag_init(&f->dl, &f->arena);
    assert_null(with_cond(f, "負面清單 is known"));
    only_error(f, "not to a list");
}

static void test_check_option_outside_domain(void **state)
{
    struct fixture *f = F(state);
    assert_null(with_cond(f, "領域 == 基層治里"));
    const struct diag *d = only_error(f, "'基層治里' is not an option of 領域");
    assert_int_equal(d->loc.first_column, 19);
    assert_non_null(d->hint);
    assert_non_null(strstr(d->hint, "did you mean '基層治理'?"));
    assert_non_null(strstr(d->hint, "營商環境"));
}

static void test_check_option_outside_domain_in_set(void **state)
{
    struct fixture *f = F(state);
    assert_null(with_cond(f, "領域 in {基層治理, 其它}"));
    const struct diag *d = only_error(f, "'其它' is not an option of 領域");
    /* r u l e ␠ R ␠ w h e n ␠ 領 域 ␠ i n ␠ { 基 層 治 理 , ␠ 其 */
    assert_int_equal(d->loc.first_column, 26);
    assert_non_null(strstr(d->hint, "did you mean '其他'?"));

    diag_init(&f->dl, &f->arena);
    assert_null(with_cond(f, "行為 contains 收禮"));
    only_error(f, "'收禮' is not an option of 行為");

    /* a list whose items are not options of the fact */
    diag_init(&f->dl, &f->arena);
    assert_null(with(f, "list 雜項 = {接受宴請, 打牌}\n"
                        "rule R when 行為 contains any 雜項 then 容錯情形\n"));
    d = only_error(f, "'打牌' is not an option of 行為");
    assert_int_equal(d->loc.first_line, 12);
}

static void test_check_option_outside_domain_in_default(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "fact 級別: one of {高, 低} = 中\n"));
    const struct diag *d = only_error(f, "'中' is not an option of 級別");
    assert_int_equal(d->loc.first_line, 12);
    assert_int_equal(d->loc.first_column, 26);
}

static void test_check_default_of_wrong_type(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "fact 甲: bool = 3\n"));
    only_error(f, "fact '甲' takes");
}

static void test_check_cycle_through_conditions(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "conclusion 甲\n"
                        "conclusion 乙\n"
                        "rule R1 when 甲 then 乙\n"
                        "rule R2 when 乙 and 已整改 then 甲\n"));
    const struct diag *d = only_error(f, "depends on itself");
    assert_true(strstr(d->msg, "'甲'") || strstr(d->msg, "'乙'"));
    assert_non_null(d->hint);
    assert_non_null(strstr(d->hint, "rule R1"));
    assert_non_null(strstr(d->hint, "rule R2"));
    assert_true(d->loc.first_line == 14 || d->loc.first_line == 15);
}

static void test_check_cycle_on_itself(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "conclusion 甲\n"
                        "rule R1 when 甲 or 已整改 then 甲\n"));
    const struct diag *d = only_error(f, "conclusion '甲' depends on itself");
    assert_int_equal(d->loc.first_line, 13);
    assert_non_null(strstr(d->hint, "R1"));
}

static void test_check_cycle_through_overrides(void **state)
{
    struct fixture *f = F(state);
    /* 甲 holds when R1 is not overridden; R2 overrides R1 but reads 甲 */
    assert_null(with(f, "conclusion 甲\n"
                        "conclusion 乙\n"
                        "rule R1 when 已整改 then 甲\n"
                        "rule R2 when 甲 then 乙 overrides R1\n"));
    const struct diag *d = only_error(f, "depends on itself");
    assert_non_null(strstr(d->hint, "R2"));
    assert_non_null(strstr(d->hint, "R1"));
}

static void test_check_overrides_without_cycle(void **state)
{
    struct fixture *f = F(state);
    struct plan *p = with(f, "rule T1 when 已整改 then 容錯情形\n"
                             "rule T2 when 損失金額 > 0 then 容錯情形\n"
                             "rule Y when 謀取私利 then 排除情形 "
                             "overrides T*, X1\n");
    assert_non_null(p);
    const struct rule_info *t1 = &p->rules[fx_rule(p, "T1")];
    const struct rule_info *t2 = &p->rules[fx_rule(p, "T2")];
    const struct rule_info *x1 = &p->rules[fx_rule(p, "X1")];
    int y = fx_rule(p, "Y");
    assert_int_equal(t1->nover, 1);
    assert_int_equal(t1->overriders[0], y);
    assert_int_equal(t2->nover, 1);
    assert_int_equal(x1->nover, 1);
    assert_int_equal(p->rules[y].nover, 0);
}

static void test_check_overrides_unknown_rule(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "rule R when 已整改 then 容錯情形 overrides X2\n"));
    const struct diag *d = only_error(f, "overrides unknown rule 'X2'");
    assert_int_equal(d->loc.first_line, 12);
    assert_int_equal(d->loc.first_column, 37);
    assert_non_null(d->hint);
    assert_non_null(strstr(d->hint, "'X1'"));
}

static void test_check_overrides_unknown_prefix(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "rule R when 已整改 then 容錯情形 overrides Q*\n"));
    only_error(f, "no rule ID starts with 'Q'");
}

static void test_check_overrides_itself(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "rule R when 已整改 then 容錯情形 overrides R\n"));
    only_error(f, "overrides itself");
}

static void test_check_redeclared_name(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "fact 已整改: bool\n"));
    const struct diag *d = only_error(f, "'已整改' is declared twice");
    assert_int_equal(d->loc.first_line, 12);
    assert_int_equal(d->loc.first_column, 6);
    assert_non_null(strstr(d->hint, "t.rules:2:6"));

    /* facts, conclusions and lists share one namespace */
    diag_init(&f->dl, &f->arena);
    assert_null(with(f, "conclusion 負面清單\n"));
    only_error(f, "declared twice");

    /* rules have their own */
    diag_init(&f->dl, &f->arena);
    assert_null(with(f, "rule X1 when 已整改 then 容錯情形\n"));
    d = only_error(f, "rule 'X1' is declared twice");
    assert_non_null(strstr(d->hint, "t.rules:11"));

    /* a rule may share a name with a fact */
    diag_init(&f->dl, &f->arena);
    assert_non_null(with(f, "rule 已整改 when 已整改 then 容錯情形\n"));

    /* measures have their own namespace too */
    diag_init(&f->dl, &f->arena);
    assert_non_null(with(f, "measure X1 when 已整改\n"));
    diag_init(&f->dl, &f->arena);
    assert_null(with(f, "measure M when 已整改\nmeasure M when 謀取私利\n"));
    d = only_error(f, "measure 'M' is declared twice");
    assert_int_equal(d->loc.first_line, 13);
}

static void test_check_rule_without_when(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "rule R then 容錯情形\n"));
    const struct diag *d = only_error(f, "rule R has no 'when' condition");
    assert_int_equal(d->loc.first_line, 12);
    assert_int_equal(d->loc.first_column, 6);
    assert_non_null(d->hint);
}

static void test_check_rule_without_then(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "rule R when 已整改\n"));
    only_error(f, "rule R concludes nothing");
    diag_init(&f->dl, &f->arena);
    assert_null(with(f, "rule R when 已整改 then 謀取私利\n"));
    only_error(f, "'謀取私利' is a fact, not a conclusion");
}

static void test_check_missing_verdict_table(void **state)
{
    struct fixture *f = F(state);
    assert_null(fx_check(f, "fact 甲: bool\n"
                            "conclusion 乙\n"
                            "rule R when 甲 then 乙\n"));
    const struct diag *d = only_error(f, "no verdict table");
    assert_int_equal(d->loc.first_line, 1);
    assert_non_null(d->hint);
}

static void test_check_second_verdict_table(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "verdict { 甲 when 容錯情形 otherwise 乙 }\n"));
    const struct diag *d = only_error(f, "second verdict table");
    assert_int_equal(d->loc.first_line, 12);
}

static void test_check_line_after_otherwise(void **state)
{
    struct fixture *f = F(state);
    assert_null(fx_check(f, "fact 甲: bool\n"
                            "conclusion 乙\n"
                            "rule R when 甲 then 乙\n"
                            "verdict {\n"
                            "  好 when 乙\n"
                            "  otherwise 壞\n"
                            "  晚 when 甲\n"
                            "}\n"));
    const struct diag *d = only_error(f, "after 'otherwise'");
    assert_int_equal(d->loc.first_line, 7);
    assert_int_equal(d->loc.first_column, 3);
}

static void test_check_no_otherwise_warns(void **state)
{
    struct fixture *f = F(state);
    struct plan *p = fx_check(f, "fact 甲: bool\n"
                                 "conclusion 乙\n"
                                 "rule R when 甲 then 乙\n"
                                 "verdict \"v\" { 好 when 乙 }\n");
    assert_non_null(p);
    assert_int_equal(f->dl.errors, 0);
    assert_int_equal(f->dl.warnings, 1);
    const struct diag *d = fx_need(&f->dl, DIAG_WARNING, "no 'otherwise'");
    assert_int_equal(d->loc.first_line, 4);
    assert_int_equal(p->nlines, 1);
}

static void test_check_unconcluded_conclusion_warns(void **state)
{
    struct fixture *f = F(state);
    struct plan *p = with(f, "conclusion 從未認定 \"無規則\"\n");
    assert_non_null(p);
    assert_int_equal(f->dl.errors, 0);
    assert_int_equal(f->dl.warnings, 1);
    const struct diag *d =
        fx_need(&f->dl, DIAG_WARNING, "no rule concludes '從未認定'");
    assert_int_equal(d->loc.first_line, 12);
    assert_int_equal(d->loc.first_column, 12);
    assert_null(fx_diag(&f->dl, DIAG_WARNING, "'排除情形'"));
    assert_null(fx_diag(&f->dl, DIAG_WARNING, "'容錯情形'"));
}

static void test_check_verdict_outside_measure(void **state)
{
    struct fixture *f = F(state);
    assert_null(with_cond(f, "verdict == 容錯"));
    only_error(f, "only be used in a measure");
    diag_init(&f->dl, &f->arena);
    assert_null(with(f, "rule R when 已整改 then 容錯情形\n"
                        "measure M when verdict == 容錯了\n"));
    only_error(f, "'容錯了' is not an option of the verdict");
    diag_init(&f->dl, &f->arena);
    struct plan *p = with(f, "rule R when 已整改 then 容錯情形\n"
                             "measure M when verdict in {容錯, 不予容錯}\n");
    assert_non_null(p);
    assert_int_equal(p->nmeasures, 1);
}

static void test_check_because_unknown_fact(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "rule R when 已整改 then 容錯情形 "
                        "because \"損失 {損失金額} 萬元，{損失金頟}\"\n"));
    const struct diag *d = only_error(f, "'損失金頟'");
    assert_non_null(strstr(d->hint, "損失金額"));
}

static void test_check_reports_every_error(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "rule A when 謀取私立 then 容錯情形\n"
                        "rule B when 損失金額 == true then 容錯情形\n"
                        "rule C when 領域 == 火星 then 容錯情形\n"
                        "rule D when 已整改 then 容錯情形 overrides ZZ\n"));
    assert_int_equal(f->dl.errors, 4);
    bool seen[17] = {false};
    for (const struct diag *d = f->dl.head; d; d = d->next)
        if (d->loc.first_line >= 12 && d->loc.first_line <= 15)
            seen[d->loc.first_line] = true;
    assert_true(seen[12] && seen[13] && seen[14] && seen[15]);
}

/* The messages whose arguments are words of the catalog (check_diag,
 * check_hint) take at most three %s and nothing else, in every version:
 * the compiler cannot check them. */
static void test_check_word_messages_take_strings(void **state)
{
    (void)state;
    static const enum msg ms[] = {
        MSG_not_option,           MSG_options_near,
        MSG_options_are,          MSG_unknown_name,
        MSG_unknown_conclusion,   MSG_unknown_list,
        MSG_unknown_because_name, MSG_name_declared_twice,
        MSG_rule_declared_twice,  MSG_measure_declared_twice,
        MSG_test_no_verdict,      MSG_test_no_measure,
        MSG_test_no_rule,         MSG_test_no_fact,
        MSG_set_vs_value,         MSG_one_option_of_set,
        MSG_write_contains,       MSG_cannot_compare,
        MSG_order_needs_numbers,  MSG_expected_bool,
        MSG_arith_number,         MSG_in_needs_one_of,
        MSG_contains_needs_set,   MSG_the_cycle,
    };
    for (size_t i = 0; i < sizeof ms / sizeof *ms; i++)
        for (int k = 0; k < 3; k++) {
            const char *f = msg_fmt(ms[i], (enum lang)k);
            int n = 0;
            for (const char *p = strchr(f, '%'); p; p = strchr(p + 2, '%')) {
                assert_int_equal(p[1], 's');
                n++;
            }
            assert_true(n <= 3);
        }
}

/* Bottom lines (LANGUAGE.md §10) compile into p->invariants: the
 * condition a node (which may read the verdict), each expectation with
 * its verdict or measure resolved. */
static void test_check_invariants_compile(void **state)
{
    struct fixture *f = F(state);
    struct plan *p = fx_plan(
        f, BASE "measure 談話 when verdict == 依規處理\n"
                "invariant \"私利\" when 謀取私利 expect verdict 不予容錯\n"
                "  expect not measure 談話 expect not undetermined\n"
                "底線 \"容錯無措施\" 如果 結論 == 容錯\n"
                "  預期 非 措施 談話 預期 非 結論 不予容錯 預期 待定\n"
                "  預期 措施 談話\n");
    assert_int_equal(p->ninvariants, 2);
    const struct invariant_info *a = &p->invariants[0], *b = &p->invariants[1];
    assert_string_equal(a->title, "私利");
    assert_int_equal(a->loc.first_line, 13);
    assert_true(a->cond >= 0 && a->cond < p->nnodes);
    assert_int_equal(p->nodes[a->cond].op, C_FACT);
    assert_int_equal(a->nexpects, 3);
    assert_int_equal(a->expects[0].kind, EXPECT_VERDICT);
    assert_int_equal(a->expects[0].index,
                     plan_option(&p->verdicts, "不予容錯"));
    assert_int_equal(a->expects[1].kind, EXPECT_NOT_MEASURE);
    assert_int_equal(a->expects[1].index, fx_measure(p, "談話"));
    assert_int_equal(a->expects[2].kind, EXPECT_NOT_UNDETERMINED);
    assert_int_equal(a->expects[2].index, -1);
    assert_string_equal(b->title, "容錯無措施");
    assert_int_equal(p->nodes[b->cond].op, C_EQ);
    assert_int_equal(b->nexpects, 4);
    assert_int_equal(b->expects[1].kind, EXPECT_NOT_VERDICT);
    assert_int_equal(b->expects[1].index,
                     plan_option(&p->verdicts, "不予容錯"));
    assert_string_equal(b->expects[1].name, "不予容錯");
    assert_int_equal(b->expects[2].kind, EXPECT_UNDETERMINED);
    assert_int_equal(b->expects[3].kind, EXPECT_MEASURE);
}

/* fired is an error in a bottom line; two titles that fold to the same
 * form (LANGUAGE.md §9) are one title twice. */
static void test_check_invariant_errors(void **state)
{
    struct fixture *f = F(state);
    assert_null(with(f, "invariant \"a\" when 謀取私利 expect fired X1\n"));
    const struct diag *d = only_error(f, "cannot expect a rule");
    assert_int_equal(d->loc.first_line, 12);
    assert_int_equal(d->loc.first_column, 25);
    assert_null(
        with(f, "invariant \"謀取私利\" when 已整改 expect verdict 容錯\n"
                "invariant \"谋取私利\" when 已整改 expect verdict 容錯\n"));
    d = fx_need(&f->dl, DIAG_ERROR, "two bottom lines are titled");
    assert_int_equal(d->loc.first_line, 13);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(test_check_example_is_clean),
        T(test_check_invariants_compile),
        T(test_check_invariant_errors),
        T(test_check_word_messages_take_strings),
        T(test_check_example_language),
        T(test_check_unknown_name_did_you_mean),
        T(test_check_unknown_name_no_hint_when_far),
        T(test_check_glued_keyword_split_hint),
        T(test_check_number_compared_with_bool),
        T(test_check_bool_compared_with_number),
        T(test_check_order_on_options),
        T(test_check_order_on_numbers_and_dates),
        T(test_check_option_on_either_side),
        T(test_check_other_type_errors),
        T(test_check_option_outside_domain),
        T(test_check_option_outside_domain_in_set),
        T(test_check_option_outside_domain_in_default),
        T(test_check_default_of_wrong_type),
        T(test_check_cycle_through_conditions),
        T(test_check_cycle_on_itself),
        T(test_check_cycle_through_overrides),
        T(test_check_overrides_without_cycle),
        T(test_check_overrides_unknown_rule),
        T(test_check_overrides_unknown_prefix),
        T(test_check_overrides_itself),
        T(test_check_redeclared_name),
        T(test_check_rule_without_when),
        T(test_check_rule_without_then),
        T(test_check_missing_verdict_table),
        T(test_check_second_verdict_table),
        T(test_check_line_after_otherwise),
        T(test_check_no_otherwise_warns),
        T(test_check_unconcluded_conclusion_warns),
        T(test_check_verdict_outside_measure),
        T(test_check_because_unknown_fact),
        T(test_check_reports_every_error),
    };
#undef T
    return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
