#include "parser/parse.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/msg.h"
#include "parser/syntax.h"
#include "parser.h"
#include "lexer.h"

/* Text in another encoding would give an error per byte: one is enough,
 * at the first byte that is not UTF-8. Returns whether all is UTF-8. */
static bool utf8_check(struct diag_list *dl, const struct source *src)
{
    for (size_t i = 0; i < src->len;) {
        if ((unsigned char)src->text[i] < 0x80) { /* ASCII: the most of it */
            uint64_t w;
            for (i++; i + 8 <= src->len; i += 8) {
                memcpy(&w, src->text + i, 8);
                if (w & 0x8080808080808080u)
                    break;
            }
            continue;
        }
        uint32_t cp;
        int n = utf8_decode(src->text + i, src->len - i, &cp);
        if (n > 0) {
            i += (size_t)n;
            continue;
        }
        int line = src->first_line, col = 1;
        for (size_t k = 0; k < i; k++) {
            if (src_eol(src->text, src->len, k)) {
                line++;
                col = 1;
            } else if (((unsigned char)src->text[k] & 0xC0) != 0x80) {
                col++;
            }
        }
        struct src_loc loc = {src, line, col, line, col + 1};
        struct diag *d = DIAG(dl, DIAG_ERROR, &loc, not_utf8,
                              (unsigned)(unsigned char)src->text[i]);
        HINT0(dl, d, not_utf8_hint);
        return false;
    }
    return true;
}

void parse_note(struct parse_ctx *c, int tok, const struct src_loc *loc)
{
    c->last[c->nlast % PARSE_LAST] = (struct parse_tok){tok, *loc};
    if (loc->first_line != c->depth_line)
        c->line_depth = 0;
    c->depth_line = loc->last_line;
    if (tok == '{')
        c->line_depth++;
    else if (tok == '}' && c->line_depth > 0)
        c->line_depth--;
    if (++c->nlast >= 2 * PARSE_LAST)
        c->nlast -= PARSE_LAST; /* the same slot, and never overflows */
    switch (tok) {
    case TOK_RULE:
    case TOK_MEASURE:
        c->in_rule = true;
        c->saw_when = c->saw_then = false;
        break;
    case TOK_WHEN:
        c->saw_when = true;
        break;
    case TOK_THEN:
        c->saw_then = true;
        break;
    case TOK_POLICY:
    case TOK_EXTENDS:
    case TOK_FACT:
    case TOK_CONCLUSION:
    case TOK_LIST:
    case TOK_VERDICT:
    case TOK_AMEND:
    case TOK_REPEAL:
    case TOK_CASE:
    case TOK_TEST:
    case TOK_INVARIANT:
        c->in_rule = false;
        break;
    default:
        break;
    }
}

bool parse_skip(struct parse_ctx *c, int tok, const struct src_loc *loc)
{
    if (!c->skip_line || !c->open_case || loc->first_line != c->skip_line ||
        tok == TOK_YYEOF) {
        c->skip_line = c->skip_depth = 0;
        return false;
    }
    if (tok == '}' && c->skip_depth == 0)
        return false; /* it closes the case: the parser takes it */
    c->skip_depth += tok == '{' ? 1 : tok == '}' ? -1 : 0;
    return true;
}

void parse_after(struct parse_ctx *c, int errors, const struct src_loc *loc)
{
    if (c->open_case && c->diags->errors > errors && !c->skip_line) {
        c->skip_line = loc->last_line;
        c->skip_depth = c->line_depth;
    }
}

struct run_parse {
    yyscan_t scanner;
    const struct source *src;
    YY_BUFFER_STATE buf;
    lex_pstate *ps; /* ours, not lex_parse's: freed when memory runs out */
    int first;      /* a token to give before the text's, or 0 */
    int rc;
};

/* Whether a token at loc stands after the value parse_value read, which
 * is then an error (said here, unless the parser has said one). */
static bool after_value(yyscan_t scanner, const LEX_LTYPE *loc, int errors)
{
    struct parse_ctx *c = lex_get_extra(scanner);
    const struct ast_value *v = c->value;
    if (!v || loc->first_line < v->loc.last_line ||
        (loc->first_line == v->loc.last_line &&
         loc->first_column < v->loc.last_column))
        return false;
    if (c->diags->errors > errors)
        return true;
    struct diag *d = DIAG0(c->diags, DIAG_ERROR, loc, text_after_value);
    HINT0(c->diags, d, text_after_value_hint);
    return true;
}

/* Add the token tok at loc, which ends where the lexer stands, to
 * c->record. */
static void record(struct parse_ctx *c, int tok, const LEX_LTYPE *loc)
{
    struct parse_tokens *t = c->record;
    const struct source *s = c->src;
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 256;
        struct parse_token *v = arena_alloc(c->arena, cap * sizeof *v);
        if (t->n)
            memcpy(v, t->v, t->n * sizeof *v);
        t->v = v;
        t->cap = cap;
    }
    size_t line = s->line_start[loc->first_line - s->first_line];
    size_t start =
        line + utf8_offset(s->text + line, s->len - line, loc->first_column);
    t->v[t->n++] = (struct parse_token){tok, start, c->pos};
}

/* The pull loop of lex_parse, with the parser's state where
 * parse_source can free it after a jump out of an action. */
static void parse_run(void *ud)
{
    struct run_parse *r = ud;
    r->buf = lex__scan_bytes(r->src->text, (int)r->src->len, r->scanner);
    r->ps = lex_pstate_new();
    if (!r->ps) {
        r->rc = 2;
        return;
    }
    int status = YYPUSH_MORE;
    if (r->first) {
        LEX_STYPE v = {0};
        LEX_LTYPE loc = {r->src, r->src->first_line, 1, r->src->first_line, 1};
        status = lex_push_parse(r->ps, r->first, &v, &loc, r->scanner);
    }
    while (status == YYPUSH_MORE) {
        LEX_STYPE v;
        struct parse_ctx *c = lex_get_extra(r->scanner);
        /* where the lexer stands: the place of the end of the text, which
           has no token of its own to set it */
        LEX_LTYPE loc = {c->src, c->line, c->column, c->line, c->column};
        int before = c->diags->errors;
        int tok = lex_lex(&v, &loc, r->scanner);
        if (c->record && tok != TOK_YYEOF)
            record(c, tok, &loc);
        if (parse_skip(c, tok, &loc))
            continue;
        parse_note(c, tok, &loc);
        int errors = r->first ? c->diags->errors : 0;
        if (r->first && tok != TOK_YYEOF &&
            after_value(r->scanner, &loc, errors)) {
            status = 1; /* the value is whole: the rest is not parsed */
            break;
        }
        status = lex_push_parse(r->ps, tok, &v, &loc, r->scanner);
        parse_after(c, before, &loc);
        if (r->first && tok != TOK_YYEOF &&
            after_value(r->scanner, &loc, errors)) {
            status = 1;
            break;
        }
    }
    r->rc = status;
}

/* Parse src with ctx, the token first (or 0) before its own; the number
 * of errors found. */
static int parse_with(struct parse_ctx *ctx, int first)
{
    struct diag_list *dl = ctx->diags;
    const struct source *src = ctx->src;
    int before = dl->errors;
    if (!utf8_check(dl, src)) { /* said in the file's language */
        syntax_count_keywords(src, ctx->file->keyword_lang);
        return 1;
    }
    yyscan_t scanner;
    if (lex_lex_init_extra(ctx, &scanner) != 0) {
        DIAG0(dl, DIAG_ERROR, NULL, lexer_start);
        return 1;
    }
    struct run_parse run = {scanner, src, NULL, NULL, first, 0};
    int oom = arena_protect(parse_run, &run);
    if (run.ps)
        lex_pstate_delete(run.ps);
    if (run.buf)
        lex__delete_buffer(run.buf, scanner);
    lex_lex_destroy(scanner);
    free(ctx->buf);
    if (oom)
        arena_oom(); /* on, now that the lexer's memory is freed */
    int rc = run.rc;
    if (rc != 0 && dl->errors == before)
        DIAG0(dl, DIAG_ERROR, NULL, parser_oom);
    return dl->errors - before;
}

/* The lexer's and parser's context for src, with an empty tree. */
static struct parse_ctx ctx_for(struct arena *a, struct diag_list *dl,
                                const struct source *src)
{
    struct ast_file *file = arena_alloc(a, sizeof *file);
    file->src = src;
    return (struct parse_ctx){
        .arena = a,
        .diags = dl,
        .src = src,
        .file = file,
        .line = src->first_line,
        .column = 1,
    };
}

int parse_source(struct arena *a, struct diag_list *dl,
                 const struct source *src, struct ast_file **out)
{
    *out = NULL; /* until the tree exists: memory may run out first */
    struct parse_ctx ctx = ctx_for(a, dl, src);
    *out = ctx.file;
    return parse_with(&ctx, 0);
}

int parse_tokens(struct arena *a, struct diag_list *dl,
                 const struct source *src, struct ast_file **out,
                 struct parse_tokens *toks)
{
    *out = NULL;
    *toks = (struct parse_tokens){0};
    struct parse_ctx ctx = ctx_for(a, dl, src);
    ctx.record = toks;
    *out = ctx.file;
    return parse_with(&ctx, 0);
}

struct ast_value *parse_value(struct arena *a, struct diag_list *dl,
                              const struct source *src)
{
    struct parse_ctx ctx = ctx_for(a, dl, src);
    return parse_with(&ctx, TOK_VALUE_ONLY) ? NULL : ctx.value;
}

struct parse_stream {
    struct parse_ctx ctx;
    struct ast_file file; /* its lists are emptied at each call */
    yyscan_t scanner;
    YY_BUFFER_STATE buf;
    lex_pstate *ps;
    int status; /* YYPUSH_MORE while there is more to read */
    bool bad;   /* not UTF-8: reported at the first call */
    bool told;  /* that the parser ran out of memory */
};

struct parse_stream *parse_stream_open(const struct source *src)
{
    struct parse_stream *s = xcalloc(1, sizeof *s);
    s->file.src = src;
    s->ctx.src = src;
    s->ctx.file = &s->file;
    s->ctx.line = src->first_line;
    s->ctx.column = 1;
    s->status = YYPUSH_MORE;
    struct diag_list probe; /* the error is reported at the first call */
    struct arena tmp;
    arena_init(&tmp);
    diag_init(&probe, &tmp);
    s->bad = !utf8_check(&probe, src);
    arena_free(&tmp);
    s->ps = lex_pstate_new();
    if (!s->ps || lex_lex_init_extra(&s->ctx, &s->scanner) != 0) {
        s->status = 2; /* reported at the first call */
        return s;
    }
    s->buf = lex__scan_bytes(src->text, (int)src->len, s->scanner);
    return s;
}

/* What a case file holds besides case blocks is an error there. */
static void stray(struct parse_stream *s)
{
    struct ast_file *f = &s->file;
    struct parse_ctx *c = &s->ctx;
    for (const struct ast_decl *d = f->decls; d; d = d->next)
        DIAG0(c->diags, DIAG_ERROR, &d->loc, case_file_only_cases);
    for (const struct ast_test *t = f->tests; t; t = t->next)
        DIAG0(c->diags, DIAG_ERROR, &t->loc, case_file_only_cases);
    if (f->policy)
        DIAG0(c->diags, DIAG_ERROR, &f->policy_loc, case_file_only_cases);
    if (f->extends)
        DIAG0(c->diags, DIAG_ERROR, &f->extends_loc, case_file_only_cases);
    f->decls = f->decls_tail = NULL;
    f->tests = f->tests_tail = NULL;
    f->policy = f->extends = NULL;
    f->policy_loc.src = NULL;
}

struct ast_case *parse_stream_next(struct parse_stream *s, struct arena *a,
                                   struct diag_list *dl)
{
    struct parse_ctx *c = &s->ctx;
    c->arena = a;
    c->diags = dl;
    c->done = NULL;
    s->file.cases = s->file.cases_tail = NULL; /* in the last call's arena */
    if (s->bad) {
        s->bad = false;
        s->status = 0;
        utf8_check(dl, s->file.src);
    }
    while (s->status == YYPUSH_MORE && !c->done) {
        LEX_STYPE v;
        LEX_LTYPE loc = {c->src, c->line, c->column, c->line, c->column};
        int before = dl->errors;
        int tok = lex_lex(&v, &loc, s->scanner);
        if (parse_skip(c, tok, &loc))
            continue;
        parse_note(c, tok, &loc);
        s->status = lex_push_parse(s->ps, tok, &v, &loc, s->scanner);
        parse_after(c, before, &loc);
        stray(s);
    }
    if (s->status == 2 && !s->told) {
        s->told = true;
        DIAG0(dl, DIAG_ERROR, NULL, parser_oom);
    }
    return c->done;
}

double parse_stream_progress(const struct parse_stream *s)
{
    const struct source *src = s->file.src;
    return src->len ? (double)s->ctx.pos / (double)src->len : 1.0;
}

void parse_stream_free(struct parse_stream *s)
{
    if (!s)
        return;
    if (s->ps)
        lex_pstate_delete(s->ps);
    if (s->scanner) {
        if (s->buf)
            lex__delete_buffer(s->buf, s->scanner);
        lex_lex_destroy(s->scanner);
    }
    free(s->ctx.buf);
    free(s);
}
