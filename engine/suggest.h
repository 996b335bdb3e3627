#ifndef ENGINE_SUGGEST_H
#define ENGINE_SUGGEST_H

struct arena;
struct names;

/* The candidate closest to name by edit distance over code points folded
 * to simplified characters (names.h), when it is close enough to be a
 * likely typo or is name in the other script; NULL otherwise. Names of
 * more than 64 code points are not compared. */
const char *suggest_closest(const char *name, const char *const *cands, int n);

/* When name is known words and keywords written without spaces
 * (已整改且非謀取私利), the same with spaces (已整改 且 非 謀取私利);
 * NULL otherwise, and for a name longer than 512 bytes. */
const char *suggest_split(struct arena *a, const char *name,
                          const struct names *known);

#endif
