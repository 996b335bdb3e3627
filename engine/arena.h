#ifndef ENGINE_ARENA_H
#define ENGINE_ARENA_H

#include <stddef.h>

/*
 * A region allocator. Everything that belongs to one compilation (tokens,
 * syntax tree, diagnostics, the compiled rule set) lives in one arena and is
 * freed with it, so error recovery can never leak.
 */
struct arena_block;

struct arena {
    struct arena_block *head; /* newest block first */
    size_t total;             /* bytes handed out, for limits */
};

void arena_init(struct arena *a);
void arena_free(struct arena *a);
/* Free everything but one block, which the next allocations reuse: for
 * memory that lives one case at a time. */
void arena_reset(struct arena *a);

/* Zeroed, aligned for any object. Aborts on out-of-memory. */
void *arena_alloc(struct arena *a, size_t size);
/* n elements of size each, checked for overflow. */
void *arena_calloc(struct arena *a, size_t n, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);
/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The one out-of-memory policy: print and abort. */
void *xmalloc(size_t size);
void *xrealloc(void *p, size_t size);
void *xcalloc(size_t n, size_t size);

#endif
