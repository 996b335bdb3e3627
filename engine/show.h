#ifndef ENGINE_SHOW_H
#define ENGINE_SHOW_H

#include "engine/ast.h"
#include "engine/sbuf.h"
#include "engine/lang.h"

/* The effective rule set of a layered file (engine/layer.h) written back
 * in the rule language, keywords in lang, each declaration with a comment
 * naming the file and line it comes from, amended ones with the base
 * declaration they replace, and the repealed ones listed at the end. */
void show_file(const struct ast_file *f, enum lang lang, struct sbuf *out);

/* One rule, measure or verdict table in canonical form (English keywords,
 * no origin), so that two versions compare equal exactly when they say
 * the same. */
void show_rule(const struct ast_decl *d, struct sbuf *out);

#endif
