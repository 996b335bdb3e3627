#ifndef ENGINE_HANDLE_H
#define ENGINE_HANDLE_H

#include <stdbool.h>

/*
 * The process-wide registry of live handles of engine/rongcuo.h: a set of
 * (pointer, kind) guarded by a lock. A pointer is looked up, never
 * dereferenced, so that a freed, foreign or NULL handle is refused instead
 * of read. The library's only global state.
 */
enum handle_kind {
    H_RULESET = 1,
    H_DIAGS,
    H_CASES,
    H_CASE,        /* made by rc_case_new */
    H_STREAM_CASE, /* the current case of an rc_cases */
    H_EVAL,
    H_RULECACHE
};

/* Register p as a live handle of kind k: false when memory ran out (then
 * it is not registered). */
bool handle_add(const void *p, enum handle_kind k);
/* Whether p is a live handle of kind k. */
bool handle_live(const void *p, enum handle_kind k);
/* Unregister p: false when it was not a live handle of kind k. */
bool handle_drop(const void *p, enum handle_kind k);

#endif
