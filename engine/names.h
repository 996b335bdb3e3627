#ifndef ENGINE_NAMES_H
#define ENGINE_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct diag_list;
struct src_loc;

/* Names in either script (LANGUAGE.md §9): a name is identified by its
 * simplified form, each character folded from traditional to simplified
 * with OpenCC's character table (generated at build time by
 * engine/foldgen.c), so 發現日期 and 发现日期 are one name. */

/* The simplified form of the code point cp; cp when it has none. Folding
 * twice is folding once. */
uint32_t names_fold_cp(uint32_t cp);
/* Whether a (la bytes) and b (lb bytes) are the same name once folded.
 * Bytes that are not UTF-8 compare as themselves. */
bool names_eqn(const char *a, size_t la, const char *b, size_t lb);
bool names_eq(const char *a, const char *b);
/* Whether s starts with prefix, both folded. */
bool names_prefix(const char *s, const char *prefix);

/* The folded form of s, in the arena. */
char *names_fold(struct arena *a, const char *s);

/* name at loc declared again as the same name as first (at first_loc),
 * in another spelling: an error that shows both places. amend: a rule or
 * a measure, which a variant may amend. */
void names_clash(struct diag_list *dl, const struct src_loc *loc,
                 const char *name, const char *first,
                 const struct src_loc *first_loc, bool amend);
/* The same for an option listed twice in one domain. */
void names_option_clash(struct diag_list *dl, const struct src_loc *loc,
                        const char *name, const char *first,
                        const struct src_loc *first_loc);

/* A map from names to small integers: open addressing, FNV-1a over the
 * folded form, in an arena. Keys are compared folded and are not copied:
 * the map keeps the spelling put first. A second table finds a key
 * spelled as it was put by its bytes alone, so that the usual lookup
 * folds nothing. */
struct names {
    const char **keys;
    size_t *lens;
    int *vals;
    const char **ekeys; /* the same keys, by their bytes */
    size_t *elens;
    int *evals;
    size_t cap, len;
    struct arena *arena;
};

void names_init(struct names *m, struct arena *a, size_t expect);
/* The value of key (in either script), or -1. */
int names_get(const struct names *m, const char *key);
int names_getn(const struct names *m, const char *key, size_t len);
/* The spelling under which key's folded form was put, or NULL. */
const char *names_key(const struct names *m, const char *key);
/* Insert key; returns the existing value when a key of the same folded
 * form is present (names_key gives its spelling), else -1. */
int names_put(struct names *m, const char *key, int val);

#endif
