#ifndef ENGINE_SHOW_EXPR_H
#define ENGINE_SHOW_EXPR_H

#include "engine/lang.h"
#include "engine/sbuf.h"
#include "engine/wexpr.h"

struct ast_expr;

/* A condition as source text, keywords in lang, with the parentheses its
 * operators need (LANGUAGE.md §8): from the compiled plan (the trace,
 * `show`) or from the syntax tree (tests of the parser), the same text
 * for the same condition. */
void show_expr(const struct wexpr *e, enum lang lang, struct sbuf *out);
void show_ast_expr(const struct ast_expr *e, enum lang lang, struct sbuf *out);

#endif
