#include "parser/syntax.h"

#include <stdio.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/lang.h"
#include "engine/msg.h"
#include "parser.h"
#include "parser/parse.h"

/* One digit, ASCII or full-width, at t: its value and its length in
 * *len; -1 when there is none. */
static int digit_at(const char *t, size_t n, size_t *len)
{
    const unsigned char *u = (const unsigned char *)t;
    if (n >= 1 && u[0] >= '0' && u[0] <= '9')
        return *len = 1, u[0] - '0';
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99)
        return *len = 3, u[2] - 0x90;
    return -1;
}

/* From min to max digits at t: their bytes (0 for fewer), value in *v. */
static size_t number_at(const char *t, size_t n, int min, int max, int *v)
{
    size_t i = 0, len;
    int count = 0, d;
    *v = 0;
    while (count < max && (d = digit_at(t + i, n - i, &len)) >= 0) {
        *v = *v * 10 + d;
        i += len;
        count++;
    }
    return count >= min ? i : 0;
}

/* The length of the separator p at t (or of any date separator, -, /,
 * . and their full-width forms, when p is NULL); 0 for none. */
static size_t sep_at(const char *t, size_t n, const char *p)
{
    static const char *const seps[] = {"-", "/", ".", "－", "／", "．"};
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        const char *x = p ? p : seps[k];
        size_t l = strlen(x);
        if (l <= n && memcmp(t, x, l) == 0)
            return l;
        if (p)
            return 0;
    }
    return 0;
}

size_t syntax_date(const char *t, size_t n, char iso[16])
{
    int y, m, d;
    size_t i = number_at(t, n, 4, 4, &y), k;
    if (!i)
        return 0;
    bool cn = sep_at(t + i, n - i, "年") > 0;
    const char *const mark[3] = {"年", "月", "日"};
    for (int part = 0; part < 2; part++) {
        size_t s = sep_at(t + i, n - i, cn ? mark[part] : NULL);
        if (!s ||
            !(k = number_at(t + i + s, n - i - s, 1, 2, part == 0 ? &m : &d)))
            return 0;
        i += s + k;
    }
    if (cn) {
        if (!(k = sep_at(t + i, n - i, mark[2])))
            return 0;
        i += k;
    }
    snprintf(iso, 16, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
    return i;
}

/* The tokens of the grammar that are words, not keywords, by name. */
static const struct {
    const char *name;
    enum msg m;
    bool shown; /* the Chinese shows the author's text after the word */
} words[] = {
    {"end of file", MSG_tok_end, false},
    {"name", MSG_tok_name, true},
    {"rule ID", MSG_tok_rule_id, true},
    {"rule ID prefix", MSG_tok_prefix, true},
    {"string", MSG_tok_string, false},
    {"number", MSG_tok_number, true},
    {"date", MSG_tok_date, true},
    {"the start of a value", MSG_tok_value_start, false},
};

static int word_of(const char *name)
{
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* The keyword a token name stands for ("'then' (則)" → KW_THEN), or -1. */
static int sym_kw(const char *name)
{
    if (name[0] != '\'')
        return -1;
    const char *end = strchr(name + 1, '\'');
    if (!end || end == name + 1)
        return -1;
    return kw_lookup(name + 1, (size_t)(end - name - 1), NULL);
}

/* The token called name, in the Chinese lang, as it is spelled there. */
static const char *sym_zh(struct arena *a, const char *name, enum lang lang)
{
    int w = word_of(name);
    if (w >= 0)
        return msg_fmt(words[w].m, lang);
    int k = sym_kw(name);
    if (k >= 0)
        return arena_printf(a, msg_fmt(MSG_syntax_quoted, lang),
                            kw_text((enum kw)k, lang));
    size_t n = strlen(name);
    if (n >= 3 && name[0] == '\'' && name[n - 1] == '\'')
        return arena_printf(a, msg_fmt(MSG_syntax_quoted, lang),
                            arena_strndup(a, name + 1, n - 2));
    return arena_printf(a, msg_fmt(MSG_syntax_quoted, lang), name);
}

/* The byte offset in the source of loc's start. */
static size_t loc_offset(const struct src_loc *loc)
{
    size_t len;
    const char *line = src_line(loc->src, loc->first_line, &len);
    return (size_t)(line - loc->src->text) +
           utf8_offset(line, len, loc->first_column);
}

/* The text of loc when it is on one line of a file that may be quoted,
 * else NULL. */
static const char *loc_text(struct arena *a, const struct src_loc *loc)
{
    if (!loc->src || loc->src->hidden || loc->first_line != loc->last_line ||
        loc->last_column <= loc->first_column)
        return NULL;
    size_t len;
    const char *line = src_line(loc->src, loc->first_line, &len);
    size_t b = utf8_offset(line, len, loc->first_column);
    size_t e = utf8_offset(line, len, loc->last_column);
    return e > b ? arena_strndup(a, line + b, e - b) : NULL;
}

/* The unexpected token in the Chinese lang: as the author wrote it. */
static const char *unexpected_zh(struct parse_ctx *c,
                                 const struct syntax_error *e, enum lang lang)
{
    int w = word_of(e->unexpected);
    const char *text = w == 0 ? NULL : loc_text(c->arena, &e->loc);
    if (!text || (w >= 0 && !words[w].shown))
        return sym_zh(c->arena, e->unexpected, lang);
    const char *f =
        msg_fmt(w >= 0 ? MSG_syntax_named : MSG_syntax_quoted, lang);
    return w >= 0 ? arena_printf(c->arena, f, msg_fmt(words[w].m, lang), text)
                  : arena_printf(c->arena, f, text);
}

/* The message of e in lang (0 English, as bison words it). */
static const char *generic_in(struct parse_ctx *c, const struct syntax_error *e,
                              enum lang lang)
{
    struct arena *a = c->arena;
    if (!e->unexpected)
        return msg_fmt(MSG_syntax_error, lang);
    const char *u = lang == LANG_EN ? e->unexpected : unexpected_zh(c, e, lang);
    if (e->nexpected == 0 || e->nexpected > 4)
        return arena_printf(a, msg_fmt(MSG_syntax_unexpected, lang), u);
    const char *list = NULL;
    for (int i = 0; i < e->nexpected; i++) {
        const char *x =
            lang == LANG_EN ? e->expected[i] : sym_zh(a, e->expected[i], lang);
        list =
            list ? arena_printf(a, msg_fmt(MSG_syntax_or, lang), list, x) : x;
    }
    return arena_printf(a, msg_fmt(MSG_syntax_expecting, lang), u, list);
}

/* d belongs to the case being read, which is broken. */
static void own(struct parse_ctx *c, struct diag *d)
{
    d->owner = c->open_case;
    if (c->open_case)
        c->open_case->broken = true;
}

static void generic(struct parse_ctx *c, const struct syntax_error *e)
{
    const char *t[3];
    for (int k = 0; k < 3; k++)
        t[k] = generic_in(c, e, (enum lang)k);
    struct diag_list *dl = c->diags;
    struct diag *d = diag_add(dl, DIAG_ERROR, &e->loc, t[dl->lang]);
    if (d != &dl->sink) {
        d->code = e->unexpected ? MSG_syntax_unexpected : MSG_syntax_error;
        for (int k = 0; k < 3; k++)
            d->msgs[k] = t[k];
    }
    own(c, d);
}

static bool expects(const struct syntax_error *e, const char *name)
{
    for (int i = 0; i < e->nexpected; i++)
        if (strcmp(e->expected[i], name) == 0)
            return true;
    return false;
}

static bool expects_kw(const struct syntax_error *e, enum kw k)
{
    for (int i = 0; i < e->nexpected; i++)
        if (sym_kw(e->expected[i]) == (int)k)
            return true;
    return false;
}

/* Whether the byte at s starts a separator between words: ASCII other
 * than letters, digits and _, or full-width and CJK punctuation. */
static size_t sep_len(const unsigned char *s, size_t left)
{
    if (s[0] < 0x80)
        return (s[0] >= '0' && s[0] <= '9') || (s[0] >= 'A' && s[0] <= 'Z') ||
                       (s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'
                   ? 0
                   : 1;
    if (left >= 3 && (s[0] == 0xE3 && s[1] == 0x80))
        return 3;
    if (left >= 3 && s[0] == 0xEF && (s[1] == 0xBC || s[1] == 0xBD))
        return 3;
    if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80) /* “ ” … */
        return 3;
    return 0;
}

/* The first keyword in the source from byte from, before byte to: its
 * number (KW_…), its offset in *at; -1 when there is none. */
static int next_kw(const struct source *src, size_t from, size_t to, size_t *at)
{
    const unsigned char *t = (const unsigned char *)src->text;
    size_t i = from;
    while (i < to) {
        size_t s = sep_len(t + i, to - i);
        if (s) {
            i += s;
            continue;
        }
        size_t w = i;
        while (i < to && !sep_len(t + i, to - i))
            i++;
        int k = kw_lookup(src->text + w, i - w, NULL);
        if (k >= 0) {
            *at = w;
            return k;
        }
    }
    return -1;
}

void syntax_count_keywords(const struct source *src, int counts[4])
{
    size_t at;
    for (size_t i = 0; i < src->len;) {
        int k = next_kw(src, i, src->len, &at);
        if (k < 0)
            return;
        enum lang lang;
        size_t e = at;
        while (e < src->len &&
               !sep_len((const unsigned char *)src->text + e, src->len - e))
            e++;
        kw_lookup(src->text + at, e - at, &lang);
        counts[lang]++;
        i = e;
    }
}

/* The end of the line holding byte i. */
static size_t line_end(const struct source *src, size_t i)
{
    while (i < src->len && src->text[i] != '\n' && src->text[i] != '\r')
        i++;
    return i;
}

/* The byte offset after the next n line ends from i (or the end). */
static size_t lines_after(const struct source *src, size_t i, int n)
{
    for (; n > 0 && i < src->len; n--)
        i = line_end(src, i) + 1;
    return i < src->len ? i : src->len;
}

/* The keyword that follows the token at loc, within the next lines. */
static int kw_after(const struct src_loc *loc)
{
    size_t at;
    struct src_loc end = *loc;
    end.first_line = loc->last_line;
    end.first_column = loc->last_column;
    size_t from = loc_offset(&end);
    return next_kw(loc->src, from, lines_after(loc->src, from, 3), &at);
}

/* Whether the unexpected token at loc reads as a title: a keyword that
 * goes on a rule's head follows it. */
static bool title_like(const struct src_loc *loc)
{
    int k = kw_after(loc);
    return k == KW_WHEN || k == KW_CITES || k == KW_BECAUSE ||
           k == KW_OVERRIDES;
}

/* The token read i before the unexpected one (0: that one), or NULL. */
static const struct parse_tok *back(const struct parse_ctx *c, int i)
{
    if (i >= c->nlast || i >= PARSE_LAST)
        return NULL;
    return &c->last[(c->nlast - 1 - i) % PARSE_LAST];
}

static bool is_tok(const struct parse_ctx *c, int i, int tok)
{
    const struct parse_tok *t = back(c, i);
    return t && t->tok == tok;
}

/* A rule without then, or without when: "missing 則 before 減責情形?". */
static bool hint_missing_kw(struct parse_ctx *c, const struct syntax_error *e)
{
    if (strcmp(e->unexpected, "name") != 0 || !c->in_rule || c->saw_then)
        return false;
    const char *text = loc_text(c->arena, &e->loc);
    if (!text)
        text = "…";
    struct diag *d;
    if (c->saw_when && expects_kw(e, KW_THEN))
        d = DIAG(c->diags, DIAG_ERROR, &e->loc, missing_then, text);
    else if (!c->saw_when && expects_kw(e, KW_WHEN) && !title_like(&e->loc))
        d = DIAG(c->diags, DIAG_ERROR, &e->loc, missing_when, text);
    else
        return false;
    HINT0(c->diags, d, rule_shape_hint);
    own(c, d);
    return true;
}

/* Trim spaces and a full stop off the end of text[b..e); the new end. */
static size_t trim_end(const char *text, size_t b, size_t e)
{
    for (;;) {
        if (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t'))
            e--;
        else if (e >= b + 3 && memcmp(text + e - 3, "。", 3) == 0)
            e -= 3;
        else
            return e;
    }
}

/* The text from loc's start to the first of stop, a keyword or the end
 * of the line, trimmed; its span in *span. NULL when it is empty. */
static const char *text_to(struct parse_ctx *c, const struct src_loc *loc,
                           const char *stop, bool kw, struct src_loc *span)
{
    const struct source *src = loc->src;
    size_t b = loc_offset(loc), e = line_end(src, b), at;
    for (size_t i = b; i < e; i++)
        if (strchr(stop, src->text[i])) {
            e = i;
            break;
        }
    struct src_loc tok = *loc; /* the token may be a keyword: after it */
    tok.first_line = loc->last_line;
    tok.first_column = loc->last_column;
    size_t after = loc->last_line == loc->first_line ? loc_offset(&tok) : e;
    if (kw && after < e && next_kw(src, after, e, &at) >= 0)
        e = at;
    e = trim_end(src->text, b, e);
    if (e <= b)
        return NULL;
    *span = *loc;
    span->last_line = loc->first_line;
    span->last_column = loc->first_column + utf8_count(src->text + b, e - b);
    return arena_strndup(c->arena, src->text + b, e - b);
}

/* A title, policy name or citation without quotes. */
static bool hint_unquoted(struct parse_ctx *c, const struct syntax_error *e)
{
    int w = word_of(e->unexpected);
    if (e->loc.src->hidden || !expects(e, "string"))
        return false;
    bool only = sym_kw(e->unexpected) >= 0 || w == 1 || w == 2 || w == 5;
    for (int i = 0; i < e->nexpected; i++)
        only = only && strcmp(e->expected[i], "string") == 0;
    const struct parse_tok *prev = back(c, 1); /* on the same line */
    if (!(w == 1 || w == 2 || w == 5 || only) || !prev ||
        prev->loc.last_line != e->loc.first_line)
        return false;
    bool title =
        c->in_rule && !c->saw_when && !c->saw_then && title_like(&e->loc);
    bool head = is_tok(c, 1, TOK_NAME) && is_tok(c, 2, TOK_CONCLUSION);
    if (!only && !title && !head)
        return false;
    struct src_loc span;
    const char *text = text_to(c, &e->loc, "#\"", true, &span);
    if (!text)
        return false;
    struct diag *d = DIAG(c->diags, DIAG_ERROR, &span, unquoted_text, text);
    HINT(c->diags, d, unquoted_text_hint, text, text);
    own(c, d);
    return true;
}

/* fact = a、b in a case: a set without its braces. The tokens read are
 * NAME = value , NAME and the unexpected one. */
static bool hint_bare_set(struct parse_ctx *c, const struct syntax_error *e)
{
    if (!c->open_case || e->loc.src->hidden || !expects(e, "'='") ||
        !is_tok(c, 1, TOK_NAME) || !is_tok(c, 2, ',') || !is_tok(c, 4, '=') ||
        !is_tok(c, 5, TOK_NAME))
        return false;
    const struct parse_tok *v = back(c, 3);
    if ((v->tok != TOK_NAME && v->tok != TOK_STRING && v->tok != TOK_NUM) ||
        v->loc.first_line != back(c, 1)->loc.first_line)
        return false;
    struct src_loc span;
    const char *text = text_to(c, &v->loc, "#};", false, &span);
    const struct parse_tok *next = back(c, 0); /* a name: the next fact */
    if (text && next->tok != ',' && next->loc.first_line == span.first_line &&
        next->loc.first_column < span.last_column) {
        struct src_loc upto = span;
        upto.last_column = next->loc.first_column;
        text = loc_text(c->arena, &upto);
        size_t n = text ? trim_end(text, 0, strlen(text)) : 0;
        text = n ? arena_strndup(c->arena, text, n) : NULL;
        span.last_column =
            v->loc.first_column + (text ? utf8_count(text, n) : 0);
    }
    const char *fact = loc_text(c->arena, &back(c, 5)->loc);
    if (!text || !fact)
        return false;
    struct diag *d =
        DIAG(c->diags, DIAG_ERROR, &span, set_without_braces, fact);
    HINT(c->diags, d, set_without_braces_hint, text);
    own(c, d);
    return true;
}

/* The kind of fact an everyday word names (數字, 金额, 是否, 字符串,
 * 时间 …): its hint, or -1. */
static int type_word_hint(const char *w)
{
    static const struct {
        const char *word;
        int hint;
    } everyday[] = {
        {"數字", MSG_type_word_number},  {"数字", MSG_type_word_number},
        {"金額", MSG_type_word_number},  {"金额", MSG_type_word_number},
        {"數目", MSG_type_word_number},  {"数目", MSG_type_word_number},
        {"整數", MSG_type_word_number},  {"整数", MSG_type_word_number},
        {"小數", MSG_type_word_number},  {"小数", MSG_type_word_number},
        {"數", MSG_type_word_number},    {"数", MSG_type_word_number},
        {"int", MSG_type_word_number},   {"integer", MSG_type_word_number},
        {"float", MSG_type_word_number}, {"decimal", MSG_type_word_number},
        {"money", MSG_type_word_number}, {"amount", MSG_type_word_number},
        {"是否", MSG_type_word_bool},    {"真假", MSG_type_word_bool},
        {"布林", MSG_type_word_bool},    {"布爾", MSG_type_word_bool},
        {"布尔", MSG_type_word_bool},    {"邏輯", MSG_type_word_bool},
        {"逻辑", MSG_type_word_bool},    {"boolean", MSG_type_word_bool},
        {"yes/no", MSG_type_word_bool},  {"字串", MSG_type_word_text},
        {"字符串", MSG_type_word_text},  {"文本", MSG_type_word_text},
        {"字元", MSG_type_word_text},    {"字符", MSG_type_word_text},
        {"string", MSG_type_word_text},  {"str", MSG_type_word_text},
        {"時間", MSG_type_word_date},    {"时间", MSG_type_word_date},
        {"年月日", MSG_type_word_date},  {"日子", MSG_type_word_date},
        {"time", MSG_type_word_date},    {"datetime", MSG_type_word_date},
    };
    for (size_t i = 0; i < sizeof everyday / sizeof everyday[0]; i++)
        if (strcmp(w, everyday[i].word) == 0)
            return everyday[i].hint;
    return -1;
}

/* fact 損失金額: 數字 — a kind of fact in everyday words: what to write. */
static bool hint_type_word(struct parse_ctx *c, const struct syntax_error *e)
{
    if (strcmp(e->unexpected, "name") != 0 || !expects_kw(e, KW_NUMBER) ||
        !expects_kw(e, KW_DATE))
        return false;
    const char *text = loc_text(c->arena, &e->loc);
    int hint = text ? type_word_hint(text) : -1;
    struct diag *d =
        DIAG(c->diags, DIAG_ERROR, &e->loc, type_word, text ? text : "…");
    if (hint >= 0)
        diag_hint(c->diags, d, hint);
    else
        HINT0(c->diags, d, type_word_hint);
    own(c, d);
    return true;
}

/* verdict { … 不予容錯 otherwise }: the verdict before otherwise. */
static bool hint_otherwise(struct parse_ctx *c, const struct syntax_error *e)
{
    if (sym_kw(e->unexpected) != KW_OTHERWISE || !expects_kw(e, KW_WHEN) ||
        !is_tok(c, 1, TOK_NAME))
        return false;
    const char *v = loc_text(c->arena, &back(c, 1)->loc);
    struct src_loc span = back(c, 1)->loc;
    span.last_line = e->loc.last_line;
    span.last_column = e->loc.last_column;
    struct diag *d = DIAG0(c->diags, DIAG_ERROR, &span, otherwise_first);
    HINT(c->diags, d, otherwise_first_hint, v ? v : "…");
    own(c, d);
    return true;
}

/* The connective an everyday word stands for (並且, 或者, 不是 …): its
 * hint, or -1. */
static int op_word_hint(const char *w)
{
    static const struct {
        const char *word;
        int hint;
    } ops[] = {
        {"並且", MSG_op_word_and}, {"并且", MSG_op_word_and},
        {"而且", MSG_op_word_and}, {"以及", MSG_op_word_and},
        {"和", MSG_op_word_and},   {"與", MSG_op_word_and},
        {"与", MSG_op_word_and},   {"及", MSG_op_word_and},
        {"同時", MSG_op_word_and}, {"同时", MSG_op_word_and},
        {"AND", MSG_op_word_and},  {"或者", MSG_op_word_or},
        {"或是", MSG_op_word_or},  {"OR", MSG_op_word_or},
        {"不是", MSG_op_word_not}, {"沒有", MSG_op_word_not},
        {"没有", MSG_op_word_not}, {"並非", MSG_op_word_not},
        {"并非", MSG_op_word_not}, {"未", MSG_op_word_not},
        {"無", MSG_op_word_not},   {"无", MSG_op_word_not},
        {"不", MSG_op_word_not},   {"NOT", MSG_op_word_not},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(w, ops[i].word) == 0)
            return ops[i].hint;
    return -1;
}

/* 如果 已整改 並且 …, 如果 不是 謀取私利: a connective in everyday words
 * (the unexpected name, or the name before it for a negation). */
static bool hint_op_word(struct parse_ctx *c, const struct syntax_error *e)
{
    if (strcmp(e->unexpected, "name") != 0 || !expects_kw(e, KW_AND))
        return false;
    const struct src_loc *at = &e->loc;
    const char *w = loc_text(c->arena, at);
    int hint = w ? op_word_hint(w) : -1;
    if (hint != MSG_op_word_and && hint != MSG_op_word_or) {
        if (!is_tok(c, 1, TOK_NAME)) /* 不是 謀取私利: 不是 read as a name */
            return false;
        at = &back(c, 1)->loc;
        w = loc_text(c->arena, at);
        hint = w ? op_word_hint(w) : -1;
        if (hint != MSG_op_word_not)
            return false;
    }
    struct diag *d = DIAG(c->diags, DIAG_ERROR, at, op_word, w);
    diag_hint(c->diags, d, hint, w);
    own(c, d);
    return true;
}

/* 政策 "…" 版本 "…": the policy named with an everyday word. */
static bool hint_policy_word(struct parse_ctx *c, const struct syntax_error *e)
{
    if (strcmp(e->unexpected, "name") != 0 || !expects_kw(e, KW_POLICY))
        return false;
    const char *w = loc_text(c->arena, &e->loc);
    if (!w || !src_policy_word(w, strlen(w)))
        return false;
    struct diag *d = DIAG(c->diags, DIAG_ERROR, &e->loc, policy_word, w);
    HINT0(c->diags, d, policy_word_hint);
    own(c, d);
    return true;
}

void syntax_report(struct parse_ctx *c, const struct syntax_error *e)
{
    if (e->unexpected && e->loc.src &&
        (hint_bare_set(c, e) || hint_op_word(c, e) || hint_missing_kw(c, e) ||
         hint_unquoted(c, e) || hint_type_word(c, e) || hint_otherwise(c, e) ||
         hint_policy_word(c, e)))
        return;
    generic(c, e);
}
