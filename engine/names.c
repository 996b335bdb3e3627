#include "engine/names.h"

#include <pthread.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/msg.h"
#include "engine/source.h"

/* The generated table (engine/foldgen.c): pairs {traditional, simplified},
 * sorted by the first. */
extern const uint32_t names_fold_table[][2];
extern const int names_fold_count;

/* The folded form of each code point of the BMP, 0 for itself, 0xFFFF
 * (a noncharacter, never a fold) for one past the BMP: filled once from
 * the table, so that a fold costs one load. */
static uint16_t fold_bmp[0x10000];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void fold_init(void)
{
    for (int i = 0; i < names_fold_count; i++) {
        uint32_t from = names_fold_table[i][0], to = names_fold_table[i][1];
        if (from < 0x10000)
            fold_bmp[from] = to < 0xFFFF ? (uint16_t)to : 0xFFFF;
    }
}

uint32_t names_fold_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp;
    if (cp < 0x10000) {
        pthread_once(&fold_once, fold_init);
        uint16_t v = fold_bmp[cp];
        if (v != 0xFFFF)
            return v ? v : cp;
    }
    int lo = 0, hi = names_fold_count;
    if (hi == 0 || cp < names_fold_table[0][0])
        return cp; /* ASCII and most of what is not CJK */
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (names_fold_table[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < names_fold_count && names_fold_table[lo][0] == cp
               ? names_fold_table[lo][1]
               : cp;
}

/* The folded code point at s[*i] (n bytes), advancing *i; a byte that
 * starts no UTF-8 sequence stands for itself, past every code point. */
static uint32_t next_folded(const char *s, size_t n, size_t *i)
{
    uint32_t cp = (unsigned char)s[*i];
    if (cp < 0x80) {
        *i += 1;
        return cp; /* ASCII folds to itself */
    }
    const unsigned char *u = (const unsigned char *)s + *i;
    if (cp >= 0xE1 && cp <= 0xEC && n - *i >= 3 && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80) { /* three bytes, no overlong nor surrogate:
                                    the CJK range, decoded here */
        *i += 3;
        return names_fold_cp((cp & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 |
                             (u[2] & 0x3F));
    }
    int k = utf8_decode(s + *i, n - *i, &cp);
    if (k == 0) {
        cp = 0x110000u + (unsigned char)s[*i];
        *i += 1;
        return cp;
    }
    *i += (size_t)k;
    return names_fold_cp(cp);
}

/* Whether a[*i] and b[*j] start the same folded code point, advancing
 * both. An ASCII byte is only ever equal to itself: no character folds to
 * ASCII, and a byte that is not UTF-8 stands past every code point. */
static bool same_next(const char *a, size_t la, size_t *i, const char *b,
                      size_t lb, size_t *j)
{
    unsigned char ca = (unsigned char)a[*i], cb = (unsigned char)b[*j];
    if (ca < 0x80 || cb < 0x80) {
        *i += 1;
        *j += 1;
        return ca == cb;
    }
    return next_folded(a, la, i) == next_folded(b, lb, j);
}

bool names_eqn(const char *a, size_t la, const char *b, size_t lb)
{
    if (la == lb && memcmp(a, b, la) == 0)
        return true;
    size_t i = 0, j = 0;
    while (i < la && j < lb)
        if (!same_next(a, la, &i, b, lb, &j))
            return false;
    return i == la && j == lb;
}

bool names_eq(const char *a, const char *b)
{
    /* NUL-terminated: utf8_decode stops at the NUL, which is no
       continuation byte, so the lengths need not be known */
    size_t i = 0, j = 0;
    while (a[i] && b[j])
        if (!same_next(a, SIZE_MAX, &i, b, SIZE_MAX, &j))
            return false;
    return !a[i] && !b[j];
}

bool names_prefix(const char *s, const char *prefix)
{
    size_t ls = strlen(s), lp = strlen(prefix), i = 0, j = 0;
    while (i < ls && j < lp)
        if (next_folded(s, ls, &i) != next_folded(prefix, lp, &j))
            return false;
    return j == lp;
}

/* Append the UTF-8 of cp (a code point, or a raw byte past them) to out. */
static size_t put_utf8(uint32_t cp, char *out)
{
    if (cp >= 0x110000u) {
        out[0] = (char)(cp - 0x110000u);
        return 1;
    }
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

char *names_fold(struct arena *a, const char *s)
{
    size_t n = strlen(s), i = 0, o = 0;
    /* a code point of 1 to 3 bytes may fold to one of 4 */
    char *out = arena_alloc(a, 2 * n + 1);
    while (i < n)
        o += put_utf8(next_folded(s, n, &i), out + o);
    out[o] = '\0';
    return out;
}

void names_clash(struct diag_list *dl, const struct src_loc *loc,
                 const char *name, const char *first,
                 const struct src_loc *first_loc, bool amend)
{
    struct diag *d = DIAG(dl, DIAG_ERROR, loc, name_clash, name, first,
                          names_fold(dl->arena, name));
    const char *file = first_loc->src ? first_loc->src->name : "?";
    int line = first_loc->first_line, col = first_loc->first_column;
    if (first_loc->src == loc->src)
        HINT(dl, d, name_clash_here, first, file, line, col);
    else if (amend)
        HINT(dl, d, name_clash_amend, first, file, line, col);
    else
        HINT(dl, d, name_clash_base, first, file, line, col);
}

void names_option_clash(struct diag_list *dl, const struct src_loc *loc,
                        const char *name, const char *first,
                        const struct src_loc *first_loc)
{
    struct diag *d = DIAG(dl, DIAG_ERROR, loc, option_clash, name, first,
                          names_fold(dl->arena, name));
    HINT(dl, d, option_clash_first, first,
         first_loc->src ? first_loc->src->name : "?", first_loc->first_line,
         first_loc->first_column);
}

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    size_t i = 0;
    while (i < n) {
        uint32_t cp = next_folded(s, n, &i);
        for (int b = 0; b < 3; b++) {
            h ^= (cp >> (8 * b)) & 0xFF;
            h *= 1099511628211ULL;
        }
    }
    return h;
}

void names_init(struct names *m, struct arena *a, size_t expect)
{
    size_t cap = 16;
    while (cap < expect * 2)
        cap *= 2;
    m->arena = a;
    m->cap = cap;
    m->len = 0;
    m->keys = arena_calloc(a, cap, sizeof *m->keys);
    m->lens = arena_calloc(a, cap, sizeof *m->lens);
    m->vals = arena_calloc(a, cap, sizeof *m->vals);
    m->ekeys = arena_calloc(a, cap, sizeof *m->ekeys);
    m->elens = arena_calloc(a, cap, sizeof *m->elens);
    m->evals = arena_calloc(a, cap, sizeof *m->evals);
}

static uint64_t byte_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* The slot of key in the table by bytes. */
static size_t eslot(const struct names *m, const char *key, size_t len)
{
    size_t i = byte_hash(key, len) & (m->cap - 1);
    while (m->ekeys[i] &&
           (m->elens[i] != len || memcmp(m->ekeys[i], key, len) != 0))
        i = (i + 1) & (m->cap - 1);
    return i;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t slot(const struct names *m, const char *key, size_t len)
{
    size_t i = hash(key, len) & (m->cap - 1);
    while (m->keys[i] && !names_eqn(m->keys[i], m->lens[i], key, len))
        i = (i + 1) & (m->cap - 1);
    return i;
}

int names_getn(const struct names *m, const char *key, size_t len)
{
    if (!m->cap)
        return -1;
    size_t e = eslot(m, key, len); /* as it was put: nothing to fold */
    if (m->ekeys[e])
        return m->evals[e];
    size_t i = slot(m, key, len);
    return m->keys[i] ? m->vals[i] : -1;
}

int names_get(const struct names *m, const char *key)
{
    return names_getn(m, key, strlen(key));
}

const char *names_key(const struct names *m, const char *key)
{
    if (!m->cap)
        return NULL;
    return m->keys[slot(m, key, strlen(key))];
}

static void grow(struct names *m)
{
    struct names bigger;
    names_init(&bigger, m->arena, m->cap);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            names_put(&bigger, m->keys[i], m->vals[i]);
    *m = bigger;
}

int names_put(struct names *m, const char *key, int val)
{
    if (!m->cap)
        names_init(m, m->arena, 8);
    if ((m->len + 1) * 2 > m->cap)
        grow(m);
    size_t n = strlen(key);
    size_t i = slot(m, key, n);
    if (m->keys[i])
        return m->vals[i];
    m->keys[i] = key;
    m->lens[i] = n;
    m->vals[i] = val;
    size_t e = eslot(m, key, n);
    m->ekeys[e] = key;
    m->elens[e] = n;
    m->evals[e] = val;
    m->len++;
    return -1;
}
