#ifndef PARSER_PARSE_H
#define PARSER_PARSE_H

#include "engine/ast.h"
#include "engine/diag.h"

/* A token read, for the hints of a syntax error. */
struct parse_tok {
    int tok;
    struct src_loc loc;
};
enum { PARSE_LAST = 8 };

/* State shared by the lexer and the parser of one file. */
struct parse_ctx {
    struct arena *arena;
    struct diag_list *diags;
    const struct source *src;
    struct ast_file *file;
    size_t pos;       /* bytes consumed so far, for locations */
    int line, column; /* the cursor */
    char *buf;        /* string literal being read */
    size_t buflen, bufcap;
    int str_close;               /* closing quote of that literal */
    bool str_bad;                /* it holds a bad escape (reported) */
    struct src_loc str_loc;      /* where it started */
    struct ast_case *open_case;  /* the case being parsed, for recovery */
    struct ast_decl *cur;        /* the declaration being parsed */
    struct ast_test *test;       /* the test being parsed */
    struct ast_expect **expects; /* where the next expectation goes: the
                                    end of the test's or bottom line's */
    int depth;                   /* nesting of ( and {, against runaway input */
    struct ast_case *done;       /* a case block just ended, or broke off */
    struct ast_value *value;     /* parse_value: the value read */
    struct parse_tok last[PARSE_LAST]; /* the last tokens read, a ring */
    int nlast;                         /* tokens read */
    bool in_rule;   /* since 'rule' or 'measure', before another item */
    bool saw_when;  /* ... with 'when' read since */
    bool saw_then;  /* ... with 'then' read since */
    int skip_line;  /* after an error in a case: the rest of its line is */
    int skip_depth; /* skipped, with the braces opened there */
    int line_depth; /* braces opened and not closed on the line depth_line */
    int depth_line; /* (in a case block: not counting the case's) */
    struct parse_tokens *record; /* parse_tokens: where each token goes */
};

/* Whether the token tok at loc is to be skipped, being on the line of an
 * error inside a case block; the parser then reads on at the next line,
 * in the same case. errors: the count of errors before tok was read. */
bool parse_skip(struct parse_ctx *c, int tok, const struct src_loc *loc);
/* After tok at loc was parsed: an error in a case block (since the count
 * errors) skips the rest of its line. */
void parse_after(struct parse_ctx *c, int errors, const struct src_loc *loc);
/* Note the token tok at loc, read and about to be parsed. */
void parse_note(struct parse_ctx *c, int tok, const struct src_loc *loc);

/*
 * Parse a rule file or a case file into *out (in the arena). Syntax errors
 * go to dl, each at its token; parsing recovers and goes on, so every error
 * of the file is reported. Returns the number of errors found. *out is
 * set on every path: the tree (empty for a text that is not UTF-8), or
 * NULL when memory runs out before it exists.
 */
int parse_source(struct arena *a, struct diag_list *dl,
                 const struct source *src, struct ast_file **out);

/* A token of a text as the lexer read it: its kind (the parser's token
 * number, parser.h) and its bytes text[start, end). */
struct parse_token {
    int tok;
    size_t start, end;
};
struct parse_tokens {
    struct parse_token *v; /* in the arena */
    size_t n, cap;
};

/*
 * parse_source, also giving every token read, in order, in *toks (in the
 * arena): what lies between two tokens is white space and comments (the
 * formatter's, fmt/). Returns the number of errors found.
 */
int parse_tokens(struct arena *a, struct diag_list *dl,
                 const struct source *src, struct ast_file **out,
                 struct parse_tokens *toks);

/*
 * A single value, as it stands after '=' in a case block (LANGUAGE.md §5):
 * 是, 12.5, 2023-05-01, "text", an option, {a, b} or unknown, and nothing
 * after it. Errors go to dl, at their token; NULL after an error.
 */
struct ast_value *parse_value(struct arena *a, struct diag_list *dl,
                              const struct source *src);

/*
 * A case file read one case block at a time (LANGUAGE.md §5), so that
 * memory is bounded by the largest case, not by the file. src must
 * outlive the stream. Each call of parse_stream_next parses on to the end
 * of the next case block; the tree of that case, and everything else
 * parsed since the call before, is allocated in a, which the caller may
 * reset between calls. Every diagnostic found meanwhile goes to dl: those
 * with ->owner the case returned belong to it; the others (a broken case
 * header, a stray declaration, which is an error in a case file) come
 * before it in the file. Returns NULL at the end of the file (dl may then
 * still hold errors). A case with ->broken had a syntax error.
 */
struct parse_stream;
struct parse_stream *parse_stream_open(const struct source *src);
struct ast_case *parse_stream_next(struct parse_stream *ps, struct arena *a,
                                   struct diag_list *dl);
/* The share of the file read so far, 0 to 1. */
double parse_stream_progress(const struct parse_stream *ps);
void parse_stream_free(struct parse_stream *ps);

#endif
