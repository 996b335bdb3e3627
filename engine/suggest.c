#include "engine/suggest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/names.h"
#include "engine/source.h"
#include "engine/lang.h"

/* Names are compared up to this many code points; a longer one gets no
 * suggestion and is suggested for none, rather than by its first part. */
#define MAXCP 64

/* The code points of s, folded to simplified characters (names.h), or -1
 * when it has more than MAXCP: a name in the other script is at distance
 * 0, so it is always the first suggestion. */
static int decode_all(const char *s, uint32_t *out)
{
    size_t len = strlen(s), i = 0;
    int n = 0;
    while (i < len) {
        if (n == MAXCP)
            return -1;
        uint32_t cp;
        int k = utf8_decode(s + i, len - i, &cp);
        if (k == 0) {
            k = 1;
            cp = (unsigned char)s[i];
        }
        out[n++] = names_fold_cp(cp);
        i += (size_t)k;
    }
    return n;
}

static int distance(const uint32_t *a, int n, const uint32_t *b, int m)
{
    int row[MAXCP + 1];
    for (int j = 0; j <= m; j++)
        row[j] = j;
    for (int i = 1; i <= n; i++) {
        int diag = row[0];
        row[0] = i;
        for (int j = 1; j <= m; j++) {
            int up = row[j];
            int best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m];
}

const char *suggest_closest(const char *name, const char *const *cands, int n)
{
    uint32_t a[MAXCP], b[MAXCP];
    int la = decode_all(name, a);
    if (la < 0)
        return NULL;
    int limit = la <= 3 ? 1 : la <= 8 ? 2 : 3;
    const char *best = NULL;
    int bestd = limit + 1;
    for (int i = 0; i < n; i++) {
        if (!cands[i] || strcmp(cands[i], name) == 0)
            continue;
        int lb = decode_all(cands[i], b);
        if (lb < 0 || abs(la - lb) > limit)
            continue;
        int d = distance(a, la, b, lb);
        if (d < bestd && d < la && d < lb) {
            bestd = d;
            best = cands[i];
        }
    }
    return best;
}

/* The bit of code point c in a sketch. */
static uint64_t sketch_bit(uint32_t c)
{
    return 1ULL << ((c * 2654435761u) >> 26);
}

static uint64_t sketch_of(const uint32_t *cp, int n)
{
    uint64_t s = 0;
    for (int i = 0; i < n; i++)
        s |= sketch_bit(cp[i]);
    return s;
}

struct suggest_index *suggest_index_new(struct arena *a,
                                        const char *const *cands, int n)
{
    struct suggest_index *ix = arena_alloc(a, sizeof *ix);
    ix->cands = cands;
    ix->n = n;
    ix->off = arena_calloc(a, (size_t)n + 1, sizeof *ix->off);
    ix->len = arena_calloc(a, (size_t)n + 1, sizeof *ix->len);
    ix->sketch = arena_calloc(a, (size_t)n + 1, sizeof *ix->sketch);
    size_t total = 0;
    for (int i = 0; i < n; i++)
        total += cands[i] ? strlen(cands[i]) : 0; /* code points, at most */
    ix->cp = arena_calloc(a, total + 1, sizeof *ix->cp);
    uint32_t b[MAXCP];
    int at = 0;
    for (int i = 0; i < n; i++) {
        ix->off[i] = at;
        ix->len[i] = cands[i] ? decode_all(cands[i], b) : -1;
        for (int k = 0; k < ix->len[i]; k++)
            ix->cp[at++] = b[k];
        ix->sketch[i] = ix->len[i] > 0 ? sketch_of(b, ix->len[i]) : 0;
    }
    return ix;
}

static int popcount64(uint64_t x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* A bound below the distance of a (sketch sa, la code points) and
 * candidate i: a code point of one that the other lacks takes an edit of
 * its own, and so does each code point of length between them. */
static int bound(const struct suggest_index *ix, int i, uint64_t sa, int la)
{
    uint64_t sb = ix->sketch[i];
    int only_a = popcount64(sa & ~sb), only_b = popcount64(sb & ~sa);
    int most = only_a > only_b ? only_a : only_b;
    int diff = abs(la - ix->len[i]);
    return most > diff ? most : diff;
}

const char *suggest_closest_ix(const struct suggest_index *ix, const char *name)
{
    uint32_t a[MAXCP];
    int la = decode_all(name, a);
    if (la < 0)
        return NULL;
    int limit = la <= 3 ? 1 : la <= 8 ? 2 : 3;
    uint64_t sa = sketch_of(a, la);
    const char *best = NULL;
    int bestd = limit + 1;
    for (int i = 0; i < ix->n; i++) {
        if (ix->len[i] < 0 || bound(ix, i, sa, la) >= bestd ||
            strcmp(ix->cands[i], name) == 0)
            continue;
        int lb = ix->len[i];
        int d = distance(a, la, ix->cp + ix->off[i], lb);
        if (d < bestd && d < la && d < lb) {
            bestd = d;
            best = ix->cands[i];
        }
    }
    return best;
}

static int known_word(const struct names *known, const char *s, size_t n)
{
    return names_getn(known, s, n) >= 0 || kw_lookup(s, n, NULL) >= 0;
}

const char *suggest_split(struct arena *a, const char *name,
                          const struct names *known)
{
    size_t len = strlen(name);
    if (len > 512)
        return NULL;
    /* best[i]: fewest words covering name[0..i); from[i]: where the last
       word starts. Only code point boundaries are tried. */
    int best[513];
    size_t from[513];
    for (size_t i = 0; i <= len; i++)
        best[i] = -1;
    best[0] = 0;
    for (size_t i = 1; i <= len; i++) {
        if (i < len && ((unsigned char)name[i] & 0xC0) == 0x80)
            continue;
        for (size_t j = 0; j < i; j++) {
            if (best[j] < 0 || ((unsigned char)name[j] & 0xC0) == 0x80)
                continue;
            if (known_word(known, name + j, i - j) &&
                (best[i] < 0 || best[j] + 1 < best[i])) {
                best[i] = best[j] + 1;
                from[i] = j;
            }
        }
    }
    if (best[len] < 2)
        return NULL;
    char *out = arena_alloc(a, len + (size_t)best[len] + 1);
    size_t cuts[513];
    int nc = 0;
    for (size_t i = len; i > 0; i = from[i])
        cuts[nc++] = from[i];
    size_t o = 0, prev = 0;
    for (int k = nc - 2; k >= -1; k--) {
        size_t end = k >= 0 ? cuts[k] : len;
        if (o)
            out[o++] = ' ';
        memcpy(out + o, name + prev, end - prev);
        o += end - prev;
        prev = end;
    }
    out[o] = '\0';
    return out;
}
