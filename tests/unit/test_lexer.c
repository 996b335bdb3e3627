/* The lexer (lexer/lexer.l, lexer/keywords.c, LANGUAGE.md §1 and §8), seen
 * through parse_source() on small texts. */

#include "helpers.h"

#include "engine/limits.h"
#include "lexer/keywords.h"

#include <stdio.h>
#include <string.h>

static struct fixture *F(void **state)
{
    return *state;
}

/* The `when` of the rule called id. */
static const struct ast_expr *when_of(struct fixture *f, const char *id)
{
    const struct ast_decl *d = fx_named(f->file, id);
    assert_int_equal(d->kind, DECL_RULE);
    assert_non_null(d->when);
    return d->when;
}

static void test_lexer_keyword_table_round_trips(void **state)
{
    (void)state;
    for (int k = 0; k < KW_COUNT; k++)
        for (int l = LANG_EN; l <= LANG_ZH_HANS; l++) {
            const char *w = kw_text((enum kw)k, (enum lang)l);
            enum lang got;
            assert_non_null(w);
            if (kw_lookup(w, strlen(w), &got) != k)
                fail_msg("keyword %d in language %d ('%s') does not look up", k,
                         l, w);
            if (l == LANG_EN)
                assert_int_equal(got, LANG_EN);
            else
                assert_true(got == (enum lang)l || got == LANG_ZH);
        }
    assert_int_equal(kw_lookup("規則", strlen("規則"), NULL), KW_RULE);
    assert_int_equal(kw_lookup("规则", strlen("规则"), NULL), KW_RULE);
    assert_int_equal(kw_lookup("rules", 5, NULL), -1);
    assert_int_equal(kw_lookup("規", strlen("規"), NULL), -1);
    assert_int_equal(kw_lookup("", 0, NULL), -1);
    assert_int_equal(kw_lookup("undetermined", 12, NULL), KW_UNDETERMINED);
    assert_int_equal(kw_lookup("undeterminedx", 13, NULL), -1);
    assert_int_equal(kw_lookup("whenx", 4, NULL), KW_WHEN); /* len bytes */
    assert_int_equal(kw_lookup("c12", 3, NULL), -1);
}

/* The same rule set in three keyword spellings gives the same tree. */
static void check_spelling(void **state, const char *text, enum lang lang)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, text), 0);
    assert_int_equal(fx_ndecls(f->file, DECL_FACT), 10);
    assert_int_equal(fx_ndecls(f->file, DECL_LIST), 1);
    assert_int_equal(fx_ndecls(f->file, DECL_CONCLUSION), 4);
    assert_int_equal(fx_ndecls(f->file, DECL_RULE), 4);
    assert_int_equal(fx_ndecls(f->file, DECL_VERDICT), 1);
    assert_int_equal(fx_ndecls(f->file, DECL_MEASURE), 2);
    assert_string_equal(f->file->policy, "湖北省容錯糾錯工作辦法（試行）");
    assert_string_equal(f->file->version, "2022-07");
    const int *k = f->file->keyword_lang;
    if (lang == LANG_EN) {
        assert_true(k[LANG_EN] > 0);
        assert_int_equal(k[LANG_ZH_HANT] + k[LANG_ZH_HANS] + k[LANG_ZH], 0);
    } else {
        enum lang other = lang == LANG_ZH_HANT ? LANG_ZH_HANS : LANG_ZH_HANT;
        assert_int_equal(k[LANG_EN], 0);
        assert_true(k[lang] > 0);
        assert_int_equal(k[other], 0);
    }
    const struct ast_expr *e = when_of(f, "T2");
    assert_int_equal(e->op, OP_AND);
    assert_int_equal(e->r->op, OP_NOT);
    const struct ast_decl *area = fx_named(f->file, "領域");
    assert_int_equal(area->type.kind, TY_ONE_OF);
    assert_int_equal(fx_named(f->file, "行為")->type.kind, TY_SET_OF);
    assert_int_equal(fx_named(f->file, "決策日期")->type.kind, TY_DATE);
    assert_int_equal(fx_named(f->file, "損失金額")->type.kind, TY_NUMBER);
    const struct ast_decl *m = fx_named(f->file, "責令糾正");
    assert_int_equal(m->when->op, OP_AND);
    assert_int_equal(m->when->l->op, OP_IN);
    assert_int_equal(m->when->l->l->op, OP_VERDICT);
}

static void test_lexer_keywords_english(void **state)
{
    check_spelling(state, EXAMPLE_EN, LANG_EN);
}

static void test_lexer_keywords_traditional(void **state)
{
    check_spelling(state, EXAMPLE_HANT, LANG_ZH_HANT);
}

static void test_lexer_keywords_simplified(void **state)
{
    check_spelling(state, EXAMPLE_HANS, LANG_ZH_HANS);
}

static void test_lexer_keywords_mixed(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "事實 甲: bool\n"
                                 "fact 乙: 是非\n"
                                 "认定 丙\n"
                                 "rule R 如果 甲 and 乙 则 丙\n"),
                     0);
    assert_int_equal(fx_ndecls(f->file, DECL_FACT), 2);
    const struct ast_decl *r = fx_named(f->file, "R");
    assert_int_equal(r->when->op, OP_AND);
    assert_string_equal(r->then->text, "丙");
}

static void test_lexer_keywords_are_reserved(void **state)
{
    struct fixture *f = F(state);
    assert_true(fx_parse(f, "fact date: bool\n") > 0);
    assert_true(fx_parse(f, "fact 日期: bool\n") > 0);
    assert_true(fx_parse(f, "conclusion 理由\n") > 0);
}

/* Full-width punctuation means its ASCII form. */
static void test_lexer_fullwidth_punctuation(void **state)
{
    struct fixture *f = F(state);
    const char *text =
        "事實 甲：是非 ＝ 否\n"
        "事實\u3000乙：數值\n"
        "事實 丙：選項 ｛子、丑，寅｝\n"
        "認定 丁；\n"
        "規則 R1 「標題」 如果 （甲 或 乙 ＜ 3） 且 乙 ≤ 5 且 乙 ≥ 1"
        " 且 乙 ≠ 2 且 乙 ＞ 0 且 乙 ＝＝ 4 且 乙 ＜＝ 9 則 丁\n"
        "結論 “處理” ｛ 好 如果 丁 否則 壞 ｝\n";
    assert_int_equal(fx_parse(f, text), 0);
    const struct ast_decl *a = fx_named(f->file, "甲");
    assert_int_equal(a->type.kind, TY_BOOL);
    assert_non_null(a->dflt);
    assert_int_equal(a->dflt->kind, VAL_BOOL);
    assert_false(a->dflt->b);
    const struct ast_decl *c = fx_named(f->file, "丙");
    const struct ast_name *o = c->type.options;
    assert_string_equal(o->text, "子");
    assert_string_equal(o->next->text, "丑");
    assert_string_equal(o->next->next->text, "寅");
    assert_null(o->next->next->next);
    const struct ast_decl *r = fx_named(f->file, "R1");
    assert_string_equal(r->title, "標題");
    /* and(and(and(and(and(and(or(甲, <), <=), >=), !=), >), ==), <=) */
    static const enum ast_op ops[] = {OP_LE, OP_EQ, OP_GT, OP_NE, OP_GE, OP_LE};
    const struct ast_expr *e = r->when;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        assert_int_equal(e->op, OP_AND);
        assert_int_equal(e->r->op, ops[i]);
        assert_int_equal(e->r->l->op, OP_NAME);
        assert_int_equal(e->r->r->op, OP_NUM);
        e = e->l;
    }
    assert_int_equal(e->op, OP_OR);
    assert_int_equal(e->r->op, OP_LT);
    const struct ast_decl *v = fx_decl(f->file, DECL_VERDICT, 0);
    assert_string_equal(v->title, "處理");
    assert_string_equal(v->lines->name.text, "好");
    assert_string_equal(v->lines->next->name.text, "壞");
    assert_null(v->lines->next->when);
}

static void test_lexer_fullwidth_outside_language(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "fact 甲: number = 1 ＋ 2\n"), 1);
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "full-width");
    assert_non_null(strstr(d->msg, "＋"));
    /* f a c t ␠ 甲 : ␠ n u m b e r ␠ = ␠ 1 ␠ ＋ */
    assert_int_equal(d->loc.first_column, 20);
}

static void test_lexer_number_glued_to_name(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "fact 損失金額: number = 12萬元\n"), 1);
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "glued");
    assert_non_null(strstr(d->msg, "12萬元"));
    assert_non_null(d->hint);
    assert_int_equal(d->loc.first_line, 1);
    /* columns count code points: f a c t ␠ 損 失 金 額 : ␠ n u m b e r ␠ =
       ␠ → 12萬元 starts at column 21 and is 4 code points long */
    assert_int_equal(d->loc.first_column, 21);
    assert_int_equal(d->loc.last_column, 25);
}

static void test_lexer_invalid_date(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "fact d: date = 2023-02-30\n"), 1);
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "2023-02-30");
    assert_int_equal(d->loc.first_column, 16);
    assert_int_equal(fx_parse(f, "fact d: date = 2023-02-29\n"), 1);
    assert_int_equal(fx_parse(f, "fact d: date = 1900-02-29\n"), 1);
    assert_int_equal(fx_parse(f, "fact d: date = 2023-13-01\n"), 1);
    assert_int_equal(fx_parse(f, "fact d: date = 2023-5-1\n"), 1);
    fx_need(&f->dl, DIAG_ERROR, "malformed date");
    /* leap days that exist */
    assert_int_equal(fx_parse(f, "fact d: date = 2024-02-29\n"), 0);
    const struct ast_decl *x = fx_named(f->file, "d");
    assert_int_equal(x->dflt->kind, VAL_DATE);
    assert_int_equal(x->dflt->date, ast_date(2024, 2, 29));
    assert_int_equal(fx_parse(f, "fact d: date = 2000-02-29\n"), 0);
}

static void test_lexer_unterminated_string(void **state)
{
    struct fixture *f = F(state);
    assert_true(fx_parse(f, "fact 甲: bool\n"
                            "rule R \"未完的標題\n"
                            "  when 甲 then 乙\n") >= 1);
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "unterminated string");
    assert_ptr_equal(d, f->dl.head);
    /* at the opening quote: line 2, column 8 */
    assert_int_equal(d->loc.first_line, 2);
    assert_int_equal(d->loc.first_column, 8);
    assert_non_null(d->loc.src);
    assert_string_equal(d->loc.src->name, "t.rules");
}

static void test_lexer_unterminated_string_at_eof(void **state)
{
    struct fixture *f = F(state);
    assert_true(fx_parse(f, "fact 甲: bool 「說明") >= 1);
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "unterminated string");
    assert_int_equal(d->loc.first_line, 1);
    assert_int_equal(d->loc.first_column, 14);
}

static void test_lexer_columns_count_code_points(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "# 註解行\n事實 謀取私利：是非 $\n"), 1);
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "unexpected");
    assert_int_equal(d->loc.first_line, 2);
    /* 事 實 ␠ 謀 取 私 利 ： 是 非 ␠ $ : column 12 (the byte offset is 30) */
    assert_int_equal(d->loc.first_column, 12);
    assert_int_equal(d->loc.last_column, 13);
    /* the caret pads by display width: nine wide characters, two spaces */
    struct sbuf b = {0};
    diag_caret(&d->loc, &b);
    assert_string_equal(b.p, "                    ^\n");
    sb_free(&b);
}

static void test_lexer_bom_not_counted(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "\xEF\xBB\xBF"
                                 "fact 甲: bool $\n"),
                     1);
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "unexpected");
    assert_int_equal(d->loc.first_column, 14);
}

static void test_lexer_two_word_keywords(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "fact a: one of {x, y}\n"
                                 "fact b: set of {x, y}\n"
                                 "fact one: bool\n"
                                 "fact offset: bool\n"
                                 "conclusion c\n"
                                 "rule R when a is known and not b is known"
                                 " and one and offset then c\n"),
                     0);
    assert_int_equal(fx_named(f->file, "a")->type.kind, TY_ONE_OF);
    assert_int_equal(fx_named(f->file, "b")->type.kind, TY_SET_OF);
    assert_int_equal(fx_named(f->file, "one")->type.kind, TY_BOOL);
    const struct ast_expr *e = when_of(f, "R");
    /* and(and(and(known(a), not(known(b))), one), offset) */
    assert_int_equal(e->op, OP_AND);
    assert_string_equal(e->r->text, "offset");
    assert_string_equal(e->l->r->text, "one");
    const struct ast_expr *k = e->l->l;
    assert_int_equal(k->l->op, OP_KNOWN);
    assert_string_equal(k->l->l->text, "a");
    assert_int_equal(k->r->op, OP_NOT);
    assert_int_equal(k->r->l->op, OP_KNOWN);
    assert_string_equal(k->r->l->l->text, "b");
}

/* LANGUAGE.md §8 only asks for the two words on one line; the lexer's own
 * pattern accepts [ \t]+ between them, so any blanks must do. */
static void test_lexer_two_word_keywords_any_blanks(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "fact b: set  of {x, y}\n"), 0);
    assert_int_equal(fx_named(f->file, "b")->type.kind, TY_SET_OF);
    assert_int_equal(fx_parse(f, "fact a: one\tof {x, y}\n"), 0);
    assert_int_equal(fx_named(f->file, "a")->type.kind, TY_ONE_OF);
    assert_int_equal(fx_parse(f, "conclusion c\n"
                                 "rule R when a is   known then c\n"),
                     0);
    assert_int_equal(when_of(f, "R")->op, OP_KNOWN);
}

static void test_lexer_two_word_keyword_on_one_line(void **state)
{
    struct fixture *f = F(state);
    /* `one` and `of` on two lines are two names, not the keyword */
    assert_true(fx_parse(f, "fact a: one\nof {x, y}\n") >= 1);
    /* `is knownx` is the name `is` and the name `knownx` */
    assert_true(fx_parse(f, "fact a: bool\nconclusion c\n"
                            "rule R when a is knownx then c\n") >= 1);
}

static void test_lexer_glued_keyword_is_one_name(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "rule R when 已整改且非謀取私利 then c\n"
                                 "rule S when 已整改 且 非 謀取私利 then c\n"),
                     0);
    const struct ast_expr *e = when_of(f, "R");
    assert_int_equal(e->op, OP_NAME);
    assert_string_equal(e->text, "已整改且非謀取私利");
    assert_int_equal(e->loc.first_column, 13);
    assert_int_equal(e->loc.last_column, 22);
    e = when_of(f, "S");
    assert_int_equal(e->op, OP_AND);
    assert_string_equal(e->l->text, "已整改");
    assert_int_equal(e->r->op, OP_NOT);
    assert_string_equal(e->r->l->text, "謀取私利");
}

static void test_lexer_strings(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f,
                              "conclusion a \"x\\\"y\\\\z # not a comment\"\n"
                              "conclusion b 「他說\"好\"」\n"
                              "conclusion c “引號”  # comment\n"),
                     0);
    assert_string_equal(fx_named(f->file, "a")->title,
                        "x\"y\\z # not a comment");
    assert_string_equal(fx_named(f->file, "b")->title, "他說\"好\"");
    assert_string_equal(fx_named(f->file, "c")->title, "引號");
    assert_true(fx_parse(f, "conclusion a \"bad \\n escape\"\n") >= 1);
    fx_need(&f->dl, DIAG_ERROR, "unknown escape");
}

static void test_lexer_numbers(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "fact a: number = -3\n"
                                 "fact b: number = 12.50\n"
                                 "rule R when a > -3 then c\n"),
                     0);
    const struct ast_value *v = fx_named(f->file, "a")->dflt;
    assert_int_equal(v->kind, VAL_NUM);
    assert_true(v->num.n == -3 && v->num.d == 1);
    v = fx_named(f->file, "b")->dflt;
    assert_true(v->num.n == 25 && v->num.d == 2);
    /* -3 in a condition is unary minus applied to 3 */
    const struct ast_expr *e = when_of(f, "R");
    assert_int_equal(e->op, OP_GT);
    assert_int_equal(e->r->op, OP_NEG);
    assert_int_equal(e->r->l->op, OP_NUM);
    assert_true(e->r->l->num.n == 3);
    assert_int_equal(fx_parse(f, "fact a: number = 12.\n"), 1);
    /* past 64 bits is exact; past 1000 digits an error */
    assert_int_equal(fx_parse(f, "fact a: number = 99999999999999999999\n"
                                 "fact b: number = 0.1234567890123456789\n"),
                     0);
    assert_true(num_is_big(fx_named(f->file, "a")->dflt->num));
    assert_true(num_is_big(fx_named(f->file, "b")->dflt->num));
    char text[LIMIT_NUM_DIGITS + 64];
    int k = snprintf(text, sizeof text, "fact a: number = ");
    memset(text + k, '9', LIMIT_NUM_DIGITS);
    strcpy(text + k + LIMIT_NUM_DIGITS, "\n");
    assert_int_equal(fx_parse(f, text), 0);
    strcpy(text + k + LIMIT_NUM_DIGITS, "9\n");
    assert_int_equal(fx_parse(f, text), 1);
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "has too many digits");
    /* the message quotes the start of so long a number, not all of it */
    assert_string_equal(d->msg,
                        "number '99999999999999999999…' has too many digits");
}

static void test_lexer_dotted_and_prefix_ids(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "rule 容錯.改革探索 when a then c\n"
                                 "rule Y when b then c overrides 容錯.*, T*\n"),
                     0);
    fx_named(f->file, "容錯.改革探索");
    const struct ast_name *o = fx_named(f->file, "Y")->overrides;
    assert_string_equal(o->text, "容錯.");
    assert_true(o->prefix);
    assert_string_equal(o->next->text, "T");
    assert_true(o->next->prefix);
}

/* A lone CR ends a line as LF and CRLF do: a comment stops there, and
 * lines are numbered the same in all three forms. */
static void test_lexer_lone_cr_ends_lines(void **state)
{
    struct fixture *f = F(state);
    const char *forms[] = {
        "fact a: bool\n# note\nconclusion c\nrule R when a then c\n",
        "fact a: bool\r\n# note\r\nconclusion c\r\nrule R when a then c\r\n",
        "fact a: bool\r# note\rconclusion c\rrule R when a then c\r",
        "fact a: bool\r# note\r\nconclusion c\nrule R when a then c",
    };
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        assert_int_equal(fx_parse(f, forms[i]), 0);
        assert_int_equal(fx_ndecls(f->file, DECL_FACT), 1);
        assert_int_equal(fx_ndecls(f->file, DECL_CONCLUSION), 1);
        const struct ast_decl *r = fx_named(f->file, "R");
        assert_int_equal(r->loc.first_line, 4);
        assert_int_equal(r->when->loc.first_column, 13);
        size_t len;
        const char *line = src_line(f->file->src, 3, &len);
        assert_int_equal(len, strlen("conclusion c"));
        assert_memory_equal(line, "conclusion c", len);
        assert_int_equal(f->file->src->nlines, i == 3 ? 4 : 5);
    }
    /* a string ends at a lone CR: unterminated, at its start */
    assert_int_equal(fx_parse(f, "conclusion c \"x\rfact a: bool\r"), 1);
    fx_need(&f->dl, DIAG_ERROR, "unterminated string");
    assert_int_equal(f->dl.tail->loc.first_line, 1);
}

/* A NUL byte would cut a string short: an error at its place. */
static void test_lexer_nul_in_string(void **state)
{
    struct fixture *f = F(state);
    static const char text[] = "policy \"B\0x\"\nconclusion c 「失實\0abc」\n"
                               "# note \0\n";
    struct source *src =
        src_from_text(&f->arena, "t.rules", text, sizeof text - 1, 1);
    struct ast_file *file = NULL;
    assert_int_equal(parse_source(&f->arena, &f->dl, src, &file), 3);
    const struct diag *d = f->dl.head;
    assert_string_equal(d->msg, "NUL byte 0x00 in a string");
    assert_int_equal(d->loc.first_line, 1);
    assert_int_equal(d->loc.first_column, 10);
    d = d->next;
    assert_string_equal(d->msg, "NUL byte 0x00 in a string");
    assert_int_equal(d->loc.first_line, 2);
    assert_int_equal(d->loc.first_column, 17);
    d = d->next;
    assert_string_equal(d->msg, "NUL byte 0x00 in a comment");
    assert_int_equal(d->loc.first_line, 3);
    assert_int_equal(d->loc.first_column, 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexer_keyword_table_round_trips),
        cmocka_unit_test_setup_teardown(test_lexer_keywords_english, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_keywords_traditional,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_keywords_simplified,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_keywords_mixed, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_keywords_are_reserved,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_fullwidth_punctuation,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_fullwidth_outside_language,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_number_glued_to_name,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_invalid_date, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_unterminated_string,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_unterminated_string_at_eof,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_columns_count_code_points,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_bom_not_counted, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_two_word_keywords, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_two_word_keywords_any_blanks,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_two_word_keyword_on_one_line,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_glued_keyword_is_one_name,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_strings, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_numbers, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_dotted_and_prefix_ids,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_lone_cr_ends_lines, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_lexer_nul_in_string, fx_setup,
                                        fx_teardown),
    };
    return cmocka_run_group_tests_name("lexer", tests, NULL, NULL);
}
