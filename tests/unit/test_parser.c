/* The parser (parser/parser.y): the syntax tree, precedence, error
 * recovery and advice rules, case blocks. */

#include "helpers.h"

static struct fixture *F(void **state)
{
    return *state;
}

static int count_names(const struct ast_name *n)
{
    int k = 0;
    for (; n; n = n->next)
        k++;
    return k;
}

static int count_lines(const struct ast_vline *l)
{
    int k = 0;
    for (; l; l = l->next)
        k++;
    return k;
}

static int count_assigns(const struct ast_case *c)
{
    int k = 0;
    for (const struct ast_assign *a = c->facts; a; a = a->next)
        k++;
    return k;
}

static int count_cases(const struct ast_file *f)
{
    int k = 0;
    for (const struct ast_case *c = f->cases; c; c = c->next)
        k++;
    return k;
}

/* The condition of the only rule in "rule R when <cond> then c". */
static const struct ast_expr *cond(struct fixture *f, const char *text)
{
    char buf[512];
    snprintf(buf, sizeof buf, "rule R when %s then c\n", text);
    if (fx_parse(f, buf) != 0) {
        diag_print_all(&f->dl, stderr);
        fail_msg("'%s' does not parse", text);
    }
    const struct ast_expr *e = fx_named(f->file, "R")->when;
    assert_non_null(e);
    return e;
}

static void test_parser_example_declarations(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, EXAMPLE_EN), 0);
    assert_int_equal(f->dl.errors, 0);
    assert_int_equal(fx_ndecls(f->file, DECL_FACT), 10);
    assert_int_equal(fx_ndecls(f->file, DECL_LIST), 1);
    assert_int_equal(fx_ndecls(f->file, DECL_CONCLUSION), 4);
    assert_int_equal(fx_ndecls(f->file, DECL_RULE), 4);
    assert_int_equal(fx_ndecls(f->file, DECL_VERDICT), 1);
    assert_int_equal(fx_ndecls(f->file, DECL_MEASURE), 2);
    assert_null(f->file->cases);
    assert_string_equal(f->file->policy, "湖北省容錯糾錯工作辦法（試行）");
    assert_string_equal(f->file->version, "2022-07");
    assert_int_equal(f->file->policy_loc.first_line, 1);
    /* declarations keep their order */
    assert_string_equal(fx_decl(f->file, DECL_FACT, 0)->name.text, "謀取私利");
    assert_string_equal(fx_decl(f->file, DECL_FACT, 9)->name.text, "決策日期");
    assert_string_equal(fx_decl(f->file, DECL_RULE, 3)->name.text, "R1");
}

static void test_parser_example_facts(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, EXAMPLE_EN), 0);
    const struct ast_decl *d = fx_named(f->file, "謀取私利");
    assert_int_equal(d->kind, DECL_FACT);
    assert_int_equal(d->type.kind, TY_BOOL);
    assert_string_equal(d->title, "是否為個人或小團體謀取私利");
    assert_null(d->dflt);
    assert_int_equal(d->name.loc.first_line, 3);
    assert_int_equal(d->name.loc.first_column, 6);

    d = fx_named(f->file, "明知故犯");
    assert_non_null(d->dflt);
    assert_int_equal(d->dflt->kind, VAL_BOOL);
    assert_false(d->dflt->b);

    d = fx_named(f->file, "損失金額");
    assert_int_equal(d->type.kind, TY_NUMBER);
    assert_string_equal(d->type.unit, "萬元");
    assert_int_equal(d->dflt->kind, VAL_NUM);
    assert_true(d->dflt->num.n == 0 && d->dflt->num.d == 1);
    assert_null(d->title);

    d = fx_named(f->file, "政策把握不準");
    assert_int_equal(d->type.kind, TY_BOOL);
    assert_null(d->type.unit);
    assert_null(d->dflt);

    d = fx_named(f->file, "領域");
    assert_int_equal(d->type.kind, TY_ONE_OF);
    assert_int_equal(count_names(d->type.options), 5);
    assert_string_equal(d->type.options->text, "基層治理");
    assert_string_equal(d->type.options->next->next->text, "營商環境");

    d = fx_named(f->file, "行為");
    assert_int_equal(d->type.kind, TY_SET_OF);
    assert_int_equal(count_names(d->type.options), 4);

    assert_int_equal(fx_named(f->file, "決策日期")->type.kind, TY_DATE);

    d = fx_named(f->file, "政商交往負面清單");
    assert_int_equal(d->kind, DECL_LIST);
    assert_int_equal(count_names(d->items), 2);
    assert_string_equal(d->items->next->text, "收受禮金");

    d = fx_named(f->file, "排除情形");
    assert_int_equal(d->kind, DECL_CONCLUSION);
    assert_string_equal(d->title, "不予容錯的情形");
    assert_null(fx_named(f->file, "免責情形")->title);
}

static void test_parser_example_rules(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, EXAMPLE_EN), 0);
    const struct ast_decl *x1 = fx_named(f->file, "X1");
    assert_int_equal(x1->kind, DECL_RULE);
    assert_string_equal(x1->title, "為個人或小團體謀取私利的，不予容錯");
    assert_int_equal(count_names(x1->cites), 1);
    assert_string_equal(x1->cites->text, "辦法 第九條（一）");
    assert_int_equal(x1->when->op, OP_NAME);
    assert_string_equal(x1->when->text, "謀取私利");
    assert_string_equal(x1->then->text, "排除情形");
    assert_null(x1->then->next);
    assert_null(x1->because.text);
    assert_int_equal(x1->nwhen, 1);

    const struct ast_decl *t2 = fx_named(f->file, "T2");
    assert_string_equal(t2->because.text, "政策界限不明確，且無明知故犯情節");
    assert_int_equal(t2->when->op, OP_AND);
    assert_int_equal(t2->when->l->op, OP_NAME);
    assert_int_equal(t2->when->r->op, OP_NOT);
    assert_string_equal(t2->when->r->l->text, "明知故犯");

    /* (損失金額 == 0 or 已挽回損失) and 已整改 */
    const struct ast_expr *e = fx_named(f->file, "E1")->when;
    assert_int_equal(e->op, OP_AND);
    assert_int_equal(e->l->op, OP_OR);
    assert_int_equal(e->l->l->op, OP_EQ);
    assert_string_equal(e->l->l->l->text, "損失金額");
    assert_int_equal(e->l->l->r->op, OP_NUM);
    assert_string_equal(e->l->r->text, "已挽回損失");
    assert_string_equal(e->r->text, "已整改");

    /* everything on one line */
    const struct ast_decl *r1 = fx_named(f->file, "R1");
    assert_string_equal(r1->title, "主動糾錯、及時整改");
    assert_string_equal(r1->when->text, "已整改");
    assert_string_equal(r1->then->text, "減責情形");
    assert_null(r1->cites);
    assert_null(r1->overrides);
}

static void test_parser_example_verdict_and_measures(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, EXAMPLE_EN), 0);
    const struct ast_decl *v = fx_decl(f->file, DECL_VERDICT, 0);
    assert_string_equal(v->title, "處理結論");
    assert_int_equal(count_lines(v->lines), 5);
    static const char *const names[] = {"澄清正名", "不予容錯", "容錯免責",
                                        "容錯減責", "依規依紀處理"};
    const struct ast_vline *l = v->lines;
    for (int i = 0; i < 5; i++, l = l->next) {
        assert_string_equal(l->name.text, names[i]);
        assert_int_equal(l->loc.first_line, 39 + i);
        if (i < 4)
            assert_non_null(l->when);
        else
            assert_null(l->when);
    }
    l = v->lines->next->next;
    assert_int_equal(l->when->op, OP_AND);
    assert_string_equal(l->when->l->text, "容錯情形");

    const struct ast_decl *m = fx_named(f->file, "責令糾正");
    assert_int_equal(m->kind, DECL_MEASURE);
    assert_string_equal(m->title, "責令糾正偏差失誤");
    assert_int_equal(m->when->op, OP_AND);
    const struct ast_expr *in = m->when->l;
    assert_int_equal(in->op, OP_IN);
    assert_int_equal(in->l->op, OP_VERDICT);
    assert_int_equal(in->r->op, OP_SET);
    assert_int_equal(count_names(in->r->items), 2);
    assert_string_equal(in->r->items->text, "容錯免責");

    m = fx_named(f->file, "談話提醒");
    assert_null(m->title);
    assert_int_equal(m->when->op, OP_EQ);
    assert_int_equal(m->when->l->op, OP_VERDICT);
    assert_int_equal(m->when->r->op, OP_NAME);
    assert_string_equal(m->when->r->text, "容錯減責");
}

static void test_parser_overrides_with_prefix(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "rule X when a then c overrides T*, E1\n"
                                 "rule Y when a then c, d overrides 容錯.*\n"
                                 "rule Z when a then c\n"
                                 "  overrides X overrides Y\n"
                                 "  cites \"甲\", \"乙\" cites \"丙\"\n"),
                     0);
    const struct ast_name *o = fx_named(f->file, "X")->overrides;
    assert_int_equal(count_names(o), 2);
    assert_string_equal(o->text, "T");
    assert_true(o->prefix);
    assert_string_equal(o->next->text, "E1");
    assert_false(o->next->prefix);

    const struct ast_decl *y = fx_named(f->file, "Y");
    assert_string_equal(y->overrides->text, "容錯.");
    assert_true(y->overrides->prefix);
    assert_int_equal(count_names(y->then), 2);
    assert_string_equal(y->then->next->text, "d");

    const struct ast_decl *z = fx_named(f->file, "Z");
    assert_int_equal(count_names(z->overrides), 2);
    assert_int_equal(count_names(z->cites), 3);
    assert_string_equal(z->cites->next->next->text, "丙");
}

static void test_parser_precedence_and_over_eq(void **state)
{
    struct fixture *f = F(state);
    const struct ast_expr *e = cond(f, "被舉報 and 舉報屬實 == false");
    assert_int_equal(e->op, OP_AND);
    assert_int_equal(e->l->op, OP_NAME);
    assert_string_equal(e->l->text, "被舉報");
    assert_int_equal(e->r->op, OP_EQ);
    assert_string_equal(e->r->l->text, "舉報屬實");
    assert_int_equal(e->r->r->op, OP_BOOL);
    assert_false(e->r->r->b);
}

static void test_parser_precedence_levels(void **state)
{
    struct fixture *f = F(state);
    /* or is looser than and */
    const struct ast_expr *e = cond(f, "a or b and c");
    assert_int_equal(e->op, OP_OR);
    assert_int_equal(e->r->op, OP_AND);
    e = cond(f, "a and b or c");
    assert_int_equal(e->op, OP_OR);
    assert_int_equal(e->l->op, OP_AND);
    /* not is looser than comparisons and is known */
    e = cond(f, "not a == b");
    assert_int_equal(e->op, OP_NOT);
    assert_int_equal(e->l->op, OP_EQ);
    e = cond(f, "not a is known");
    assert_int_equal(e->op, OP_NOT);
    assert_int_equal(e->l->op, OP_KNOWN);
    /* but tighter than and */
    e = cond(f, "not a and b");
    assert_int_equal(e->op, OP_AND);
    assert_int_equal(e->l->op, OP_NOT);
    /* arithmetic under comparisons, * under + */
    e = cond(f, "1 + 2 * 3 > 4");
    assert_int_equal(e->op, OP_GT);
    assert_int_equal(e->l->op, OP_ADD);
    assert_int_equal(e->l->r->op, OP_MUL);
    /* left associative */
    e = cond(f, "a - b - c > 0");
    assert_int_equal(e->l->op, OP_SUB);
    assert_int_equal(e->l->l->op, OP_SUB);
    assert_string_equal(e->l->r->text, "c");
    /* unary minus is tightest */
    e = cond(f, "-a * b < 0");
    assert_int_equal(e->l->op, OP_MUL);
    assert_int_equal(e->l->l->op, OP_NEG);
    /* parentheses */
    e = cond(f, "(a or b) and c");
    assert_int_equal(e->op, OP_AND);
    assert_int_equal(e->l->op, OP_OR);
    /* membership at comparison level */
    e = cond(f, "x in {p, q} and S contains any L or S contains p");
    assert_int_equal(e->op, OP_OR);
    assert_int_equal(e->l->op, OP_AND);
    assert_int_equal(e->l->l->op, OP_IN);
    assert_int_equal(e->l->l->r->op, OP_SET);
    assert_int_equal(e->l->r->op, OP_CONTAINS_ANY);
    assert_string_equal(e->l->r->r->text, "L");
    assert_int_equal(e->r->op, OP_CONTAINS);
}

static void test_parser_comparisons_do_not_chain(void **state)
{
    struct fixture *f = F(state);
    assert_true(fx_parse(f, "rule R when a < b < c then d\n") >= 1);
}

static void test_parser_reports_every_syntax_error(void **state)
{
    struct fixture *f = F(state);
    int n = fx_parse(f, "fact a: bool\n"
                        "rule R1 when a and then c\n"
                        "conclusion c\n"
                        "rule R2 when (a or ) then c\n"
                        "fact b: number\n"
                        "fact : bool\n"
                        "rule R3 when b > 1 then c\n");
    assert_true(n >= 3);
    assert_int_equal(f->dl.errors, n);
    bool line[8] = {false};
    for (const struct diag *d = f->dl.head; d; d = d->next) {
        assert_int_equal(d->severity, DIAG_ERROR);
        assert_true(d->loc.first_line >= 1 && d->loc.first_line <= 7);
        line[d->loc.first_line] = true;
    }
    assert_true(line[2]);
    assert_true(line[4]);
    assert_true(line[6]);
    /* the error on line 2 is at 'then' (column 20) */
    assert_int_equal(f->dl.head->loc.first_line, 2);
    assert_int_equal(f->dl.head->loc.first_column, 20);
    assert_non_null(strstr(f->dl.head->msg, "syntax error"));
    /* what follows each error is still read */
    assert_int_equal(fx_named(f->file, "c")->kind, DECL_CONCLUSION);
    assert_int_equal(fx_named(f->file, "b")->type.kind, TY_NUMBER);
    const struct ast_decl *r3 = fx_named(f->file, "R3");
    assert_int_equal(r3->when->op, OP_GT);
    assert_string_equal(r3->then->text, "c");
}

static void test_parser_assign_in_condition(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "rule R when 損失金額 = 0 then c\n"), 1);
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "use ==");
    assert_non_null(d->hint);
    /* at the '=' */
    assert_int_equal(d->loc.first_line, 1);
    assert_int_equal(d->loc.first_column, 18);
    /* the tree is still built, as a comparison */
    assert_int_equal(fx_named(f->file, "R")->when->op, OP_EQ);
    /* full-width ＝ too */
    assert_int_equal(fx_parse(f, "rule R when 損失金額 ＝ 0 then c\n"), 1);
}

static void test_parser_advice(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, "rule R when a when b then c\n"), 1);
    fx_need(&f->dl, DIAG_ERROR, "second 'when'");
    assert_int_equal(fx_parse(f, "rule R when a and 容錯.改革 then c\n"), 1);
    fx_need(&f->dl, DIAG_ERROR, "rule ID is not a value");
    assert_int_equal(fx_parse(f, "rule R when a == unknown then c\n"), 1);
    const struct diag *d = fx_need(&f->dl, DIAG_ERROR, "no 'unknown' value");
    assert_non_null(strstr(d->hint, "is known"));
}

static void test_parser_case_blocks(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(
        fx_parse(f, "case \"SZ-2023-07\" \"松滋市金松投資集團\" {\n"
                    "  謀取私利 = false\n"
                    "  政策把握不準 = 是\n"
                    "  損失金額 = 12.5\n"
                    "  領域 = 營商環境\n"
                    "  行為 = {未批先建, 違規用車}\n"
                    "  決策日期 = 2023-02-10\n"
                    "  已整改 = unknown\n"
                    "}\n"
                    "案件 EX2 { 甲 = -3, 乙 = \"營商環境\"; 丙 = {} }\n"),
        0);
    assert_int_equal(count_cases(f->file), 2);
    assert_null(f->file->decls);
    const struct ast_case *c = f->file->cases;
    assert_string_equal(c->id.text, "SZ-2023-07");
    assert_string_equal(c->title, "松滋市金松投資集團");
    assert_false(c->broken);
    assert_int_equal(c->loc.first_line, 1);
    assert_int_equal(count_assigns(c), 7);
    const struct ast_assign *a = c->facts;
    assert_string_equal(a->name.text, "謀取私利");
    assert_int_equal(a->value->kind, VAL_BOOL);
    assert_false(a->value->b);
    assert_int_equal(a->name.loc.first_line, 2);
    a = a->next;
    assert_int_equal(a->value->kind, VAL_BOOL);
    assert_true(a->value->b);
    a = a->next;
    assert_int_equal(a->value->kind, VAL_NUM);
    assert_true(a->value->num.n == 25 && a->value->num.d == 2);
    a = a->next;
    assert_int_equal(a->value->kind, VAL_NAME);
    assert_string_equal(a->value->text, "營商環境");
    a = a->next;
    assert_int_equal(a->value->kind, VAL_SET);
    assert_int_equal(count_names(a->value->items), 2);
    assert_string_equal(a->value->items->next->text, "違規用車");
    a = a->next;
    assert_int_equal(a->value->kind, VAL_DATE);
    assert_int_equal(a->value->date, ast_date(2023, 2, 10));
    a = a->next;
    assert_string_equal(a->name.text, "已整改");
    assert_int_equal(a->value->kind, VAL_UNKNOWN);
    assert_int_equal(a->value->loc.first_line, 8);
    assert_int_equal(a->value->loc.first_column, 9);

    c = c->next;
    assert_string_equal(c->id.text, "EX2");
    assert_null(c->title);
    assert_false(c->broken);
    assert_int_equal(count_assigns(c), 3);
    a = c->facts;
    assert_int_equal(a->value->kind, VAL_NUM);
    assert_true(a->value->num.n == -3 && a->value->num.d == 1);
    assert_int_equal(a->next->value->kind, VAL_STR);
    assert_string_equal(a->next->value->text, "營商環境");
    assert_int_equal(a->next->next->value->kind, VAL_SET);
    assert_null(a->next->next->value->items);
}

static void test_parser_broken_case_then_next(void **state)
{
    struct fixture *f = F(state);
    int n = fx_parse(f, "case \"A\" {\n"
                        "  甲 = 1\n"
                        "  乙 = = 2\n"
                        "}\n"
                        "case \"B\" {\n"
                        "  丙 = true\n"
                        "}\n"
                        "case \"C\" { 丁 = 12萬元 }\n"
                        "case \"D\" { 戊 == 1 }\n"
                        "case \"E\" { 己 = 否 }\n");
    assert_true(n >= 3);
    assert_int_equal(count_cases(f->file), 5);
    const struct ast_case *a = f->file->cases;
    assert_string_equal(a->id.text, "A");
    assert_true(a->broken);
    assert_string_equal(a->facts->name.text, "甲");
    const struct ast_case *b = a->next;
    assert_string_equal(b->id.text, "B");
    assert_false(b->broken);
    assert_int_equal(count_assigns(b), 1);
    assert_string_equal(b->facts->name.text, "丙");
    assert_true(b->facts->value->b);
    const struct ast_case *c = b->next;
    assert_true(c->broken); /* a lexical error */
    const struct ast_case *d = c->next;
    assert_true(d->broken); /* == in a case */
    fx_need(&f->dl, DIAG_ERROR, "'==' compares");
    const struct ast_case *e = d->next;
    assert_string_equal(e->id.text, "E");
    assert_false(e->broken);
    assert_int_equal(e->facts->value->kind, VAL_BOOL);
    assert_false(e->facts->value->b);
}

static void test_parser_verdict_line_error_recovers(void **state)
{
    struct fixture *f = F(state);
    int n = fx_parse(f, "verdict {\n"
                        "  甲 when a ==\n"
                        "  乙 when b\n"
                        "  otherwise 丙\n"
                        "}\n"
                        "conclusion after\n");
    assert_true(n >= 1);
    fx_named(f->file, "after");
}

/* "rule R when " + prefix * n + core + suffix * n + " then c" */
static char *nested(const char *prefix, int n, const char *core,
                    const char *suffix)
{
    size_t len =
        64 + (strlen(prefix) + strlen(suffix)) * (size_t)n + strlen(core);
    char *s = xmalloc(len), *o = s;
    o += sprintf(o, "rule R when ");
    for (int i = 0; i < n; i++)
        o += sprintf(o, "%s", prefix);
    o += sprintf(o, "%s", core);
    for (int i = 0; i < n; i++)
        o += sprintf(o, "%s", suffix);
    sprintf(o, " then c\n");
    return s;
}

static void test_parser_nesting_limits(void **state)
{
    struct fixture *f = F(state);
    /* 999 nots over a name: 1000 levels, accepted */
    char *s = nested("not ", 999, "a", "");
    int n = fx_parse(f, s);
    free(s);
    assert_int_equal(n, 0);
    const struct ast_expr *e = fx_named(f->file, "R")->when;
    assert_int_equal(e->op, OP_NOT);
    assert_int_equal(e->depth, 1000);
    /* one more is refused with an error, not a crash */
    s = nested("not ", 1500, "a", "");
    n = fx_parse(f, s);
    free(s);
    assert_int_equal(n, 1);
    fx_need(&f->dl, DIAG_ERROR, "nested too deeply");
    /* parentheses add no level to the tree, but fill the parser's stack */
    s = nested("(", 30000, "a", ")");
    n = fx_parse(f, s);
    free(s);
    assert_int_equal(n, 1);
    const struct diag *d = f->dl.tail;
    assert_non_null(strstr(d->msg, "nested too deeply"));
    assert_int_equal(d->loc.first_line, 1);
}

static void test_parser_empty_and_comment_only(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f, ""), 0);
    assert_null(f->file->decls);
    assert_null(f->file->cases);
    assert_int_equal(fx_parse(f, "# only a comment\n\n  \n"), 0);
    assert_null(f->file->decls);
}

/* A case file read a case block at a time: each case comes with its own
 * errors, errors between blocks come before the next case, and the arena
 * may be reset between calls. */
static void test_parser_stream_one_case_at_a_time(void **state)
{
    struct fixture *f = *state;
    struct source *src =
        fx_src(f, "t.case",
               "case \"1\" { a = 是 }\nfact x: bool\ncase \"2\" { a = = }\n"
               "case \"3\" \"t\" {\n  a = 否\n}\npolicy \"p\"\n"
               "case \"4\" { a = 是 ");
    struct parse_stream *ps = parse_stream_open(src);
    struct arena a;
    arena_init(&a);
    const char *ids[] = {"1", "2", "3", "4"};
    const int gap[] = {0, 1, 0, 1}, own[] = {0, 1, 0, 1};
    const int line[] = {1, 3, 4, 8};
    for (int i = 0; i < 4; i++) {
        arena_reset(&a);
        struct diag_list dl;
        diag_init(&dl, &a);
        struct ast_case *c = parse_stream_next(ps, &a, &dl);
        assert_non_null(c);
        assert_string_equal(c->id.text, ids[i]);
        assert_int_equal(c->loc.first_line, line[i]);
        assert_int_equal(c->broken, own[i] > 0);
        int g = 0, o = 0;
        for (const struct diag *d = dl.head; d; d = d->next)
            d->owner == c ? o++ : g++;
        assert_int_equal(g, gap[i]);
        assert_int_equal(o, own[i]);
        if (i == 1)
            assert_int_equal(dl.head->loc.first_line, 2); /* fact x */
        if (i == 2) {
            assert_non_null(c->facts);
            assert_string_equal(c->facts->name.text, "a");
        }
    }
    struct diag_list dl;
    diag_init(&dl, &a);
    assert_null(parse_stream_next(ps, &a, &dl));
    assert_int_equal(dl.errors, 0);
    assert_true(parse_stream_progress(ps) == 1.0);
    assert_null(parse_stream_next(ps, &a, &dl));
    parse_stream_free(ps);
    arena_free(&a);
}

/* A syntax error in a case block is recovered from at the next line, in
 * the same case: the errors of its other lines (syntax and lexical) are
 * told and belong to it, and the file's next case is the next result. */
static void test_parser_stream_recovers_in_the_case(void **state)
{
    struct fixture *f = *state;
    struct parse_stream *ps = parse_stream_open(
        fx_src(f, "t.case",
               "case \"1\" {\n  a = = 是\n  b = 否 否\n  c = {x y}\n"
               "  d = 2023-02-30\n  e = 是\n}\ncase \"2\" { a = 是 }\n"));
    struct arena a;
    arena_init(&a);
    const char *ids[] = {"1", "2"};
    const int own[] = {4, 0}, facts[] = {2, 1}; /* b = 否 and e; a */
    for (int i = 0; i < 2; i++) {
        arena_reset(&a);
        struct diag_list dl;
        diag_init(&dl, &a);
        struct ast_case *c = parse_stream_next(ps, &a, &dl);
        assert_non_null(c);
        assert_string_equal(c->id.text, ids[i]);
        assert_int_equal(c->broken, own[i] > 0);
        int o = 0, line = 2;
        for (const struct diag *d = dl.head; d; d = d->next) {
            assert_ptr_equal(d->owner, c);
            assert_int_equal(d->loc.first_line, line++); /* one a line */
            o++;
        }
        assert_int_equal(o, own[i]);
        assert_int_equal(count_assigns(c), facts[i]);
    }
    struct diag_list dl;
    diag_init(&dl, &a);
    assert_null(parse_stream_next(ps, &a, &dl));
    assert_int_equal(dl.errors, 0);
    parse_stream_free(ps);
    arena_free(&a);
}

/* A stream over text that is not UTF-8 gives its one error, then ends. */
static void test_parser_stream_not_utf8(void **state)
{
    struct fixture *f = *state;
    struct parse_stream *ps =
        parse_stream_open(fx_src(f, "t.case", "case \"1\" { a = \"\xB0\" }\n"));
    struct diag_list dl;
    diag_init(&dl, &f->arena);
    assert_null(parse_stream_next(ps, &f->arena, &dl));
    assert_int_equal(dl.errors, 1);
    fx_need(&dl, DIAG_ERROR, "not UTF-8");
    assert_null(parse_stream_next(ps, &f->arena, &dl));
    assert_int_equal(dl.errors, 1);
    parse_stream_free(ps);
}

/* A bottom line: its title, condition and expectations in source order,
 * in every script; a test keeps its expectations in order too. */
static void test_parser_invariant(void **state)
{
    struct fixture *f = F(state);
    assert_int_equal(fx_parse(f,
                              "invariant \"甲\" when a expect verdict V\n"
                              "  expect not verdict W expect not undetermined\n"
                              "底線 \"乙\" 如果 b 預期 非 措施 M 預期 待定\n"
                              "底线 \"丙\" 如果 c 预期 措施 M\n"
                              "修訂 底線 \"甲\" 如果 a 預期 非 待定\n"
                              "repeal invariant \"乙\" because \"x\"\n"
                              "test \"t\" { given {} expect not verdict V\n"
                              "  expect verdict W expect not undetermined }\n"),
                     0);
    assert_int_equal(fx_ndecls(f->file, DECL_INVARIANT), 5);
    const struct ast_decl *a = fx_decl(f->file, DECL_INVARIANT, 0);
    assert_string_equal(a->title, "甲");
    assert_int_equal(a->action, ACT_DECLARE);
    assert_int_equal(a->when->op, OP_NAME);
    const struct ast_expect *e = a->expects;
    assert_int_equal(e->kind, EX_VERDICT);
    assert_string_equal(e->name.text, "V");
    assert_int_equal(e->next->kind, EX_NOT_VERDICT);
    assert_string_equal(e->next->name.text, "W");
    assert_int_equal(e->next->next->kind, EX_NOT_UNDETERMINED);
    assert_null(e->next->next->next);
    const struct ast_decl *b = fx_decl(f->file, DECL_INVARIANT, 1);
    assert_string_equal(b->title, "乙");
    assert_int_equal(b->expects->kind, EX_NOT_MEASURE);
    assert_int_equal(b->expects->next->kind, EX_UNDETERMINED);
    assert_int_equal(fx_decl(f->file, DECL_INVARIANT, 2)->expects->kind,
                     EX_MEASURE);
    assert_int_equal(fx_decl(f->file, DECL_INVARIANT, 3)->action, ACT_AMEND);
    const struct ast_decl *r = fx_decl(f->file, DECL_INVARIANT, 4);
    assert_int_equal(r->action, ACT_REPEAL);
    assert_string_equal(r->because.text, "x");
    e = f->file->tests->expects;
    assert_int_equal(e->kind, EX_NOT_VERDICT);
    assert_int_equal(e->next->kind, EX_VERDICT);
    assert_int_equal(e->next->next->kind, EX_NOT_UNDETERMINED);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(test_parser_example_declarations),
        T(test_parser_invariant),
        T(test_parser_example_facts),
        T(test_parser_example_rules),
        T(test_parser_example_verdict_and_measures),
        T(test_parser_overrides_with_prefix),
        T(test_parser_precedence_and_over_eq),
        T(test_parser_precedence_levels),
        T(test_parser_comparisons_do_not_chain),
        T(test_parser_reports_every_syntax_error),
        T(test_parser_assign_in_condition),
        T(test_parser_advice),
        T(test_parser_case_blocks),
        T(test_parser_broken_case_then_next),
        T(test_parser_verdict_line_error_recovers),
        T(test_parser_nesting_limits),
        T(test_parser_empty_and_comment_only),
        T(test_parser_stream_one_case_at_a_time),
        T(test_parser_stream_not_utf8),
        T(test_parser_stream_recovers_in_the_case),
    };
#undef T
    return cmocka_run_group_tests_name("parser", tests, NULL, NULL);
}
