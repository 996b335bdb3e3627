#ifndef ENGINE_MEMO_H
#define ENGINE_MEMO_H

#include <stddef.h>
#include <stdint.h>

#include "engine/arena.h"

/*
 * Texts made once and kept: the traces write the same names, IDs, file
 * names and conditions case after case, each rendered (escaped, shown
 * with its keywords) the same way every time. A memo maps a key (the
 * address of what was rendered: a name of the plan, a written
 * condition) and a tag (how it was rendered: JSON or text, in which
 * language) to the bytes. Only what lives as long as the plan may be a
 * key, so a memo holds at most a few texts per declaration. Not shared
 * between threads: each result has its own.
 */
struct memo_ent {
    const void *key;
    int tag;
    size_t len;
    const char *text; /* in the memo's arena; NUL-terminated */
};

struct memo {
    struct memo_ent *ents; /* open addressing; key NULL: free */
    size_t cap, len;
    struct arena arena;
    /* One text kept by what it was made of, not by address: for a
     * string that does not live as long as the plan (a case file's
     * name), the same case after case. */
    char *last_of, *last;
    size_t last_len;
};

/* The entry for (key, tag), or NULL. A zeroed memo is empty. */
const struct memo_ent *memo_find(const struct memo *m, const void *key,
                                 int tag);

/* The slot a key is first looked for in, of cap slots (a power of 2). */
static inline size_t memo_hash(const void *key, int tag, size_t cap)
{
    uint64_t h = ((uint64_t)(uintptr_t)key ^ (uint64_t)tag << 56) *
                 0x9e3779b97f4a7c15ULL;
    return (size_t)(h >> 20) & (cap - 1);
}

/* memo_find, inline when the key is in its first slot (the traces look
 * names up a great many times). */
static inline const struct memo_ent *memo_get(const struct memo *m,
                                              const void *key, int tag)
{
    if (m->cap) {
        const struct memo_ent *e = &m->ents[memo_hash(key, tag, m->cap)];
        if (e->key == key && e->tag == tag)
            return e;
    }
    return memo_find(m, key, tag);
}
/* Keep text[0..len) for (key, tag), which the memo does not hold yet;
 * returns the entry. key is not NULL. */
const struct memo_ent *memo_put(struct memo *m, const void *key, int tag,
                                const char *text, size_t len);
/* The text kept by memo_keep_last when it was made of a string equal to
 * of, its length in *len; or NULL. */
const char *memo_last(const struct memo *m, const char *of, size_t *len);
/* Keep text[0..len), made of the string of, in place of the last. */
void memo_keep_last(struct memo *m, const char *of, const char *text,
                    size_t len);
void memo_free(struct memo *m);

#endif
