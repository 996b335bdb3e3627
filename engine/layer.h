#ifndef ENGINE_LAYER_H
#define ENGINE_LAYER_H

#include <stdbool.h>
#include <sys/types.h>
#include <time.h>

#include "engine/arena.h"
#include "engine/ast.h"
#include "engine/sha256.h"

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

/*
 * Rule files read, parsed and hashed once for a run (rc_rulecache): a file
 * that several rule sets load or extend is taken again as it was parsed,
 * as long as its real path, device, inode, size and modification time are
 * those it had when it was read. A file whose parse said anything (an
 * error, a warning) is not kept, so that it says it again. The syntax
 * trees are shared: each load merges copies of their declaration lists.
 * Not for two threads at once.
 */
struct layer_file;

struct layer_cache {
    struct arena arena;       /* the sources and trees kept */
    struct layer_file *files; /* newest first */
    long reads;               /* rule files read: a test hook */
};

void layer_cache_init(struct layer_cache *c);
void layer_cache_free(struct layer_cache *c);
/* layer_load(a, dl, path, NULL), with the files in c (their sources and
 * trees live in c's arena: what is loaded must not outlive c). */
struct ast_file *layer_load_cached(struct arena *a, struct diag_list *dl,
                                   const char *path, struct layer_cache *c);
/* layer_hash, with the state after each chain of files kept in c: each
 * file's bytes are hashed once. */
void layer_hash_cached(struct layer_cache *c, const struct ast_file *f,
                       char out[65]);

#endif
