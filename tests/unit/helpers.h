#ifndef TESTS_UNIT_HELPERS_H
#define TESTS_UNIT_HELPERS_H

/*
 * Shared by the unit tests: a fixture that owns one arena and the
 * diagnostics of one compilation, helpers that parse and check a rule text
 * into a plan, read the first case of a .case text into case facts, and
 * find diagnostics. Header-only; every helper is static inline.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/ast.h"
#include "engine/cases.h"
#include "engine/diag.h"
#include "engine/eval.h"
#include "engine/plan.h"
#include "engine/sbuf.h"
#include "engine/source.h"
#include "parser/parse.h"

struct fixture {
    struct arena arena;
    struct diag_list dl; /* parse and check diagnostics */
    struct ast_file *file;
    struct plan *plan;
    struct result *result; /* made on first use by fx_eval */
};

static inline int fx_setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    arena_init(&f->arena);
    diag_init(&f->dl, &f->arena);
    *state = f;
    return 0;
}

static inline int fx_teardown(void **state)
{
    struct fixture *f = *state;
    if (!f)
        return 0;
    eval_free(f->result);
    arena_free(&f->arena);
    free(f);
    *state = NULL;
    return 0;
}

/* text as a source called name (in the fixture's arena). */
static inline struct source *fx_src(struct fixture *f, const char *name,
                                    const char *text)
{
    return src_from_text(&f->arena, name, text, strlen(text), 1);
}

/* Parse text as "t.rules" into f->file; returns the number of errors. */
static inline int fx_parse(struct fixture *f, const char *text)
{
    f->file = NULL;
    int n =
        parse_source(&f->arena, &f->dl, fx_src(f, "t.rules", text), &f->file);
    assert_non_null(f->file);
    return n;
}

/* Parse and check text; the plan, or NULL when either step found errors. */
static inline struct plan *fx_check(struct fixture *f, const char *text)
{
    f->plan = NULL;
    if (fx_parse(f, text) != 0)
        return NULL;
    f->plan = check_file(&f->arena, &f->dl, f->file);
    return f->plan;
}

/* Like fx_check, but the text must check: fails the test otherwise. */
static inline struct plan *fx_plan(struct fixture *f, const char *text)
{
    struct plan *p = fx_check(f, text);
    if (!p) {
        diag_print_all(&f->dl, stderr);
        fail_msg("%s", "the rule text does not check");
    }
    return p;
}

/* The first diagnostic of severity sev whose message contains needle. */
static inline const struct diag *
fx_diag(const struct diag_list *dl, enum diag_severity sev, const char *needle)
{
    for (const struct diag *d = dl->head; d; d = d->next)
        if (d->severity == sev && strstr(d->msg, needle))
            return d;
    return NULL;
}

/* Like fx_diag, but the diagnostic must be there. */
static inline const struct diag *
fx_need(const struct diag_list *dl, enum diag_severity sev, const char *needle)
{
    const struct diag *d = fx_diag(dl, sev, needle);
    if (!d) {
        diag_print_all(dl, stderr);
        fail_msg("no diagnostic containing \"%s\"", needle);
    }
    return d;
}

static inline int fx_count(const struct diag_list *dl, enum diag_severity sev)
{
    int n = 0;
    for (const struct diag *d = dl->head; d; d = d->next)
        n += d->severity == sev;
    return n;
}

/* A fresh error list for one case, in the fixture's arena. */
static inline struct diag_list *fx_errors(struct fixture *f)
{
    struct diag_list *el = arena_alloc(&f->arena, sizeof *el);
    diag_init(el, &f->arena);
    return el;
}

/* The first case of a .case text as facts of f->plan. Syntax errors and
 * fact errors go to the case's own error list, as the command does it. */
static inline struct case_facts *fx_case(struct fixture *f, const char *text)
{
    struct diag_list *el = fx_errors(f);
    struct ast_file *file = NULL;
    parse_source(&f->arena, el, fx_src(f, "t.case", text), &file);
    assert_non_null(file);
    assert_non_null(file->cases);
    const struct ast_case *c = file->cases;
    struct case_facts *cf = cases_new(&f->arena, f->plan, el);
    cf->id = c->id.text;
    cf->title = c->title;
    cf->loc = c->loc;
    for (const struct ast_assign *s = c->facts; s; s = s->next)
        cases_set(&f->arena, f->plan, cf, &s->name, s->value);
    return cf;
}

/* Evaluate cf with the fixture's result (made on first use). */
static inline struct result *fx_eval(struct fixture *f,
                                     const struct case_facts *cf)
{
    if (!f->result)
        f->result = eval_new(f->plan);
    eval_case(f->result, cf);
    return f->result;
}

/* Parse a .case text and evaluate its first case. */
static inline struct result *fx_run(struct fixture *f, const char *text)
{
    return fx_eval(f, fx_case(f, text));
}

/* Index of the fact, conclusion, rule, measure or verdict called name;
 * fails the test when there is none. */
static inline int fx_fact(const struct plan *p, const char *name)
{
    int i = plan_fact(p, name, strlen(name));
    if (i < 0)
        fail_msg("no fact '%s'", name);
    return i;
}

static inline int fx_concl(const struct plan *p, const char *name)
{
    for (int i = 0; i < p->nconcls; i++)
        if (strcmp(p->concls[i].name, name) == 0)
            return i;
    fail_msg("no conclusion '%s'", name);
    return -1;
}

static inline int fx_rule(const struct plan *p, const char *id)
{
    for (int i = 0; i < p->nrules; i++)
        if (strcmp(p->rules[i].id, id) == 0)
            return i;
    fail_msg("no rule '%s'", id);
    return -1;
}

static inline int fx_measure(const struct plan *p, const char *id)
{
    for (int i = 0; i < p->nmeasures; i++)
        if (strcmp(p->measures[i].id, id) == 0)
            return i;
    fail_msg("no measure '%s'", id);
    return -1;
}

/* The verdict's name, or NULL when there is none. */
static inline const char *fx_verdict(const struct result *r)
{
    return r->verdict >= 0 ? r->p->verdicts.names[r->verdict] : NULL;
}

/* The missing facts, in declaration order, joined by ','. */
static inline const char *fx_missing(struct fixture *f, const struct result *r)
{
    struct sbuf b = {0};
    sb_puts(&b, "");
    for (int i = 0; i < r->p->nfacts; i++)
        if (r->missing[i]) {
            if (b.len)
                sb_putc(&b, ',');
            sb_puts(&b, r->p->facts[i].name);
        }
    char *s = arena_strdup(&f->arena, b.p);
    sb_free(&b);
    return s;
}

/* Count the declarations of kind k in a parsed file. */
static inline int fx_ndecls(const struct ast_file *file, enum ast_dkind k)
{
    int n = 0;
    for (const struct ast_decl *d = file->decls; d; d = d->next)
        n += d->kind == k;
    return n;
}

/* The n-th (from 0) declaration of kind k. */
static inline const struct ast_decl *fx_decl(const struct ast_file *file,
                                             enum ast_dkind k, int n)
{
    int left = n;
    for (const struct ast_decl *d = file->decls; d; d = d->next)
        if (d->kind == k && left-- == 0)
            return d;
    fail_msg("no declaration %d of kind %d", n, (int)k);
    return NULL;
}

/* The declaration called name. */
static inline const struct ast_decl *fx_named(const struct ast_file *file,
                                              const char *name)
{
    for (const struct ast_decl *d = file->decls; d; d = d->next)
        if (d->name.text && strcmp(d->name.text, name) == 0)
            return d;
    fail_msg("no declaration '%s'", name);
    return NULL;
}

/* The example of LANGUAGE.md §2, verbatim, and the same in the Chinese
 * keyword spellings. */
#define EXAMPLE_EN                                                                           \
    "policy \"湖北省容錯糾錯工作辦法（試行）\" version \"2022-07\"\n"         \
    "\n"                                                                                     \
    "fact 謀取私利: bool \"是否為個人或小團體謀取私利\"\n"                  \
    "fact 明知故犯: bool = false\n"                                                      \
    "fact 政策把握不準: bool\n"                                                        \
    "fact 已挽回損失: bool = false\n"                                                   \
    "fact 已整改: bool\n"                                                                 \
    "fact 被惡意誣告: bool = false\n"                                                   \
    "fact 損失金額: number 萬元 = 0          # a default makes the fact "              \
    "never unknown\n"                                                                        \
    "fact 領域: one of {基層治理, 項目建設, 營商環境, 服務群眾, 其他}\n" \
    "fact 行為: set of {接受宴請, 收受禮金, 違規用車, 未批先建}\n"         \
    "fact 決策日期: date\n"                                                              \
    "\n"                                                                                     \
    "list 政商交往負面清單 = {接受宴請, 收受禮金}\n"                         \
    "\n"                                                                                     \
    "conclusion 排除情形 \"不予容錯的情形\"\n"                                    \
    "conclusion 容錯情形 \"可以容錯的情形\"\n"                                    \
    "conclusion 免責情形\n"                                                              \
    "conclusion 減責情形\n"                                                              \
    "\n"                                                                                     \
    "rule X1 \"為個人或小團體謀取私利的，不予容錯\"\n"                      \
    "  cites \"辦法 第九條（一）\"\n"                                                \
    "  when 謀取私利\n"                                                                  \
    "  then 排除情形\n"                                                                  \
    "\n"                                                                                     \
    "rule T2 \"因政策界限不明確、缺乏經驗，在探索中出現失誤\"\n"       \
    "  cites \"辦法 第五條（二）\"\n"                                                \
    "  when 政策把握不準 and not 明知故犯\n"                                       \
    "  then 容錯情形\n"                                                                  \
    "  because \"政策界限不明確，且無明知故犯情節\"\n"                       \
    "\n"                                                                                     \
    "rule E1 \"損失已全部挽回並完成整改\"\n"                                     \
    "  when (損失金額 == 0 or 已挽回損失) and 已整改\n"                          \
    "  then 免責情形\n"                                                                  \
    "\n"                                                                                     \
    "rule R1 \"主動糾錯、及時整改\" when 已整改 then 減責情形\n"             \
    "\n"                                                                                     \
    "verdict \"處理結論\" {\n"                                                           \
    "  澄清正名 when 被惡意誣告\n"                                                  \
    "  不予容錯 when 排除情形\n"                                                     \
    "  容錯免責 when 容錯情形 and 免責情形\n"                                    \
    "  容錯減責 when 容錯情形 and 減責情形\n"                                    \
    "  otherwise 依規依紀處理\n"                                                       \
    "}\n"                                                                                    \
    "\n"                                                                                     \
    "measure 責令糾正 \"責令糾正偏差失誤\" when verdict in {容錯免責, "      \
    "容錯減責} and not 已整改\n"                                                      \
    "measure 談話提醒 when verdict == 容錯減責\n"

#define EXAMPLE_HANT                                                                           \
    "辦法 \"湖北省容錯糾錯工作辦法（試行）\" 版本 \"2022-07\"\n"            \
    "事實 謀取私利: 是非 \"是否為個人或小團體謀取私利\"\n"                \
    "事實 明知故犯: 是非 = 否\n"                                                      \
    "事實 政策把握不準: 是非\n"                                                      \
    "事實 已挽回損失: 是非 = 否\n"                                                   \
    "事實 已整改: 是非\n"                                                               \
    "事實 被惡意誣告: 是非 = 否\n"                                                   \
    "事實 損失金額: 數值 萬元 = 0\n"                                                 \
    "事實 領域: 選項 {基層治理, 項目建設, 營商環境, 服務群眾, 其他}\n" \
    "事實 行為: 多選 {接受宴請, 收受禮金, 違規用車, 未批先建}\n"         \
    "事實 決策日期: 日期\n"                                                            \
    "清單 政商交往負面清單 = {接受宴請, 收受禮金}\n"                         \
    "認定 排除情形 \"不予容錯的情形\"\n"                                          \
    "認定 容錯情形 \"可以容錯的情形\"\n"                                          \
    "認定 免責情形\n"                                                                    \
    "認定 減責情形\n"                                                                    \
    "規則 X1 \"為個人或小團體謀取私利的，不予容錯\"\n"                      \
    "  依據 \"辦法 第九條（一）\"\n"                                                 \
    "  如果 謀取私利\n"                                                                  \
    "  則 排除情形\n"                                                                     \
    "規則 T2 \"因政策界限不明確、缺乏經驗，在探索中出現失誤\"\n"       \
    "  依據 \"辦法 第五條（二）\"\n"                                                 \
    "  如果 政策把握不準 且 非 明知故犯\n"                                       \
    "  則 容錯情形\n"                                                                     \
    "  理由 \"政策界限不明確，且無明知故犯情節\"\n"                          \
    "規則 E1 \"損失已全部挽回並完成整改\"\n"                                     \
    "  如果 (損失金額 == 0 或 已挽回損失) 且 已整改\n"                         \
    "  則 免責情形\n"                                                                     \
    "規則 R1 \"主動糾錯、及時整改\" 如果 已整改 則 減責情形\n"            \
    "結論 \"處理結論\" {\n"                                                              \
    "  澄清正名 如果 被惡意誣告\n"                                                  \
    "  不予容錯 如果 排除情形\n"                                                     \
    "  容錯免責 如果 容錯情形 且 免責情形\n"                                    \
    "  容錯減責 如果 容錯情形 且 減責情形\n"                                    \
    "  否則 依規依紀處理\n"                                                            \
    "}\n"                                                                                      \
    "措施 責令糾正 \"責令糾正偏差失誤\" 如果 結論 屬於 {容錯免責, "    \
    "容錯減責} 且 非 已整改\n"                                                        \
    "措施 談話提醒 如果 結論 == 容錯減責\n"

#define EXAMPLE_HANS                                                                           \
    "办法 \"湖北省容錯糾錯工作辦法（試行）\" 版本 \"2022-07\"\n"            \
    "事实 謀取私利: 是非 \"是否為個人或小團體謀取私利\"\n"                \
    "事实 明知故犯: 是非 = 否\n"                                                      \
    "事实 政策把握不準: 是非\n"                                                      \
    "事实 已挽回損失: 是非 = 否\n"                                                   \
    "事实 已整改: 是非\n"                                                               \
    "事实 被惡意誣告: 是非 = 否\n"                                                   \
    "事实 損失金額: 数值 萬元 = 0\n"                                                 \
    "事实 領域: 选项 {基層治理, 項目建設, 營商環境, 服務群眾, 其他}\n" \
    "事实 行為: 多选 {接受宴請, 收受禮金, 違規用車, 未批先建}\n"         \
    "事实 決策日期: 日期\n"                                                            \
    "清单 政商交往負面清單 = {接受宴請, 收受禮金}\n"                         \
    "认定 排除情形 \"不予容錯的情形\"\n"                                          \
    "认定 容錯情形 \"可以容錯的情形\"\n"                                          \
    "认定 免責情形\n"                                                                    \
    "认定 減責情形\n"                                                                    \
    "规则 X1 \"為個人或小團體謀取私利的，不予容錯\"\n"                      \
    "  依据 \"辦法 第九條（一）\"\n"                                                 \
    "  如果 謀取私利\n"                                                                  \
    "  则 排除情形\n"                                                                     \
    "规则 T2 \"因政策界限不明確、缺乏經驗，在探索中出現失誤\"\n"       \
    "  依据 \"辦法 第五條（二）\"\n"                                                 \
    "  如果 政策把握不準 且 非 明知故犯\n"                                       \
    "  则 容錯情形\n"                                                                     \
    "  理由 \"政策界限不明確，且無明知故犯情節\"\n"                          \
    "规则 E1 \"損失已全部挽回並完成整改\"\n"                                     \
    "  如果 (損失金額 == 0 或 已挽回損失) 且 已整改\n"                         \
    "  则 免責情形\n"                                                                     \
    "规则 R1 \"主動糾錯、及時整改\" 如果 已整改 则 減責情形\n"            \
    "结论 \"處理結論\" {\n"                                                              \
    "  澄清正名 如果 被惡意誣告\n"                                                  \
    "  不予容錯 如果 排除情形\n"                                                     \
    "  容錯免責 如果 容錯情形 且 免責情形\n"                                    \
    "  容錯減責 如果 容錯情形 且 減責情形\n"                                    \
    "  否则 依規依紀處理\n"                                                            \
    "}\n"                                                                                      \
    "措施 責令糾正 \"責令糾正偏差失誤\" 如果 结论 属于 {容錯免責, "    \
    "容錯減責} 且 非 已整改\n"                                                        \
    "措施 談話提醒 如果 结论 == 容錯減責\n"

#endif
