#include "engine/handle.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

/* Open addressing with linear probing; a slot whose kind is 0 is free,
 * one whose kind is -1 held a handle since dropped. */
struct slot {
    const void *p;
    int kind;
};

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static struct slot *slots;
static size_t cap, used; /* used counts live and dropped slots */
static size_t live;      /* live handles: with none, no table is kept */

static size_t hash(const void *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= (uintptr_t)0x9E3779B97F4A7C15u;
    return (size_t)(x ^ (x >> 29));
}

/* The slot of p, or NULL. Under the lock. */
static struct slot *find(const void *p)
{
    if (!cap)
        return NULL;
    for (size_t i = hash(p) & (cap - 1);; i = (i + 1) & (cap - 1)) {
        if (slots[i].kind == 0)
            return NULL;
        if (slots[i].p == p && slots[i].kind > 0)
            return &slots[i];
    }
}

/* Room for one more: rehash the live slots into a table twice as large
 * as they need. False when memory ran out. Under the write lock. */
static bool grow(void)
{
    if ((used + 1) * 2 <= cap)
        return true;
    size_t ncap = 64;
    while (ncap < (live + 1) * 4)
        ncap *= 2;
    struct slot *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return false;
    for (size_t i = 0; i < cap; i++) {
        if (slots[i].kind <= 0)
            continue;
        size_t j = hash(slots[i].p) & (ncap - 1);
        while (ns[j].kind)
            j = (j + 1) & (ncap - 1);
        ns[j] = slots[i];
    }
    free(slots);
    slots = ns;
    cap = ncap;
    used = live;
    return true;
}

bool handle_add(const void *p, enum handle_kind k)
{
    pthread_rwlock_wrlock(&lock);
    bool ok = grow();
    if (ok) {
        size_t i = hash(p) & (cap - 1);
        while (slots[i].kind > 0)
            i = (i + 1) & (cap - 1);
        used += slots[i].kind == 0;
        slots[i] = (struct slot){p, (int)k};
        live++;
    }
    pthread_rwlock_unlock(&lock);
    return ok;
}

bool handle_live(const void *p, enum handle_kind k)
{
    if (!p)
        return false;
    pthread_rwlock_rdlock(&lock);
    const struct slot *s = find(p);
    bool ok = s && s->kind == (int)k;
    pthread_rwlock_unlock(&lock);
    return ok;
}

bool handle_drop(const void *p, enum handle_kind k)
{
    if (!p)
        return false;
    pthread_rwlock_wrlock(&lock);
    struct slot *s = find(p);
    bool ok = s && s->kind == (int)k;
    if (ok)
        s->kind = -1;
    if (ok && --live == 0) { /* the last one: nothing left behind */
        free(slots);
        slots = NULL;
        cap = used = 0;
    }
    pthread_rwlock_unlock(&lock);
    return ok;
}
