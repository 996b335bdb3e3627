#ifndef ENGINE_SUGGEST_H
#define ENGINE_SUGGEST_H

#include <stdint.h>

struct arena;
struct names;

/* The candidate closest to name by edit distance over code points folded
 * to simplified characters (names.h), when it is close enough to be a
 * likely typo or is name in the other script; NULL otherwise. Names of
 * more than 64 code points are not compared. */
const char *suggest_closest(const char *name, const char *const *cands, int n);

/* The candidates of suggest_closest made ready once, for many names:
 * their folded code points and a 64-bit sketch of which ones they have,
 * so that most candidates are passed over without a comparison. */
struct suggest_index {
    const char *const *cands;
    int n;
    int *off, *len; /* of each candidate's code points in cp; len -1:
                       too long to compare */
    uint32_t *cp;   /* the code points, one candidate after another */
    uint64_t *sketch;
};

/* The index of cands[0..n) (kept, not copied), in a. */
struct suggest_index *suggest_index_new(struct arena *a,
                                        const char *const *cands, int n);
/* suggest_closest(name, ix->cands, ix->n), found faster. */
const char *suggest_closest_ix(const struct suggest_index *ix,
                               const char *name);

/* When name is known words and keywords written without spaces
 * (已整改且非謀取私利), the same with spaces (已整改 且 非 謀取私利);
 * NULL otherwise, and for a name longer than 512 bytes. */
const char *suggest_split(struct arena *a, const char *name,
                          const struct names *known);

#endif
