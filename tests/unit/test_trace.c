/* The verdict trace (engine/trace.c, LANGUAGE.md §7): JSON Lines fields,
 * text in three languages, because texts, determinism. */

#include "helpers.h"

#include <yajl/yajl_tree.h>

#include "engine/trace.h"
#include "engine/trace_int.h"

static struct fixture *F(void **state)
{
    return *state;
}

#define RULES                                                                           \
    "fact 謀取私利: bool \"是否謀取私利\"\n"                                  \
    "fact 已整改: bool\n"                                                            \
    "fact 損失金額: number 萬元 = 0\n"                                            \
    "fact 領域: one of {基層治理, 其他}\n"                                      \
    "fact 決策日期: date\n"                                                         \
    "conclusion 排除情形\n"                                                         \
    "conclusion 容錯情形 \"可以容錯\"\n"                                        \
    "conclusion 例外\n"                                                               \
    "rule X1 \"謀私\" cites \"第九條\" when 謀取私利 then 排除情形\n"      \
    "rule T2 \"探索失誤\" cites \"第五條\", \"第六條\"\n"                     \
    "  when not 謀取私利 and 損失金額 < 100 then 容錯情形\n"                \
    "  because \"損失 {損失金額}，已整改：{已整改}，領域 {領域}\"\n" \
    "rule O1 when 領域 == 其他 then 例外 overrides T2\n"                          \
    "verdict \"處理結論\" {\n"                                                      \
    "  不予容錯 when 排除情形\n"                                                \
    "  容錯 when 容錯情形 and 已整改\n"                                        \
    "  otherwise 依規處理\n"                                                        \
    "}\n"                                                                               \
    "measure 談話 \"談話提醒\" when verdict in {容錯} or not 已整改\n"

#define C1                                                                                \
    "case \"C1\" \"一\" { 謀取私利 = false, 已整改 = true, 損失金額 = 12.5, " \
    "領域 = 基層治理 }"
#define C2 "case \"C2\" { 謀取私利 = false }"
#define C3 "case \"C3\" { 謀取私利 = false, 已整改 = true, 領域 = 其他 }"
#define C4 "case \"C4\" {\n  謀取私利 = 3\n}"
#define C5 "case \"C5\" { 謀取私利 = false, 領域 = 基層治理 }"

/* The trace of the case as text in lang, in the fixture's arena. */
static const char *text_of(struct fixture *f, const char *c, enum lang lang)
{
    const struct result *r = fx_run(f, c);
    struct sbuf b = {0};
    trace_text(r, lang, &b);
    char *s = arena_strdup(&f->arena, b.p);
    sb_free(&b);
    return s;
}

static const char *json_of(struct fixture *f, const char *c, enum lang lang)
{
    const struct result *r = fx_run(f, c);
    struct sbuf b = {0};
    trace_json(r, lang, &b);
    char *s = arena_strdup(&f->arena, b.p);
    sb_free(&b);
    return s;
}

static void assert_has(const char *text, const char *part)
{
    if (!strstr(text, part))
        fail_msg("no \"%s\" in:\n%s", part, text);
}

static void assert_lacks(const char *text, const char *part)
{
    if (strstr(text, part))
        fail_msg("\"%s\" should not be in:\n%s", part, text);
}

/* One JSON line: exactly one newline, at the end; parsed. */
static yajl_val parse_line(const char *s)
{
    size_t n = strlen(s);
    assert_true(n > 1);
    assert_int_equal(s[n - 1], '\n');
    assert_ptr_equal(strchr(s, '\n'), s + n - 1);
    char err[256];
    yajl_val v = yajl_tree_parse(s, err, sizeof err);
    if (!v)
        fail_msg("not JSON (%s): %s", err, s);
    assert_true(YAJL_IS_OBJECT(v));
    return v;
}

static yajl_val get(yajl_val v, const char *k1, const char *k2)
{
    const char *path[] = {k1, k2, NULL};
    yajl_val x = yajl_tree_get(v, path, yajl_t_any);
    if (!x)
        fail_msg("no field %s%s%s", k1, k2 ? "." : "", k2 ? k2 : "");
    return x;
}

static void assert_str(yajl_val v, const char *k1, const char *k2,
                       const char *want)
{
    yajl_val x = get(v, k1, k2);
    assert_true(YAJL_IS_STRING(x));
    assert_string_equal(YAJL_GET_STRING(x), want);
}

/* The array at k1 holds exactly these strings (NULL-terminated). */
static void assert_strings(yajl_val v, const char *k1, const char *const *want)
{
    yajl_val x = get(v, k1, NULL);
    assert_true(YAJL_IS_ARRAY(x));
    size_t n = 0;
    while (want[n])
        n++;
    assert_int_equal(YAJL_GET_ARRAY(x)->len, n);
    for (size_t i = 0; i < n; i++) {
        yajl_val e = YAJL_GET_ARRAY(x)->values[i];
        assert_true(YAJL_IS_STRING(e));
        assert_string_equal(YAJL_GET_STRING(e), want[i]);
    }
}

/* The object's keys, in order, are these (NULL-terminated). */
static void assert_keys(yajl_val v, const char *const *want)
{
    size_t n = 0;
    while (want[n])
        n++;
    assert_int_equal(YAJL_GET_OBJECT(v)->len, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(YAJL_GET_OBJECT(v)->keys[i], want[i]);
}

static void test_trace_json_decided(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES);
    yajl_val v = parse_line(json_of(f, C1, LANG_EN));
    static const char *const keys[] = {
        "case",     "title", "source",     "rules",   "status",  "verdict",
        "measures", "fired", "overridden", "missing", "reasons", NULL};
    assert_keys(v, keys);
    assert_str(v, "case", NULL, "C1");
    assert_str(v, "title", NULL, "一");
    assert_str(v, "status", NULL, "decided");
    assert_str(v, "verdict", NULL, "容錯");
    assert_str(v, "source", "file", "t.case");
    assert_int_equal(YAJL_GET_INTEGER(get(v, "source", "line")), 1);
    static const char *const measures[] = {"談話", NULL};
    assert_strings(v, "measures", measures);
    static const char *const fired[] = {"T2", NULL};
    assert_strings(v, "fired", fired);
    static const char *const none[] = {NULL};
    assert_strings(v, "overridden", none);
    assert_strings(v, "missing", none);
    yajl_val line = get(v, "reasons", "line");
    assert_true(YAJL_IS_OBJECT(line));
    assert_int_equal(YAJL_GET_INTEGER(get(line, "index", NULL)), 2);
    assert_str(line, "verdict", NULL, "容錯");
    assert_str(line, "condition", NULL, "容錯情形 and 已整改");
    assert_int_equal(YAJL_GET_INTEGER(get(line, "line", NULL)), 16);
    assert_true(YAJL_IS_TRUE(get(line, "is", NULL)));
    /* the rule behind the finding, with its because text and facts */
    yajl_val concl =
        YAJL_GET_ARRAY(get(v, "reasons", "conclusions"))->values[0];
    assert_str(concl, "name", NULL, "容錯情形");
    yajl_val rule = YAJL_GET_ARRAY(get(concl, "rules", NULL))->values[0];
    assert_str(rule, "id", NULL, "T2");
    assert_str(rule, "because", NULL,
               "損失 12.5 萬元，已整改：true，領域 基層治理");
    static const char *const cites[] = {"第五條", "第六條", NULL};
    assert_strings(rule, "cites", cites);
    yajl_val loss = YAJL_GET_ARRAY(get(rule, "facts", NULL))->values[1];
    assert_str(loss, "name", NULL, "損失金額");
    assert_true(YAJL_IS_NUMBER(get(loss, "value", NULL)));
    assert_str(loss, "from", NULL, "case");
    yajl_tree_free(v);
}

static void test_trace_json_undetermined(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES);
    yajl_val v = parse_line(json_of(f, C2, LANG_EN));
    assert_str(v, "status", NULL, "undetermined");
    assert_true(YAJL_IS_NULL(get(v, "verdict", NULL)));
    assert_true(YAJL_IS_NULL(get(v, "title", NULL)));
    static const char *const missing[] = {"已整改", "領域", NULL};
    assert_strings(v, "missing", missing);
    /* T2 fires (LANGUAGE.md §3); whether O1 overrides it is unknown */
    static const char *const fired[] = {"T2", NULL};
    assert_strings(v, "fired", fired);
    assert_strings(v, "overridden", fired);
    assert_true(YAJL_IS_NULL(get(get(v, "reasons", "line"), "is", NULL)));
    yajl_val m = YAJL_GET_ARRAY(get(v, "reasons", "missing"))->values[0];
    assert_str(m, "name", NULL, "已整改");
    assert_null(yajl_tree_get(v, (const char *[]){"errors", NULL}, yajl_t_any));
    yajl_tree_free(v);
}

static void test_trace_json_overridden(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES);
    yajl_val v = parse_line(json_of(f, C3, LANG_EN));
    assert_str(v, "verdict", NULL, "依規處理");
    /* an overridden rule fired all the same (LANGUAGE.md §3) */
    static const char *const fired[] = {"T2", "O1", NULL};
    assert_strings(v, "fired", fired);
    static const char *const over[] = {"T2", NULL};
    assert_strings(v, "overridden", over);
    yajl_val o = YAJL_GET_ARRAY(get(v, "reasons", "overridden"))->values[0];
    assert_str(o, "rule", NULL, "T2");
    assert_true(YAJL_IS_FALSE(get(o, "effect", NULL)));
    yajl_val by = YAJL_GET_ARRAY(get(o, "by", NULL))->values[0];
    assert_str(by, "rule", NULL, "O1");
    assert_true(YAJL_IS_TRUE(get(by, "condition", NULL)));
    yajl_tree_free(v);
}

static void test_trace_json_error_case(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES);
    yajl_val v = parse_line(json_of(f, C4, LANG_EN));
    static const char *const keys[] = {
        "case",    "title",    "source", "rules",      "status",
        "verdict", "measures", "fired",  "overridden", "missing",
        "reasons", "errors",   NULL};
    assert_keys(v, keys);
    assert_str(v, "case", NULL, "C4");
    assert_str(v, "status", NULL, "error");
    assert_true(YAJL_IS_NULL(get(v, "verdict", NULL)));
    assert_true(YAJL_IS_NULL(get(v, "reasons", NULL)));
    yajl_val errs = get(v, "errors", NULL);
    assert_int_equal(YAJL_GET_ARRAY(errs)->len, 1);
    yajl_val e = YAJL_GET_ARRAY(errs)->values[0];
    assert_str(e, "file", NULL, "t.case");
    assert_int_equal(YAJL_GET_INTEGER(get(e, "line", NULL)), 2);
    assert_int_equal(YAJL_GET_INTEGER(get(e, "column", NULL)), 10);
    assert_str(e, "severity", NULL, "error");
    yajl_val msg = get(e, "message", NULL);
    assert_true(YAJL_IS_STRING(msg));
    assert_has(msg->u.string, "fact '謀取私利' takes");
    yajl_tree_free(v);
}

static void test_trace_json_evaluation_error(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, "fact x: number\n"
               "conclusion K\n"
               "rule R when 1 / x > 0 then K\n"
               "verdict { v when K otherwise w }\n");
    yajl_val v = parse_line(json_of(f, "case z { x = 0 }", LANG_EN));
    assert_str(v, "status", NULL, "error");
    assert_true(YAJL_IS_NULL(get(v, "verdict", NULL)));
    yajl_val e = YAJL_GET_ARRAY(get(v, "errors", NULL))->values[0];
    assert_str(e, "message", NULL, "division by zero");
    assert_str(e, "file", NULL, "t.rules");
    assert_int_equal(YAJL_GET_INTEGER(get(e, "line", NULL)), 3);
    yajl_tree_free(v);
}

static void test_trace_json_escapes_strings(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES);
    yajl_val v = parse_line(
        json_of(f, "case \"q\\\"1\" \"引號\\\" 和 \\\\ 反斜線\" { }", LANG_EN));
    assert_str(v, "case", NULL, "q\"1");
    assert_str(v, "title", NULL, "引號\" 和 \\ 反斜線");
    yajl_tree_free(v);
}

static void test_trace_json_condition_language(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES);
    static const char *const want[] = {
        "verdict in {容錯} or not 已整改",
        "結論 屬於 {容錯} 或 非 已整改",
        "结论 属于 {容錯} 或 非 已整改",
    };
    for (int l = LANG_EN; l <= LANG_ZH_HANS; l++) {
        yajl_val v = parse_line(json_of(f, C1, (enum lang)l));
        yajl_val m = YAJL_GET_ARRAY(get(v, "reasons", "measures"))->values[0];
        assert_str(m, "id", NULL, "談話");
        assert_str(m, "condition", NULL, want[l]);
        yajl_tree_free(v);
    }
}

static void test_trace_text_english(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES);
    const char *t = text_of(f, C1, LANG_EN);
    assert_has(t, "case C1 \"一\"  t.case:1\n");
    assert_has(t, "  verdict: 容錯  t.rules:16: 容錯情形 and 已整改\n");
    assert_has(t, "  measures:\n    談話 \"談話提醒\"  t.rules:19\n");
    assert_has(t, "  lines not taken:\n");
    assert_has(t, "排除情形 is false");
    assert_has(t, "  findings:\n    容錯情形 \"可以容錯\"\n");
    assert_has(t, "      rule T2 \"探索失誤\"  t.rules:10\n");
    assert_has(t, "        cites: 第五條\n        cites: 第六條\n");
    assert_has(t, "        because: 損失 12.5 萬元，已整改：true，"
                  "領域 基層治理\n");
    assert_has(t, "        facts: 謀取私利 = false (t.case:1); "
                  "損失金額 = 12.5 萬元 (t.case:1)\n");
    assert_lacks(t, "結論");
    assert_lacks(t, "規則");
    t = text_of(f, C2, LANG_EN);
    assert_has(t, "  verdict: undetermined  (容錯  t.rules:16: "
                  "容錯情形 and 已整改 is unknown)\n");
    assert_has(t, "  missing facts, most decisive first:\n"
                  "    已整改 (bears on 1 verdict line)\n"
                  "    領域 (bears on 1 verdict line)\n");
    assert_has(t, "  measures: none\n");
    assert_has(t, "perhaps overridden by rule O1");
}

static void test_trace_text_traditional(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES);
    const char *t = text_of(f, C1, LANG_ZH_HANT);
    assert_has(t, "案件 C1 \"一\"  t.case:1\n");
    assert_has(t, "  結論: 容錯  t.rules:16: 容錯情形 且 已整改\n");
    assert_has(t, "  措施:\n");
    assert_has(t, "  未適用的結論行:\n");
    assert_has(t, "排除情形 不成立");
    assert_has(t, "  認定:\n");
    assert_has(t, "      規則 T2 \"探索失誤\"  t.rules:10\n");
    assert_has(t, "        依據: 第五條\n");
    assert_has(t, "        理由: 損失 12.5 萬元，已整改：是，領域 基層治理\n");
    assert_has(t, "        事實: 謀取私利 = 否 (t.case:1)");
    assert_lacks(t, "verdict");
    assert_lacks(t, " and ");
    assert_lacks(t, "规则");
    t = text_of(f, C2, LANG_ZH_HANT);
    assert_has(t, "  結論: 待定  (容錯  t.rules:16: 容錯情形 且 已整改 "
                  "未能確定)\n");
    assert_has(t, "  缺少的事實（最具決定性者在前）:\n"
                  "    已整改 (涉及 1 個結論行)\n"
                  "    領域 (涉及 1 個結論行)\n");
    assert_has(t, "  措施: 無\n");
    t = text_of(f, C3, LANG_ZH_HANT);
    assert_has(t, "t.rules:17: 否則\n");
    assert_has(t, "  被優先規則排除:\n");
    assert_has(t, "優先適用 規則 O1");
}

static void test_trace_text_simplified(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES);
    const char *t = text_of(f, C1, LANG_ZH_HANS);
    assert_has(t, "案件 C1 \"一\"  t.case:1\n");
    assert_has(t, "  结论: 容錯  t.rules:16: 容錯情形 且 已整改\n");
    assert_has(t, "  未适用的结论行:\n");
    assert_has(t, "  认定:\n");
    assert_has(t, "      规则 T2 \"探索失誤\"  t.rules:10\n");
    assert_has(t, "        依据: 第五條\n");
    assert_has(t, "        事实: 謀取私利 = 否 (t.case:1)");
    assert_lacks(t, "結論:");
    assert_lacks(t, "規則 ");
    assert_lacks(t, "verdict");
    t = text_of(f, C2, LANG_ZH_HANS);
    assert_has(t, "  缺少的事实（最具决定性者在前）:\n"
                  "    已整改 (涉及 1 个结论行)\n"
                  "    領域 (涉及 1 个结论行)\n");
    assert_has(t, "  措施: 无\n");
    assert_has(t, "未能确定)\n");
    t = text_of(f, C3, LANG_ZH_HANS);
    assert_has(t, "t.rules:17: 否则\n");
    assert_has(t, "  被优先规则排除:\n");
}

static void test_trace_text_error_case(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES);
    const char *t = text_of(f, C4, LANG_EN);
    assert_has(t, "case C4  t.case:1\n  rule set: t.rules\n  verdict: error\n");
    assert_has(t, "t.case:2:10: error: fact '謀取私利' takes");
    assert_lacks(t, "measures");
    t = text_of(f, C4, LANG_ZH_HANT);
    assert_has(t, "  結論: 錯誤\n");
}

static void test_trace_because_interpolation(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES);
    /* T2 fires with 已整改 unknown: the because text says so */
    const char *t = text_of(f, C5, LANG_EN);
    assert_has(t, "because: 損失 0 萬元，已整改：unknown，領域 基層治理\n");
    assert_has(t, "損失金額 = 0 萬元 (default)");
    t = text_of(f, C5, LANG_ZH_HANT);
    assert_has(t, "理由: 損失 0 萬元，已整改：未知，領域 基層治理\n");
    assert_has(t, "損失金額 = 0 萬元 (預設)");
    t = text_of(f, C5, LANG_ZH_HANS);
    assert_has(t, "損失金額 = 0 萬元 (默认)");
}

static void test_trace_no_line_applied(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, "fact a: bool\n"
               "conclusion A\n"
               "rule RA when a then A\n"
               "verdict { v1 when A }\n");
    const char *t = text_of(f, "case k { a = false }", LANG_EN);
    assert_has(t, "  verdict: none: no line of the verdict table applied\n");
    assert_has(t, "v1  t.rules:4: A is false");
    t = text_of(f, "case k { a = false }", LANG_ZH_HANT);
    assert_has(t, "結論: 無：處理結論表中沒有一行適用\n");
    yajl_val v = parse_line(json_of(f, "case k { a = false }", LANG_EN));
    assert_str(v, "status", NULL, "decided");
    assert_true(YAJL_IS_NULL(get(v, "verdict", NULL)));
    assert_true(YAJL_IS_NULL(get(v, "reasons", "line")));
    yajl_tree_free(v);
}

static void test_trace_deterministic(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, RULES);
    static const char *const cases[] = {C1, C2, C3, C4, C5};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct case_facts *cf = fx_case(f, cases[i]);
        struct result *r = fx_eval(f, cf);
        struct result *r2 = eval_new(p);
        for (int l = LANG_EN; l <= LANG_ZH_HANS; l++) {
            struct sbuf a = {0}, b = {0}, c = {0};
            trace_text(r, (enum lang)l, &a);
            trace_json(r, (enum lang)l, &a);
            trace_text(r, (enum lang)l, &b);
            trace_json(r, (enum lang)l, &b);
            /* a fresh evaluation of the same case, with another result */
            eval_case(r2, cf);
            trace_text(r2, (enum lang)l, &c);
            trace_json(r2, (enum lang)l, &c);
            assert_int_equal(a.len, b.len);
            assert_memory_equal(a.p, b.p, a.len);
            assert_int_equal(a.len, c.len);
            assert_memory_equal(a.p, c.p, a.len);
            sb_free(&a);
            sb_free(&b);
            sb_free(&c);
        }
        eval_free(r2);
    }
}

/* What a result keeps of its traces is kept per language: a result
 * that wrote a case in the other languages first writes it as a new one
 * does, in text and in JSON. */
static void test_trace_kept_per_language(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, RULES);
    static const char *const cases[] = {C1, C2, C3, C4, C5};
    for (int l = LANG_EN; l <= LANG_ZH_HANS; l++) {
        struct result *used = eval_new(p);
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            struct case_facts *cf = fx_case(f, cases[i]);
            struct result *fresh = eval_new(p);
            struct sbuf a = {0}, b = {0};
            eval_case(used, cf);
            for (int o = LANG_EN; o <= LANG_ZH_HANS; o++)
                if (o != l) {
                    trace_text(used, (enum lang)o, &a);
                    trace_json(used, (enum lang)o, &a);
                }
            a.len = 0;
            trace_text(used, (enum lang)l, &a);
            trace_json(used, (enum lang)l, &a);
            eval_case(fresh, cf);
            trace_text(fresh, (enum lang)l, &b);
            trace_json(fresh, (enum lang)l, &b);
            assert_int_equal(a.len, b.len);
            assert_memory_equal(a.p, b.p, a.len);
            sb_free(&a);
            sb_free(&b);
            eval_free(fresh);
        }
        eval_free(used);
    }
}

static void test_trace_expr_round_trip(void **state)
{
    struct fixture *f = F(state);
    static const char *const conds[] = {
        "(a or b) and c",
        "a or b and c",
        "not (a and b)",
        "x - (y - 1) > 0",
        "x - y - 1 > 0",
        "-(x + y) * 2 <= 3 / (x * y)",
        "s contains any {p, q} and not t is known",
        "d >= 2023-05-01 and x != 0.05",
    };
    for (size_t i = 0; i < sizeof conds / sizeof conds[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "rule R when %s then K\n", conds[i]);
        assert_int_equal(fx_parse(f, text), 0);
        struct sbuf b = {0};
        show_ast_expr(fx_named(f->file, "R")->when, LANG_EN, &b);
        assert_string_equal(b.p, conds[i]);
        sb_free(&b);
    }
    assert_int_equal(fx_parse(f, "rule R when not a is known and x in {p} "
                                 "or y == true then K\n"),
                     0);
    static const char *const want[] = {
        "not a is known and x in {p} or y == true",
        "非 a 已查明 且 x 屬於 {p} 或 y == 是",
        "非 a 已查明 且 x 属于 {p} 或 y == 是",
    };
    for (int l = LANG_EN; l <= LANG_ZH_HANS; l++) {
        struct sbuf b = {0};
        show_ast_expr(fx_named(f->file, "R")->when, (enum lang)l, &b);
        assert_string_equal(b.p, want[l]);
        sb_free(&b);
    }
}

/* The JSON trace writes a because text exactly as sb_json writes the
 * text trace_because makes: the literal parts escaped once, the values
 * filled in (quotes, backslashes) escaped case by case. */
static void test_trace_json_because_escapes(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p =
        fx_plan(f, "fact a: bool\n"
                   "fact t: text\n"
                   "conclusion K\n"
                   "rule R when a then K because \"說 \\\"{t}\\\" \\\\ {a}\"\n"
                   "verdict { v when K otherwise w }\n");
    for (int round = 0; round < 2; round++) { /* made, then from the memo */
        struct result *r =
            fx_eval(f, fx_case(f, round ? "case k { a = true, t = \"x\" }"
                                        : "case k { a = true, t = "
                                          "\"引\\\"號\\\\ \" }"));
        struct sbuf plain = {0}, want = {0}, got = {0};
        trace_because(r, p->rules[0].because, p->rules[0].nbecause, LANG_EN,
                      &plain);
        sb_puts(&want, "\"because\":");
        sb_json(&want, plain.p);
        assert_non_null(strstr(plain.p, round ? "\"x\"" : "號\\"));
        trace_json(r, LANG_EN, &got);
        assert_has(got.p, want.p);
        sb_free(&plain);
        sb_free(&want);
        sb_free(&got);
    }
}

/* The first case of text, read as the file name. */
static struct case_facts *case_in(struct fixture *f, const char *name,
                                  const char *text)
{
    struct ast_file *file = NULL;
    parse_source(&f->arena, fx_errors(f), fx_src(f, name, text), &file);
    assert_non_null(file);
    const struct ast_case *c = file->cases;
    struct case_facts *cf = cases_new(&f->arena, f->plan, fx_errors(f));
    cf->id = c->id.text;
    cf->loc = c->loc;
    for (const struct ast_assign *s = c->facts; s; s = s->next)
        cases_set(&f->arena, f->plan, cf, &s->name, s->value);
    return cf;
}

/* The file of a case and of its facts, kept from one case to the next,
 * follows the case when it comes from another file. */
static void test_trace_json_case_files(void **state)
{
    struct fixture *f = F(state);
    fx_plan(f, RULES);
    static const char *const names[] = {"a.case", "a.case", "b\"1.case",
                                        "a.case"};
    static const char *const want[] = {"\"file\":\"a.case\",\"line\":1",
                                       "\"file\":\"a.case\",\"line\":1",
                                       "\"file\":\"b\\\"1.case\",\"line\":1",
                                       "\"file\":\"a.case\",\"line\":1"};
    for (int k = 0; k < 4; k++) {
        struct result *r = fx_eval(f, case_in(f, names[k], C1));
        struct sbuf b = {0};
        trace_json(r, LANG_EN, &b);
        const char *src = strstr(b.p, "\"source\":{");
        assert_non_null(src);
        assert_memory_equal(src + 10, want[k], strlen(want[k]));
        assert_has(strstr(b.p, "\"facts\":["), want[k]);
        for (int j = 0; j < 4; j++)
            if (strcmp(want[j], want[k]) != 0)
                assert_lacks(b.p, want[j]);
        sb_free(&b);
    }
}

static void test_trace_values(void **state)
{
    struct fixture *f = F(state);
    const struct plan *p = fx_plan(f, "fact n: number 元\n"
                                      "fact s: set of {甲, 乙, 丙}\n"
                                      "fact d: date\n"
                                      "fact t: text\n"
                                      "fact o: one of {甲選, 其他}\n"
                                      "conclusion K\n"
                                      "rule R when n > 0 then K\n"
                                      "verdict { v when K otherwise w }\n");
    struct case_facts *cf = fx_case(f, "case k { n = 0.05, s = {丙, 甲}, "
                                       "d = 2024-02-29, t = \"說 \\\"明\\\"\", "
                                       "o = 其他 }");
    assert_int_equal(cf->errors->errors, 0);
    static const char *const want[] = {"0.05 元", "{甲, 丙}", "2024-02-29",
                                       "\"說 \"明\"\"", "其他"};
    for (int i = 0; i < 5; i++) {
        struct sbuf b = {0};
        trace_value(&p->facts[i], &cf->vals[i], LANG_EN, &b);
        assert_string_equal(b.p, want[i]);
        sb_free(&b);
    }
    struct value unknown = {0};
    struct sbuf b = {0};
    trace_value(&p->facts[0], &unknown, LANG_ZH_HANS, &b);
    assert_string_equal(b.p, "未知");
    /* a fraction that has no decimal form is a string in JSON */
    struct case_facts *g = fx_case(f, "case k { n = 1 }");
    g->vals[0].u.num = (struct num){1, 3};
    struct result *r = fx_eval(f, g);
    struct sbuf j = {0};
    trace_json(r, LANG_EN, &j);
    yajl_val v = parse_line(j.p);
    yajl_val c = YAJL_GET_ARRAY(get(v, "reasons", "conclusions"))->values[0];
    yajl_val rule = YAJL_GET_ARRAY(get(c, "rules", NULL))->values[0];
    yajl_val n = YAJL_GET_ARRAY(get(rule, "facts", NULL))->values[0];
    assert_str(n, "value", NULL, "1/3");
    yajl_tree_free(v);
    sb_free(&j);
    b.len = 0;
    trace_value(&p->facts[0], &g->vals[0], LANG_EN, &b);
    assert_string_equal(b.p, "1/3 元");
    sb_free(&b);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(test_trace_json_decided),
        T(test_trace_json_undetermined),
        T(test_trace_json_overridden),
        T(test_trace_json_error_case),
        T(test_trace_json_evaluation_error),
        T(test_trace_json_escapes_strings),
        T(test_trace_json_condition_language),
        T(test_trace_json_because_escapes),
        T(test_trace_json_case_files),
        T(test_trace_text_english),
        T(test_trace_text_traditional),
        T(test_trace_text_simplified),
        T(test_trace_text_error_case),
        T(test_trace_because_interpolation),
        T(test_trace_no_line_applied),
        T(test_trace_deterministic),
        T(test_trace_kept_per_language),
        T(test_trace_expr_round_trip),
        T(test_trace_values),
    };
#undef T
    return cmocka_run_group_tests_name("trace", tests, NULL, NULL);
}
