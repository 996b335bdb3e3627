#ifndef ENGINE_LAYER_H
#define ENGINE_LAYER_H

#include "engine/ast.h"

struct arena;
struct diag_list;

/* How many levels of `extends` a rule set may have (district → city →
 * province is two). */
#define LAYER_MAX_DEPTH 16

/*
 * Read the rule file at path (or take src, its text, when not NULL; bases
 * are then relative to path) and every file it extends (LANGUAGE.md §4),
 * and merge them into one file whose declarations are the effective rule
 * set: a variant's amend replaces the base declaration in its place, a
 * repeal removes it (recorded in ->repealed), and its own declarations
 * follow the base's. Returns NULL after a syntax error in any file, a
 * missing base or an extends cycle; an amend or repeal of something the
 * bases do not have is an error in dl, but the merge is returned so that
 * checking can report the rest.
 */
struct ast_file *layer_load(struct arena *a, struct diag_list *dl,
                            const char *path, struct source *src);

/* SHA-256 of the contents of every file of a layered rule set, bases
 * first: it changes when any of them changes, and only then. */
void layer_hash(const struct ast_file *f, char out[65]);

#endif
