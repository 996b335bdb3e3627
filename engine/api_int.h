#ifndef ENGINE_API_INT_H
#define ENGINE_API_INT_H

/* The objects behind engine/rongcuo.h; shared by api.c and batch.c. */

#include <stdatomic.h>
#include <stdio.h>

#include "engine/arena.h"
#include "engine/caseread.h"
#include "engine/cases.h"
#include "engine/diag.h"
#include "engine/eval.h"
#include "engine/handle.h"
#include "engine/layer.h"
#include "engine/plan.h"
#include "engine/rongcuo.h"
#include "engine/sbuf.h"
#include "engine/testrun.h"

/* Rule files kept for a run (engine/layer.h). */
struct rc_rulecache {
    struct layer_cache files;
    atomic_int refs; /* the caller's, and one per rule set loaded with it */
};

/* How many rule files cache has read, for tests. */
long api_rulecache_reads(const struct rc_rulecache *cache);

struct rc_ruleset {
    struct arena arena;
    struct plan *plan;
    struct sbuf shown, tested, junit;
    struct coverage cov; /* of the last rc_ruleset_test */
    bool has_cov;
    const char **files; /* the file loaded, the file it extends, …: in the
                           arena, nfiles of them */
    int nfiles;
    atomic_int refs; /* the caller's, and one per case, stream, eval */
    struct rc_rulecache *cache; /* its files are there: a reference */
};

struct rc_diags {
    struct arena arena;
    struct diag_list list; /* in the language list.lang */
    struct sbuf text[3];   /* the diagnostics as text, by language */
    enum lang lang_auto;   /* the author's: that of the rule file */
};

struct rc_case {
    struct case_facts *cf;
    struct rc_ruleset *rs; /* made by rc_case_new: a reference */
    atomic_int refs;       /* the caller's, and one per eval holding it */
    /* made by rc_case_new: owned here */
    const struct plan *p;
    struct arena *own;
    struct diag_list *errors; /* of the case: none, for rc_case_new */
    struct diag_list *last;   /* why the last rc_case_set failed: in
                                 scratch */
    const char *fail;         /* or this, when it could not say */
    struct arena scratch;     /* of the last rc_case_set, reset by the next */
    const struct source *value_src; /* where each value set stands */
};

/* The bytes that case c holds in its arenas, for tests: the same however
 * often a fact is set again (api_eval.c). */
size_t api_case_bytes(const struct rc_case *c);

struct rc_eval {
    struct result *r;
    struct sbuf out;
    struct rc_ruleset *rs;        /* a reference */
    struct rc_case *held;         /* the case evaluated, if made by rc_case_new:
                                     a reference, so that it can be rendered */
    struct rc_cases *stream;      /* or the stream it came from ... */
    unsigned long serial;         /* ... and which of its cases it was */
    const char *error;            /* why nothing can be rendered, or NULL */
    bool ignore_undeclared;       /* rc_eval_ignore_undeclared */
    struct rc_ruleset *ign_known; /* its known: a reference, or NULL */
    struct arena ign_arena;       /* the case without them, per evaluation */
    const char *ignored[CASES_UNKNOWN_SHOWN]; /* the facts dropped */
    int nignored;
};

struct rc_cases {
    struct rc_ruleset *rs;        /* a reference */
    unsigned long serial;         /* cases handed out by rc_cases_next */
    const struct case_facts *oom; /* the case for running out of memory */
    bool gave_up;                 /* by running out of memory */
    const struct plan *p;
    const char *path;
    struct rc_case cur;
    struct arena file_arena; /* what lasts: the path, a .case file's text */
    struct arena case_arena; /* the current case */
    struct case_reader rd;
};

/* Take and drop a reference to rs (api.c): the last drop frees it. */
void api_ruleset_hold(struct rc_ruleset *rs);
void api_ruleset_drop(struct rc_ruleset *rs);
/* Whether lang is one of enum rc_lang, and f one of enum rc_format. */
bool api_lang_ok(enum rc_lang lang);
bool api_format_ok(enum rc_format f);
/* The stream whose current case c is, or NULL when c is not one. */
struct rc_cases *api_stream_of(const struct rc_case *c);

/* A trace of r in format f (api.c). */
void api_render(const struct result *r, enum rc_format f, enum rc_lang lang,
                struct sbuf *out);

/* Copy the diagnostics dl into d (made with xcalloc, its arena and list
 * initialised), as text in every language and as data, in the author's
 * language dl->lang (api.c). */
void api_diags_copy(struct rc_diags *d, struct diag_list *dl);
/* The diagnostics handed out when memory runs out, and freeing d. */
struct rc_diags *api_diags_oom(void);
void api_diags_destroy(struct rc_diags *d);

#endif
