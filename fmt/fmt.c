/*
 * The layout of rongcuo fmt (docs/fmt.md): tokens go into lines, each line
 * indented by what it starts (a declaration, a clause of a rule or bottom
 * line, an item of a block, or the continuation of the line before), then
 * the lines are written out with their comments, trailing comments of
 * neighbouring lines aligned.
 */
#include "fmt/fmt.h"

#include <stdint.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "parser.h"

/* What a token starts: nothing (it goes on the line), a top-level
 * declaration, a clause of a rule or bottom line, an item of a block, or
 * the line of the brace that closes a block. */
enum start { ST_NONE, ST_DECL, ST_CLAUSE, ST_ITEM, ST_CLOSE };
/* Kinds of brace: a case, a test, a verdict table, a test's given facts,
 * and a set of options or values. */
enum fkind { FK_CASE, FK_TEST, FK_VERDICT, FK_GIVEN, FK_SET };
/* The declaration a top-level token is in: a rule (amended or not), a
 * bottom line (the same), or another. */
enum decl { DC_OTHER, DC_RULE, DC_INVARIANT };

struct frame {
    enum fkind kind;
    bool block;     /* its contents on lines of their own */
    int outer;      /* the indent of the line of its '{' */
    int saved_item; /* fmt.item outside it */
};

/* One line out: its indent, code (a span of fmt.code) and comment (a span
 * of the source; a line of only a comment has no code). */
struct line {
    int indent;
    size_t code, code_len;
    size_t comment, comment_len;
    bool blank_before;
};

/* A comment on a line of its own, waiting for the indent of the line it
 * stands before. */
struct pending {
    size_t at, len;
    bool blank_before;
};

struct fmt {
    struct arena *a;
    const struct source *src;
    const struct parse_token *t;
    size_t n;
    struct sbuf code;
    struct line *lines;
    size_t nlines, cap;
    struct frame *stack; /* braces open */
    int depth, parens;
    struct pending *pend;
    size_t npend, pcap;
    int newlines;        /* before the token: line ends since the last
                            comment or token */
    bool comment_in_gap; /* a comment between the last token and this */
    bool blank;          /* a blank line before the token */
    bool open_block;     /* the last token opened a block */
    int item;            /* the indent of the line continued */
    enum decl decl;      /* the top-level declaration being laid out */
    int decl_kw;         /* its keyword (after amend or repeal) */
    bool overrides;      /* in an overrides clause: T* is one word */
};

static struct line *line_new(struct fmt *f, int indent, bool blank)
{
    if (f->nlines == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 64;
        struct line *v = arena_alloc(f->a, cap * sizeof *v);
        if (f->nlines)
            memcpy(v, f->lines, f->nlines * sizeof *v);
        f->lines = v;
        f->cap = cap;
    }
    struct line *l = &f->lines[f->nlines++];
    *l = (struct line){indent, f->code.len, 0, 0, 0, blank && f->nlines > 1};
    return l;
}

static struct line *line_cur(struct fmt *f)
{
    return f->nlines ? &f->lines[f->nlines - 1] : NULL;
}

/* The comment at text[at] up to its line end, without trailing blanks. */
static size_t comment_len(const char *text, size_t len, size_t at)
{
    size_t e = at;
    while (e < len && text[e] != '\n' && text[e] != '\r')
        e++;
    while (e > at && (text[e - 1] == ' ' || text[e - 1] == '\t'))
        e--;
    while (e >= at + 3 && memcmp(text + e - 3, "\xE3\x80\x80", 3) == 0)
        e -= 3; /* ideographic spaces */
    return e - at;
}

static void pending_add(struct fmt *f, size_t at, size_t len, bool blank)
{
    if (f->npend == f->pcap) {
        size_t cap = f->pcap ? 2 * f->pcap : 16;
        struct pending *v = arena_alloc(f->a, cap * sizeof *v);
        if (f->npend)
            memcpy(v, f->pend, f->npend * sizeof *v);
        f->pend = v;
        f->pcap = cap;
    }
    f->pend[f->npend++] = (struct pending){at, len, blank};
}

/* Read the white space and comments in text[from, to): a comment on the
 * line of the last token goes on its line, one on a line of its own waits
 * for the next line's indent. */
static void gap(struct fmt *f, size_t from, size_t to)
{
    const char *s = f->src->text;
    int nl = 0;
    f->comment_in_gap = false;
    for (size_t i = from; i < to; i++) {
        if (src_eol(s, f->src->len, i)) {
            nl++;
        } else if (s[i] == '#') {
            size_t len = comment_len(s, to, i);
            struct line *l = line_cur(f);
            if (nl == 0 && l && !l->comment_len) {
                l->comment = i;
                l->comment_len = len;
            } else {
                pending_add(f, i, len, nl >= 2);
            }
            f->comment_in_gap = true;
            nl = 0;
            while (i + 1 < to && s[i + 1] != '\n' && s[i + 1] != '\r')
                i++;
        }
    }
    f->newlines = nl;
    f->blank = nl >= 2;
}

static int tok(const struct fmt *f, size_t i)
{
    return i < f->n ? f->t[i].tok : 0;
}

static struct frame *top(const struct fmt *f)
{
    return f->depth ? &f->stack[f->depth - 1] : NULL;
}

/* What token i starts at the top level (outside braces). */
static enum start start_top(const struct fmt *f, size_t i)
{
    int t = tok(f, i), prev = i ? tok(f, i - 1) : 0, next = tok(f, i + 1);
    bool after_kw = prev == TOK_AMEND || prev == TOK_REPEAL;
    switch (t) {
    case TOK_POLICY:
    case TOK_EXTENDS:
    case TOK_FACT:
    case TOK_CONCLUSION:
    case TOK_LIST:
    case TOK_AMEND:
    case TOK_REPEAL:
    case TOK_CASE:
    case TOK_TEST:
    case TOK_INVARIANT:
        return ST_DECL;
    case TOK_RULE:
        return after_kw ? ST_NONE : ST_DECL;
    case TOK_MEASURE:
        return after_kw || prev == TOK_EXPECT || prev == TOK_NOT ? ST_NONE
                                                                 : ST_DECL;
    case TOK_VERDICT:
        return !after_kw && (next == TOK_STRING || next == '{') ? ST_DECL
                                                                : ST_NONE;
    case TOK_CITES:
    case TOK_THEN:
    case TOK_OVERRIDES:
    case TOK_BECAUSE:
        return f->decl == DC_RULE ? ST_CLAUSE : ST_NONE;
    case TOK_WHEN:
        return f->decl != DC_OTHER ? ST_CLAUSE : ST_NONE;
    case TOK_EXPECT:
        return f->decl == DC_INVARIANT ? ST_CLAUSE : ST_NONE;
    default:
        return ST_NONE;
    }
}

/* What token i starts inside the block fr. */
static enum start start_block(const struct fmt *f, const struct frame *fr,
                              size_t i)
{
    int t = tok(f, i), next = tok(f, i + 1);
    switch (fr->kind) {
    case FK_TEST:
        return t == TOK_GIVEN || t == TOK_EXPECT ? ST_ITEM : ST_NONE;
    case FK_VERDICT:
        return t == TOK_OTHERWISE || (t == TOK_NAME && next == TOK_WHEN)
                   ? ST_ITEM
                   : ST_NONE;
    case FK_CASE:
    case FK_GIVEN: /* facts go on lines as the author put them */
        return (f->newlines || f->open_block) && t == TOK_NAME &&
                       (next == '=' || next == TOK_EQ)
                   ? ST_ITEM
                   : ST_NONE;
    default:
        return ST_NONE;
    }
}

static enum start start_of(const struct fmt *f, size_t i)
{
    const struct frame *fr = top(f);
    if (fr && fr->block && tok(f, i) == '}')
        return ST_CLOSE;
    if (f->parens)
        return ST_NONE;
    if (!fr)
        return start_top(f, i);
    return fr->block ? start_block(f, fr, i) : ST_NONE;
}

/* The indent of a line that token i of kind st starts. */
static int indent_of(struct fmt *f, enum start st)
{
    const struct frame *fr = top(f);
    int inner = fr ? fr->outer + 2 : 0;
    switch (st) {
    case ST_DECL:
        return f->item = 0;
    case ST_CLAUSE:
        return f->item = 2;
    case ST_ITEM:
        return f->item = inner;
    case ST_CLOSE:
        return fr->outer;
    default:
        if (fr && fr->block && fr->kind == FK_SET)
            return inner; /* a set over several lines: one column */
        return f->item + 2;
    }
}

/* Whether the last token ends a value, so that a '-' after it subtracts. */
static bool value_end(int t)
{
    switch (t) {
    case TOK_NAME:
    case TOK_DOTTED:
    case TOK_NUM:
    case TOK_DATE:
    case TOK_STRING:
    case TOK_TRUE:
    case TOK_FALSE:
    case TOK_UNKNOWN:
    case TOK_IS_KNOWN:
    case ')':
    case '}':
        return true;
    default:
        return false;
    }
}

/* Whether a space goes between tokens i - 1 and i on one line. */
static bool spaced(const struct fmt *f, size_t i)
{
    int p = tok(f, i - 1), t = tok(f, i);
    const struct frame *fr = top(f);
    bool given = fr && fr->kind == FK_GIVEN;
    if (t == ',' || t == ';' || t == ':' || t == ')' || p == '(')
        return false;
    if (t == '}' || p == '{')
        return given && !(p == '{' && t == '}'); /* {a}, given { a = 1 } */
    if (p == '-' && (i < 2 || !value_end(tok(f, i - 2))))
        return false; /* -3 */
    return !(t == '*' && f->overrides);
}

/* Put token i's text as the layout writes it on b: punctuation in its
 * ASCII form, two-word keywords with one space, the rest as written. */
static void tok_text(const struct source *src, const struct parse_token *t,
                     struct sbuf *b)
{
    static const char *const punct[] = {
        ['('] = "(", [')'] = ")", ['{'] = "{", ['}'] = "}", [':'] = ":",
        [','] = ",", [';'] = ";", ['='] = "=", ['<'] = "<", ['>'] = ">",
        ['+'] = "+", ['-'] = "-", ['*'] = "*", ['/'] = "/"};
    const char *s = src->text + t->start;
    size_t n = t->end - t->start;
    if (t->tok > 0 && t->tok < (int)(sizeof punct / sizeof *punct) &&
        punct[t->tok]) {
        sb_puts(b, punct[t->tok]);
    } else if (t->tok == TOK_EQ || t->tok == TOK_NE || t->tok == TOK_LE ||
               t->tok == TOK_GE) {
        sb_puts(b, t->tok == TOK_EQ   ? "=="
                   : t->tok == TOK_NE ? "!="
                   : t->tok == TOK_LE ? "<="
                                      : ">=");
    } else if (t->tok == TOK_ONE_OF || t->tok == TOK_SET_OF ||
               t->tok == TOK_IS_KNOWN) {
        for (size_t k = 0; k < n; k++)
            if (s[k] != ' ' && s[k] != '\t')
                sb_putc(b, s[k]);
            else if (s[k - 1] != ' ' && s[k - 1] != '\t')
                sb_putc(b, ' ');
    } else {
        sb_put(b, s, n);
    }
}

/* Whether the text between token i and the next holds one of the bytes
 * in set. */
static bool after_has(const struct fmt *f, size_t i, const char *set)
{
    size_t to = i + 1 < f->n ? f->t[i + 1].start : f->src->len;
    for (size_t k = f->t[i].end; k < to; k++)
        if (f->src->text[k] && strchr(set, f->src->text[k]))
            return true;
    return false;
}

/* A line end or a comment after a brace: it opens a block. */
static bool broken_after(const struct fmt *f, size_t i)
{
    return after_has(f, i, "\n\r#");
}

static bool commented_after(const struct fmt *f, size_t i)
{
    return after_has(f, i, "#");
}

/* Put the comments waiting at indent, each on its own line. */
static void flush_pending(struct fmt *f, int indent, bool after_open)
{
    for (size_t k = 0; k < f->npend; k++) {
        struct pending *p = &f->pend[k];
        struct line *l =
            line_new(f, indent, p->blank_before && !(after_open && k == 0));
        l->comment = p->at;
        l->comment_len = p->len;
    }
    f->npend = 0;
}

/* Whether token i goes on a new line; then start it, with the comments
 * before it. */
static void place(struct fmt *f, size_t i, enum start st)
{
    int t = tok(f, i);
    bool joins = t == '{' || t == ',' || t == ':' || t == ';' || t == ')' ||
                 (t == '}' && i && tok(f, i - 1) == '{'); /* {} */
    bool author = f->newlines > 0 && !(joins && !f->comment_in_gap);
    if (i == 0 || st != ST_NONE || f->open_block || author || f->npend) {
        bool after_open = f->open_block;
        int indent = indent_of(f, st);
        const struct frame *fr = top(f);
        int cindent = st == ST_CLOSE ? fr->outer + 2 : indent;
        bool blank = f->npend ? f->blank : f->blank && !after_open;
        flush_pending(f, cindent, after_open);
        line_new(f, indent, blank && st != ST_CLOSE);
    } else if (spaced(f, i)) {
        sb_putc(&f->code, ' ');
    }
    tok_text(f->src, &f->t[i], &f->code);
    line_cur(f)->code_len = f->code.len - line_cur(f)->code;
}

/* The kind of the brace token i opens. */
static enum fkind brace_kind(const struct fmt *f, size_t i)
{
    const struct frame *fr = top(f);
    if (!fr && !f->parens) {
        if (f->decl_kw == TOK_CASE)
            return FK_CASE;
        if (f->decl_kw == TOK_TEST)
            return FK_TEST;
        if (f->decl_kw == TOK_VERDICT)
            return FK_VERDICT;
    }
    if (fr && fr->kind == FK_TEST && i && tok(f, i - 1) == TOK_GIVEN)
        return FK_GIVEN;
    return FK_SET;
}

static void push(struct fmt *f, size_t i)
{
    enum fkind k = brace_kind(f, i);
    struct frame *v = arena_alloc(f->a, (size_t)(f->depth + 1) * sizeof *v);
    if (f->depth)
        memcpy(v, f->stack, (size_t)f->depth * sizeof *v);
    f->stack = v;
    bool empty = tok(f, i + 1) == '}' && !commented_after(f, i);
    bool block = !empty && (k == FK_CASE || k == FK_TEST || k == FK_VERDICT ||
                            broken_after(f, i));
    v[f->depth++] = (struct frame){k, block, line_cur(f)->indent, f->item};
    f->open_block = block;
    if (block)
        f->item = line_cur(f)->indent + 2;
}

/* After token i is laid out: the state it leaves. */
static void after(struct fmt *f, size_t i, enum start st)
{
    int t = tok(f, i);
    f->open_block = false;
    if (st == ST_DECL) {
        f->decl_kw = t == TOK_AMEND || t == TOK_REPEAL ? tok(f, i + 1) : t;
        f->decl = t == TOK_REPEAL               ? DC_OTHER
                  : f->decl_kw == TOK_RULE      ? DC_RULE
                  : f->decl_kw == TOK_INVARIANT ? DC_INVARIANT
                                                : DC_OTHER;
    }
    if (st == ST_DECL || st == ST_CLAUSE)
        f->overrides = t == TOK_OVERRIDES;
    if (t == '(')
        f->parens++;
    else if (t == ')' && f->parens)
        f->parens--;
    else if (t == '{')
        push(f, i);
    else if (t == '}' && f->depth)
        f->item = f->stack[--f->depth].saved_item;
}

/* Display width of s[0..n). */
static int width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (k <= 0) {
            k = 1;
            cp = '?';
        }
        w += utf8_width(cp);
        i += (size_t)k;
    }
    return w;
}

static void spaces(struct sbuf *b, int n)
{
    for (int i = 0; i < n; i++)
        sb_putc(b, ' ');
}

/* The column of the trailing comments of the lines from k to the next
 * blank line (*end): that of the longest code with a comment among them,
 * and two spaces. */
static int run_column(const struct fmt *f, size_t k, size_t *end)
{
    int col = 0;
    size_t j = k;
    for (; j < f->nlines && (j == k || !f->lines[j].blank_before); j++) {
        const struct line *l = &f->lines[j];
        if (!l->code_len || !l->comment_len)
            continue;
        int w = l->indent + width(f->code.p + l->code, l->code_len);
        col = w > col ? w : col;
    }
    *end = j;
    return col + 2;
}

static void render(const struct fmt *f, struct sbuf *out)
{
    int col = 0;
    size_t run_end = 0;
    for (size_t k = 0; k < f->nlines; k++) {
        const struct line *l = &f->lines[k];
        if (l->blank_before)
            sb_putc(out, '\n');
        spaces(out, l->indent);
        if (l->code_len) /* f->code.p is NULL when no line has code */
            sb_put(out, f->code.p + l->code, l->code_len);
        if (l->code_len && l->comment_len) {
            if (k >= run_end)
                col = run_column(f, k, &run_end);
            spaces(out,
                   col - l->indent - width(f->code.p + l->code, l->code_len));
        }
        sb_put(out, f->src->text + l->comment, l->comment_len);
        sb_putc(out, '\n');
    }
}

/* Whether out reads as the tokens of f, each as tok_text writes it. */
static bool same_tokens(const struct fmt *f, const struct sbuf *out)
{
    struct diag_list dl;
    diag_init(&dl, f->a);
    struct source *s =
        src_from_text(f->a, f->src->name, out->p ? out->p : "", out->len, 1);
    struct ast_file *file;
    struct parse_tokens t;
    if (parse_tokens(f->a, &dl, s, &file, &t) != 0 || t.n != f->n)
        return false;
    struct sbuf want = {0};
    bool same = true;
    for (size_t k = 0; k < f->n && same; k++) {
        want.len = 0;
        tok_text(f->src, &f->t[k], &want);
        same = t.v[k].tok == f->t[k].tok &&
               t.v[k].end - t.v[k].start == want.len &&
               memcmp(s->text + t.v[k].start, want.p, want.len) == 0;
    }
    sb_free(&want);
    return same;
}

bool fmt_layout(struct arena *a, const struct source *src,
                const struct parse_tokens *toks, struct sbuf *out)
{
    struct fmt f = {.a = a, .src = src, .t = toks->v, .n = toks->n};
    size_t from = 0;
    for (size_t i = 0; i < f.n; i++) {
        gap(&f, from, f.t[i].start);
        enum start st = start_of(&f, i);
        place(&f, i, st);
        after(&f, i, st);
        from = f.t[i].end;
    }
    gap(&f, from, src->len);
    flush_pending(&f, 0, false);
    render(&f, out);
    sb_free(&f.code);
    return same_tokens(&f, out);
}
