#ifndef ENGINE_ARENA_H
#define ENGINE_ARENA_H

#include <stdbool.h>
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
    bool large;               /* arena_large */
};

void arena_init(struct arena *a);
/* a may grow large (a rule set of thousands of rules): past a megabyte it
 * grows by blocks of a quarter of what it holds, in huge pages, and a
 * piece of a megabyte or more is in huge pages of its own. Other arenas
 * (a case, a batch) grow by small blocks, to hold no more than they use. */
void arena_large(struct arena *a);
void arena_free(struct arena *a);
/* Free everything but one block, which the next allocations reuse: for
 * memory that lives one case at a time. */
void arena_reset(struct arena *a);

/* Zeroed, aligned for any object. Out of memory: see arena_protect. */
void *arena_alloc(struct arena *a, size_t size);
/* The same, not zeroed: for memory the caller fills at once. */
void *arena_alloc_raw(struct arena *a, size_t size);
/* n elements of size each, checked for overflow. */
void *arena_calloc(struct arena *a, size_t n, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);
/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The one out-of-memory policy, as Lua's: each public entry point of the
 * library runs its work under arena_protect, and an allocation that fails
 * (here or in an arena) jumps back to the innermost recovery point of its
 * thread, where the entry point frees what it owns and returns an error.
 * Code that holds memory outside an arena across an allocation protects
 * itself the same way, frees it, and calls arena_oom again. */
void *xmalloc(size_t size);
void *xrealloc(void *p, size_t size);
void *xcalloc(size_t n, size_t size);

/* A zeroed temporary of n elements of size each, freed with xtemp_free in
 * the same thread; one that out of memory skips is freed on the way to the
 * recovery point. */
void *xtemp_calloc(size_t n, size_t size);
/* The temporary p (or NULL: none yet) grown or shrunk to n elements of
 * size each, as realloc does: what is past its old size is not zeroed. */
void *xtemp_realloc(void *p, size_t n, size_t size);
void xtemp_free(void *p);

/* Run fn(ud) with a recovery point: 0 when it returned, -1 when memory ran
 * out inside it (then it stopped where the allocation failed). Nests. */
int arena_protect(void (*fn)(void *), void *ud);
/* Out of memory: jump to the innermost recovery point of this thread; with
 * none, print "rongcuo: out of memory" and abort (never so from rongcuo.h). */
_Noreturn void arena_oom(void);
/* Tests only: the nth allocation from now on, in any thread, fails
 * (0: none); returns how many were still to go before (0: it failed, or
 * none was set). Not part of the library interface. */
long arena_fail_after(long n);

#endif
