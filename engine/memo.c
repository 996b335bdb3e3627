#include "engine/memo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Texts made once and kept (engine/memo.h). */

const struct memo_ent *memo_find(const struct memo *m, const void *key, int tag)
{
    if (!m->cap)
        return NULL;
    for (size_t i = memo_hash(key, tag, m->cap);; i = (i + 1) & (m->cap - 1)) {
        const struct memo_ent *e = &m->ents[i];
        if (!e->key)
            return NULL;
        if (e->key == key && e->tag == tag)
            return e;
    }
}

static struct memo_ent *memo_slot(struct memo *m, const void *key, int tag)
{
    size_t i = memo_hash(key, tag, m->cap);
    while (m->ents[i].key)
        i = (i + 1) & (m->cap - 1);
    return &m->ents[i];
}

/* Twice the room, at most half full after. */
static void memo_grow(struct memo *m)
{
    struct memo_ent *old = m->ents;
    size_t n = m->cap, cap = n ? n * 2 : 64;
    struct memo_ent *ents = xcalloc(cap, sizeof *ents);
    m->ents = ents;
    m->cap = cap;
    for (size_t i = 0; i < n; i++)
        if (old[i].key)
            *memo_slot(m, old[i].key, old[i].tag) = old[i];
    free(old);
}

const struct memo_ent *memo_put(struct memo *m, const void *key, int tag,
                                const char *text, size_t len)
{
    if (2 * (m->len + 1) > m->cap)
        memo_grow(m);
    const char *copy = arena_strndup(&m->arena, text, len);
    struct memo_ent *e = memo_slot(m, key, tag);
    e->key = key;
    e->tag = tag;
    e->len = len;
    e->text = copy;
    m->len++;
    return e;
}

const char *memo_last(const struct memo *m, const char *of, size_t *len)
{
    if (!m->last_of || strcmp(m->last_of, of) != 0)
        return NULL;
    *len = m->last_len;
    return m->last;
}

void memo_keep_last(struct memo *m, const char *of, const char *text,
                    size_t len)
{
    size_t n = strlen(of);
    char *copy = xmalloc(n + 1 + len + 1);
    memcpy(copy, of, n + 1);
    memcpy(copy + n + 1, text, len);
    copy[n + 1 + len] = '\0';
    free(m->last_of);
    m->last_of = copy;
    m->last = copy + n + 1;
    m->last_len = len;
}

void memo_free(struct memo *m)
{
    free(m->last_of);
    m->last_of = m->last = NULL;
    free(m->ents);
    arena_free(&m->arena);
    m->ents = NULL;
    m->cap = m->len = 0;
}
