#ifndef PARSER_PARSE_H
#define PARSER_PARSE_H

#include "engine/ast.h"
#include "engine/diag.h"

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
    int str_close;              /* closing quote of that literal */
    bool str_bad;               /* it holds a bad escape (reported) */
    struct src_loc str_loc;     /* where it started */
    struct ast_case *open_case; /* the case being parsed, for recovery */
    struct ast_decl *cur;       /* the declaration being parsed */
    struct ast_test *test;      /* the test being parsed */
    int depth;                  /* nesting of ( and {, against runaway input */
};

/*
 * Parse a rule file or a case file into *out (in the arena). Syntax errors
 * go to dl, each at its token; parsing recovers and goes on, so every error
 * of the file is reported. Returns the number of errors found.
 */
int parse_source(struct arena *a, struct diag_list *dl,
                 const struct source *src, struct ast_file **out);

#endif
