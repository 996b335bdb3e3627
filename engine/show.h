#ifndef ENGINE_SHOW_H
#define ENGINE_SHOW_H

#include "engine/lang.h"
#include "engine/plan.h"
#include "engine/plan_show.h"
#include "engine/sbuf.h"

/* The effective rule set of a compiled plan (from a layered file, engine/
 * layer.h) written back in the rule language, keywords in lang, each
 * declaration with a comment naming the file and line it comes from,
 * amended ones with the base declaration they replace, and the repealed
 * ones listed at the end. Reads only the plan (plan.show). */
void show_plan(const struct plan *p, enum lang lang, struct sbuf *out);

/* One rule, measure or verdict table of a plan (an entry of p->show) in
 * canonical form (English keywords, no origin), so that two versions
 * compare equal exactly when they say the same. */
void show_part(const struct wdecl *d, struct sbuf *out);

/* show_plan for a layered syntax tree, which is checked first (engine/
 * plan_show.c); nothing is written when it has errors. For tests of
 * layering. */
struct ast_file;
void show_file(const struct ast_file *f, enum lang lang, struct sbuf *out);

#endif
