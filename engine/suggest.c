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
