#ifndef PARSER_SYNTAX_H
#define PARSER_SYNTAX_H

#include <stddef.h>

#include "engine/source.h"

struct parse_ctx;

/* A syntax error as the parser sees it: tokens by their names in the
 * grammar ("name", "'then' (則)", "')'", "end of file"). */
struct syntax_error {
    struct src_loc loc;          /* of the unexpected token */
    const char *unexpected;      /* its name, or NULL when there is none */
    const char *const *expected; /* every token that could stand there */
    int nexpected;
};

/*
 * Report e in c's diagnostics, in every language: the English as bison
 * words it ("syntax error, unexpected name, expecting ..."), the Chinese
 * with the tokens as the author wrote them. The commonest mistakes get
 * their own message instead: a rule without then or when, a title or a
 * citation without quotes, several values for a fact without braces.
 */
void syntax_report(struct parse_ctx *c, const struct syntax_error *e);

/* A date at t[0..n) in a form other than the language's, or in it:
 * 2024/3/5, 2024.3.5, 2024年3月5日, ２０２４－０３－０５, 2024-03-05. Its
 * length in bytes (0 for none), its ISO form in iso. */
size_t syntax_date(const char *t, size_t n, char iso[16]);

/* Count the keywords of src by the language of their spelling (enum
 * lang), as the lexer does: for a text the lexer does not read. */
void syntax_count_keywords(const struct source *src, int counts[4]);

#endif
