#include "engine/names.h"

#include <stdint.h>
#include <string.h>

#include "engine/arena.h"

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
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
}

int names_getn(const struct names *m, const char *key, size_t len)
{
    if (!m->cap)
        return -1;
    size_t i = hash(key, len) & (m->cap - 1);
    while (m->keys[i]) {
        if (m->lens[i] == len && memcmp(m->keys[i], key, len) == 0)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    return -1;
}

int names_get(const struct names *m, const char *key)
{
    return names_getn(m, key, strlen(key));
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
    size_t i = hash(key, n) & (m->cap - 1);
    while (m->keys[i]) {
        if (strcmp(m->keys[i], key) == 0)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = key;
    m->lens[i] = n;
    m->vals[i] = val;
    m->len++;
    return -1;
}
