/* madvise(MADV_HUGEPAGE) */
#define _DEFAULT_SOURCE

#include "engine/arena.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define BLOCK_MIN ((size_t)16 * 1024)
/* A large arena (arena_large) past a megabyte grows by blocks of a
 * quarter of what it holds, from HUGE up to BLOCK_MAX: whole huge pages,
 * for a page fault per 2 MiB instead of one per 4 KiB. */
#define HUGE      ((size_t)2 * 1024 * 1024)
#define BLOCK_MAX (8 * HUGE)

struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    max_align_t data[]; /* aligned storage */
};

/* A temporary block (xtemp_calloc), newest first in its thread's list. */
struct temp {
    struct temp *next;
    size_t size; /* of data */
    max_align_t data[];
};

/* A recovery point: the innermost one of each thread is on top. */
struct rescue {
    jmp_buf jb;
    struct rescue *prev;
    struct temp *temps; /* the thread's temporaries when it was set */
};

static _Thread_local struct rescue *rescue_top;
static _Thread_local struct temp *temps;
static atomic_long fail_countdown; /* arena_fail_after */

long arena_fail_after(long n)
{
    return atomic_exchange(&fail_countdown, n);
}

/* Whether the test hook makes this allocation fail. */
static bool injected(void)
{
    if (atomic_load_explicit(&fail_countdown, memory_order_relaxed) <= 0)
        return false;
    return atomic_fetch_sub(&fail_countdown, 1) == 1;
}

/* *bytes (rounded up to whole huge pages, and set to that), aligned to
 * them, with the advice to back them with huge pages (the kernel takes
 * it or not); for free(). */
static void *huge_alloc(size_t *bytes)
{
    if (*bytes > SIZE_MAX - HUGE)
        arena_oom();
    *bytes = (*bytes + HUGE - 1) / HUGE * HUGE;
    void *p = NULL;
    if (injected() || posix_memalign(&p, HUGE, *bytes) != 0)
        arena_oom();
#ifdef MADV_HUGEPAGE
    madvise(p, *bytes, MADV_HUGEPAGE);
#endif
    return p;
}

_Noreturn void arena_oom(void)
{
    struct rescue *r = rescue_top;
    if (!r) {
        fputs("rongcuo: out of memory\n", stderr);
        abort();
    }
    rescue_top = r->prev;
    while (temps != r->temps) { /* those made since it was set */
        struct temp *t = temps;
        temps = t->next;
        free(t);
    }
    longjmp(r->jb, 1);
}

int arena_protect(void (*fn)(void *), void *ud)
{
    struct rescue r;
    r.prev = rescue_top;
    r.temps = temps;
    rescue_top = &r;
    if (setjmp(r.jb) != 0)
        return -1; /* arena_oom has popped it */
    fn(ud);
    rescue_top = r.prev;
    return 0;
}

void *xmalloc(size_t size)
{
    void *p = injected() ? NULL : malloc(size ? size : 1);
    if (!p)
        arena_oom();
    return p;
}

void *xrealloc(void *p, size_t size)
{
    void *q = injected() ? NULL : realloc(p, size ? size : 1);
    if (!q)
        arena_oom();
    return q;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = injected() ? NULL : calloc(n ? n : 1, size ? size : 1);
    if (!p)
        arena_oom();
    return p;
}

void *xtemp_calloc(size_t n, size_t size)
{
    if (size && n > (SIZE_MAX - sizeof(struct temp)) / size)
        arena_oom();
    struct temp *t = xcalloc(1, sizeof *t + n * size);
    t->size = n * size;
    t->next = temps;
    temps = t;
    return t->data;
}

/* Where the list holds the temporary p. */
static struct temp **temp_at(void *p)
{
    struct temp **at = &temps;
    while (*at && (void *)(*at)->data != p)
        at = &(*at)->next;
    if (!*at)
        abort(); /* not a temporary of this thread: a bug */
    return at;
}

void *xtemp_realloc(void *p, size_t n, size_t size)
{
    if (!p)
        return xtemp_calloc(n, size);
    if (size && n > (SIZE_MAX - sizeof(struct temp)) / size)
        arena_oom();
    struct temp **at = temp_at(p), *t = *at;
    size_t bytes = sizeof *t + n * size;
    if (bytes < HUGE / 2) {
        t = xrealloc(t, bytes);
    } else { /* in huge pages, as a large arena's blocks */
        struct temp *old = t;
        t = huge_alloc(&bytes);
        memcpy(t, old,
               sizeof *t + (old->size < n * size ? old->size : n * size));
        free(old);
    }
    t->size = n * size;
    *at = t;
    return t->data;
}

void xtemp_free(void *p)
{
    if (!p)
        return;
    struct temp **at = temp_at(p);
    struct temp *t = *at;
    *at = t->next;
    free(t);
}

void arena_init(struct arena *a)
{
    a->head = NULL;
    a->total = 0;
    a->large = false;
}

void arena_large(struct arena *a)
{
    a->large = true;
}

void arena_free(struct arena *a)
{
    struct arena_block *b = a->head;
    while (b) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void arena_reset(struct arena *a)
{
    struct arena_block *b = a->head;
    if (!b)
        return;
    /* keep the oldest block, which is a full-sized one, for reuse */
    while (b->next) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    b->used = 0;
    a->head = b;
    a->total = 0;
}

/* A block for at least size bytes (aligned); its cap is set. */
static struct arena_block *new_block(const struct arena *a, size_t size)
{
    size_t cap = a->total / 4 < BLOCK_MAX ? a->total / 4 : BLOCK_MAX;
    if (!a->large || a->total < HUGE / 2)
        cap = BLOCK_MIN;
    else if (cap < HUGE)
        cap = HUGE;
    if (cap < size)
        cap = size;
    struct arena_block *b;
    if (!a->large || cap < HUGE / 2) {
        b = xmalloc(sizeof *b + cap);
        b->cap = cap;
        return b;
    }
    size_t bytes = sizeof *b + cap;
    b = huge_alloc(&bytes);
    b->cap = bytes - sizeof *b;
    return b;
}

void *arena_alloc_raw(struct arena *a, size_t size)
{
    const size_t align = sizeof(max_align_t);
    if (size > SIZE_MAX / 2)
        arena_oom();
    size = (size + align - 1) / align * align;
    if (size == 0)
        size = align;
    struct arena_block *b = a->head;
    if (!b || b->cap - b->used < size) {
        b = new_block(a, size);
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    a->total += size;
    return p;
}

void *arena_alloc(struct arena *a, size_t size)
{
    void *p = arena_alloc_raw(a, size);
    memset(p, 0, size);
    return p;
}

void *arena_calloc(struct arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        arena_oom();
    return arena_alloc(a, n * size);
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
    char *p = arena_alloc_raw(a, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return arena_strdup(a, "");
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
