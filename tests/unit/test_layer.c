/*
 * Local variants (engine/layer.c): extends, amend in place, repeal,
 * provenance, error recovery; date arithmetic that variants need; and
 * `show`, which writes the effective rule set back as a rule file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/helpers.h"

#include "engine/layer.h"
#include "engine/show.h"

#define VAR "tests/golden/variants/"

static int rule_pos(const struct ast_file *f, const char *id)
{
    int i = 0;
    for (const struct ast_decl *d = f->decls; d; d = d->next)
        if (d->kind == DECL_RULE && i++ >= 0 && strcmp(d->name.text, id) == 0)
            return i;
    return -1;
}

static void test_layer_amend_keeps_place_repeal_removes(void **state)
{
    struct fixture *f = *state;
    struct ast_file *m =
        layer_load(&f->arena, &f->dl, VAR "yichang.rules", NULL);
    assert_non_null(m);
    assert_int_equal(f->dl.errors, 0);
    /* hubei.rules has X1, T2, E1, R1; yichang adds 宜昌.事前報備, amends E1,
       repeals R1 */
    assert_int_equal(rule_pos(m, "X1"), 1);
    assert_int_equal(rule_pos(m, "T2"), 2);
    assert_int_equal(rule_pos(m, "E1"), 3);
    assert_int_equal(rule_pos(m, "R1"), -1);
    assert_int_equal(rule_pos(m, "宜昌.事前報備"), 4);
    const struct ast_decl *e1 = fx_named(m, "E1");
    assert_non_null(e1->amends);
    assert_string_equal(e1->loc.src->name, VAR "yichang.rules");
    assert_string_equal(e1->amends->loc.src->name, VAR "hubei.rules");
    assert_string_equal(e1->title, "損失已全部挽回");
    assert_non_null(m->repealed);
    assert_string_equal(m->repealed->decl->name.text, "R1");
    assert_string_equal(m->repealed->by->because.text, "本市另行規定");
    assert_null(m->repealed->next);
    assert_string_equal(m->policy, "宜昌市容錯糾錯實施細則");
    assert_string_equal(m->base->src->name, VAR "hubei.rules");
}

static void test_layer_three_levels_and_plain_paths(void **state)
{
    struct fixture *f = *state;
    struct ast_file *m =
        layer_load(&f->arena, &f->dl, VAR "chain/district.rules", NULL);
    assert_non_null(m);
    assert_non_null(m->base);
    assert_non_null(m->base->base);
    assert_null(m->base->base->base);
    /* "chain/../yichang.rules" is shown folded */
    assert_string_equal(m->base->src->name, VAR "yichang.rules");
    assert_string_equal(m->base->base->src->name, VAR "hubei.rules");
    const struct ast_decl *r = fx_named(m, "宜昌.事前報備");
    assert_string_equal(r->loc.src->name, VAR "chain/district.rules");
    assert_string_equal(r->amends->loc.src->name, VAR "yichang.rules");
    /* repeals accumulate over the chain */
    int n = 0;
    for (const struct ast_repeal *rp = m->repealed; rp; rp = rp->next)
        n++;
    assert_int_equal(n, 2);
    f->plan = check_file(&f->arena, &f->dl, m);
    assert_non_null(f->plan);
    int e1 = fx_rule(f->plan, "E1");
    assert_non_null(f->plan->rules[e1].amends);
    assert_null(f->plan->rules[fx_rule(f->plan, "X1")].amends);
}

static void test_layer_errors_are_reported_and_checking_goes_on(void **state)
{
    struct fixture *f = *state;
    struct ast_file *m =
        layer_load(&f->arena, &f->dl, VAR "bad-amend.rules", NULL);
    assert_non_null(m); /* amend/repeal errors leave a usable merge */
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "cannot amend rule E9");
    assert_int_equal(d->loc.first_line, 6);
    assert_string_equal(d->hint, "did you mean 'E1'?");
    fx_need(&f->dl, DIAG_ERROR, "cannot repeal rule R2");
    fx_need(&f->dl, DIAG_ERROR, "cannot repeal measure 談話題型");
    assert_null(check_file(&f->arena, &f->dl, m));
    d = fx_need(&f->dl, DIAG_ERROR, "rule 'X1' is declared twice");
    assert_non_null(strstr(d->hint, "amend rule X1"));
}

static void test_layer_missing_base_and_cycle(void **state)
{
    struct fixture *f = *state;
    assert_null(layer_load(&f->arena, &f->dl, VAR "missing-base.rules", NULL));
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "cannot open");
    assert_int_equal(d->loc.first_line, 2);
    assert_int_equal(d->loc.first_column, 9);
    diag_init(&f->dl, &f->arena);
    assert_null(layer_load(&f->arena, &f->dl, VAR "cycle-a.rules", NULL));
    d = fx_need(&f->dl, DIAG_ERROR, "extends cycle");
    assert_non_null(strstr(d->msg, "cycle-a.rules → " VAR "cycle-b.rules → " VAR
                                   "cycle-a.rules"));
}

static void test_layer_repealed_override_target_is_no_error(void **state)
{
    struct fixture *f = *state;
    /* overriding a rule that the variant repealed has no effect */
    static const char text[] =
        "fact a: bool\nconclusion c\nrule R1 when a then c\n"
        "rule R2 when a then c overrides R1\n"
        "verdict { x when c otherwise y }\n";
    assert_non_null(fx_parse(f, text) == 0 ? f->file : NULL);
    struct ast_repeal rp = {NULL, fx_named(f->file, "R1"),
                            fx_named(f->file, "R1")};
    /* remove R1 as a repeal would */
    struct ast_decl **p = &f->file->decls;
    while (*p != rp.decl)
        p = &(*p)->next;
    *p = (*p)->next;
    f->file->repealed = &rp;
    assert_non_null(check_file(&f->arena, &f->dl, f->file));
    assert_int_equal(f->dl.errors, 0);
}

static void test_layer_date_arithmetic(void **state)
{
    struct fixture *f = *state;
    fx_plan(f, "fact 報備日期: date\nfact 決策日期: date\nconclusion 及時\n"
               "conclusion 間隔長\n"
               "rule R1 when 報備日期 <= 決策日期 + 7 then 及時\n"
               "rule R2 when 報備日期 - 決策日期 > 30 then 間隔長\n"
               "verdict { 及時 when 及時 otherwise 不及時 }\n");
    struct result *r = fx_run(f, "case \"a\" { 報備日期 = 2023-02-17, "
                                 "決策日期 = 2023-02-10 }");
    assert_int_equal(r->status, ST_DECIDED);
    assert_string_equal(fx_verdict(r), "及時");
    assert_int_equal(r->concl[fx_concl(f->plan, "間隔長")], TV_FALSE);
    r = fx_run(f,
               "case \"b\" { 報備日期 = 2023-02-18, 決策日期 = 2023-02-10 }");
    assert_string_equal(fx_verdict(r), "不及時");
    r = fx_run(f,
               "case \"c\" { 報備日期 = 2023-04-01, 決策日期 = 2023-02-28 }");
    assert_int_equal(r->concl[fx_concl(f->plan, "間隔長")], TV_TRUE);
    /* across a leap day: 2024-02-28 + 2 = 2024-03-01 */
    r = fx_run(f,
               "case \"d\" { 報備日期 = 2024-03-01, 決策日期 = 2024-02-28 }");
    assert_string_equal(fx_verdict(r), "及時");
}

static void test_layer_date_arithmetic_errors(void **state)
{
    struct fixture *f = *state;
    assert_null(fx_check(f, "fact d: date\nfact e: date\nconclusion c\n"
                            "rule R when d + e > d then c\n"
                            "verdict { x when c otherwise y }\n"));
    const struct diag *d =
        fx_need(&f->dl, DIAG_ERROR, "arithmetic needs a number, found a date");
    assert_int_equal(d->loc.first_column, 17); /* at e */
    diag_init(&f->dl, &f->arena);
    fx_plan(f, "fact d: date\nfact n: number\nconclusion c\n"
               "rule R when d + n > d then c\n"
               "verdict { x when c otherwise y }\n");
    struct result *r = fx_run(f, "case \"x\" { d = 2023-01-01, n = 1.5 }");
    assert_int_equal(r->status, ST_ERROR);
    fx_need(&r->errors, DIAG_ERROR, "whole number of days");
}

static void test_layer_show_round_trips(void **state)
{
    struct fixture *f = *state;
    struct ast_file *m =
        layer_load(&f->arena, &f->dl, VAR "chain/district.rules", NULL);
    assert_non_null(m);
    struct sbuf out = {0};
    show_file(m, LANG_ZH_HANS, &out);
    assert_non_null(strstr(out.p,
                           "规则 E1 \"損失已全部挽回\"  # " VAR
                           "yichang.rules:12，修订 " VAR "hubei.rules:32"));
    /* the comments are in the language shown: 简体 */
    assert_non_null(strstr(out.p, "#   规则 R1  " VAR "hubei.rules:36，"
                                  "废止于 " VAR "yichang.rules:13"));
    /* the output is a rule file with the same rule set */
    struct diag_list dl;
    diag_init(&dl, &f->arena);
    struct ast_file *again = NULL;
    assert_int_equal(
        parse_source(&f->arena, &dl, fx_src(f, "shown.rules", out.p), &again),
        0);
    struct plan *p = check_file(&f->arena, &dl, again);
    assert_non_null(p);
    assert_int_equal(p->lang, LANG_ZH_HANS);
    f->plan = check_file(&f->arena, &f->dl, m);
    assert_int_equal(p->nrules, f->plan->nrules);
    assert_int_equal(p->nfacts, f->plan->nfacts);
    assert_int_equal(p->nmeasures, f->plan->nmeasures);
    sb_free(&out);
}

/* What counts as a rule file, for extends and for quoting its lines. */
static void test_layer_rule_text_criterion(void **state)
{
    (void)state;
    const char *yes[] = {
        "",
        "# only a comment\n\n",
        "\xEF\xBB\xBF\n# 說明\r\n  fact a: bool\n",
        "policy \"p\"",
        "辦法 \"p\"",
        "办法「p」",
        "\t\xE3\x80\x80規則 R 如果 a 則 c",
        "# old Mac\rrule R when a then c\r",
        "extends \"../a.rules\"",
        "amend rule R",
        "case \"1\" { a = 是 }",
        "test \"t\" { }",
        "verdict { x when c otherwise y }",
        "conclusion“標題”",         /* the word ends where a name would */
        "政策 \"测试\" 版本 \"1\"", /* the policy keyword gone wrong */
    };
    const char *no[] = {
        "root:x:0:0:root:/root:/bin/bash\n",
        "rules\n",
        "rule_x when a then c",
        "when a then c",
        "# \xB0\xA1 GBK comment\nfact a: bool",
        "\x7F"
        "ELF rule",
        "{\"id\": \"1\"}",
        "政策性文件\n",
    };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (!src_rule_text(yes[i], strlen(yes[i])))
            fail_msg("not taken for a rule file: %s", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (src_rule_text(no[i], strlen(no[i])))
            fail_msg("taken for a rule file: %s", no[i]);
}

/* extends of a file that is not a rule file, or of a folder or device:
 * an error at the extends, and nothing of that file in it. */
static void test_layer_extends_not_rules(void **state)
{
    struct fixture *f = *state;
    const char *bases[] = {"/etc/passwd", "/dev/zero", "/"};
    const char *msgs[] = {"'/etc/passwd' is not a rule file",
                          "cannot read '/dev/zero': it is a device",
                          "cannot read '/': it is a folder"};
    for (int i = 0; i < 3; i++) {
        char text[64];
        snprintf(text, sizeof text, "extends \"%s\"\n", bases[i]);
        struct diag_list dl;
        diag_init(&dl, &f->arena);
        struct source *src = fx_src(f, "d.rules", text);
        assert_null(layer_load(&f->arena, &dl, "d.rules", src));
        assert_int_equal(dl.errors, 1);
        assert_string_equal(dl.head->msg, msgs[i]);
        assert_ptr_equal(dl.head->loc.src, src);
        assert_int_equal(dl.head->loc.first_column, 9);
    }
}

/* A variant's plan holds its bases' bottom lines first, then its own
 * (LANGUAGE.md §10); amend or repeal of one is an error, at the keyword. */
static void test_layer_invariants_bases_first(void **state)
{
    struct fixture *f = *state;
    const char *dir = "tests/golden/invariants/";
    char path[256];
    snprintf(path, sizeof path, "%sinherit-hans.rules", dir);
    struct ast_file *m = layer_load(&f->arena, &f->dl, path, NULL);
    assert_non_null(m);
    struct plan *p = check_file(&f->arena, &f->dl, m);
    assert_non_null(p);
    assert_int_equal(p->ninvariants, 2);
    assert_string_equal(p->invariants[0].title, "私利不容錯");
    assert_string_equal(p->invariants[0].loc.src->name,
                        "tests/golden/invariants/inherit-hant.rules");
    assert_string_equal(p->invariants[1].loc.src->name, path);
    snprintf(path, sizeof path, "%svariant-repeal-hant.rules", dir);
    m = layer_load(&f->arena, &f->dl, path, NULL);
    assert_int_equal(f->dl.errors, 2);
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "不能廢止底線");
    assert_int_equal(d->loc.first_line, 3);
    assert_int_equal(d->loc.first_column, 1);
    fx_need(&f->dl, DIAG_ERROR, "不能修訂底線");
    p = check_file(&f->arena, &f->dl, m);
    assert_non_null(p); /* the bottom line is kept as the base has it */
    assert_int_equal(p->ninvariants, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_layer_invariants_bases_first,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(
            test_layer_amend_keeps_place_repeal_removes, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_layer_three_levels_and_plain_paths,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(
            test_layer_errors_are_reported_and_checking_goes_on, fx_setup,
            fx_teardown),
        cmocka_unit_test_setup_teardown(test_layer_missing_base_and_cycle,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(
            test_layer_repealed_override_target_is_no_error, fx_setup,
            fx_teardown),
        cmocka_unit_test_setup_teardown(test_layer_date_arithmetic, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_layer_date_arithmetic_errors,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_layer_show_round_trips, fx_setup,
                                        fx_teardown),
        cmocka_unit_test(test_layer_rule_text_criterion),
        cmocka_unit_test_setup_teardown(test_layer_extends_not_rules, fx_setup,
                                        fx_teardown),
    };
    return cmocka_run_group_tests_name("layer", tests, NULL, NULL);
}
