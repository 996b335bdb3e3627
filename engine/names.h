#ifndef ENGINE_NAMES_H
#define ENGINE_NAMES_H

#include <stddef.h>

struct arena;

/* A map from names to small integers: open addressing, FNV-1a, in an
 * arena. Keys are compared bytewise and are not copied. */
struct names {
    const char **keys;
    size_t *lens;
    int *vals;
    size_t cap, len;
    struct arena *arena;
};

void names_init(struct names *m, struct arena *a, size_t expect);
/* The value of key, or -1. */
int names_get(const struct names *m, const char *key);
int names_getn(const struct names *m, const char *key, size_t len);
/* Insert key; returns the existing value when present, else -1. */
int names_put(struct names *m, const char *key, int val);

#endif
