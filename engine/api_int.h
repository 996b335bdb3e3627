#ifndef ENGINE_API_INT_H
#define ENGINE_API_INT_H

/* The objects behind engine/rongcuo.h; shared by api.c and batch.c. */

#include <stdatomic.h>
#include <stdio.h>

#include "engine/arena.h"
#include "engine/cases.h"
#include "engine/diag.h"
#include "engine/eval.h"
#include "engine/handle.h"
#include "engine/plan.h"
#include "engine/rongcuo.h"
#include "engine/sbuf.h"
#include "engine/testrun.h"

struct parse_stream;

struct rc_ruleset {
    struct arena arena;
    struct plan *plan;
    struct sbuf shown, tested, junit;
    struct coverage cov; /* of the last rc_ruleset_test */
    bool has_cov;
    atomic_int refs; /* the caller's, and one per case, stream, eval */
};

struct rc_diags {
    struct arena arena;
    struct diag_list list;
    struct sbuf text;
};

struct rc_case {
    struct case_facts *cf;
    struct rc_ruleset *rs; /* made by rc_case_new: a reference */
    atomic_int refs;       /* the caller's, and one per eval holding it */
    /* made by rc_case_new: owned here */
    const struct plan *p;
    struct arena *own;
    struct diag_list *errors; /* of the case: none, for rc_case_new */
    struct diag_list *last;   /* why the last rc_case_set failed */
    const char *fail;         /* or this, when it could not say */
};

struct rc_eval {
    struct result *r;
    struct sbuf out;
    struct rc_ruleset *rs;   /* a reference */
    struct rc_case *held;    /* the case evaluated, if made by rc_case_new:
                                a reference, so that it can be rendered */
    struct rc_cases *stream; /* or the stream it came from ... */
    unsigned long serial;    /* ... and which of its cases it was */
    const char *error;       /* why nothing can be rendered, or NULL */
};

struct rc_cases {
    struct rc_ruleset *rs;        /* a reference */
    unsigned long serial;         /* cases handed out by rc_cases_next */
    const struct case_facts *oom; /* the case for running out of memory */
    bool gave_up;                 /* by running out of memory */
    const struct plan *p;
    const char *path;
    struct rc_case cur;
    bool jsonl;
    /* .case files: the whole text, parsed one case block at a time */
    struct arena file_arena;
    struct diag_list file_diags;
    struct parse_stream *stream;
    struct case_facts *queued; /* rc_cases_next: the case after an error
                                  entry, in case_arena */
    struct case_facts **cases; /* a file that could not be read: its error */
    int ncases, next;
    /* JSON Lines: one line at a time */
    FILE *f;
    char in[65536]; /* read ahead */
    long size;      /* of the file, for progress; 0: not known */
    size_t pos, fill;
    char *line;
    size_t linecap;
    int lineno;
    int read_err;  /* errno of a read error; reading has stopped */
    bool ended;    /* no more to read: end of file, an error, or given up */
    bool after_cr; /* the last line ended with CR: a LF next belongs to it */
    bool endless;  /* the last line had no end in LIMIT_FILE_BYTES */
    bool told;     /* the read error has been handed out as a case */
    struct cases_ids ids; /* of the cases handed out, in input order */
    long warnings;        /* cases given a warning for their ID */
    struct arena case_arena;
    struct diag_list case_diags;
};

/* The next line of a JSON Lines stream into cs->line; its full length,
 * or -1 at the end or at a read error (then cs->read_err is set)
 * (api_read.c). */
ssize_t api_read_line(struct rc_cases *cs);
/* The name of path in diagnostics: "<stdin>" for "-" (api_read.c). */
const char *api_name(const char *path);
/* A warning on cf when an earlier case of cs had its ID (api_read.c). */
void api_check_id(struct rc_cases *cs, struct case_facts *cf);
/* The case for a read error at line lineno (api_read.c). */
struct case_facts *api_read_error(struct arena *a, const struct plan *p,
                                  const char *path, int err, int lineno,
                                  struct diag_list *errors);
/* Whether a line holds only spaces, tabs and line ends. */
bool api_blank(const char *s, size_t n);
/* The length of a line without its trailing "\n" or "\r\n". */
size_t api_chomp(const char *s, size_t n);
/* The case for a line that was too long; endless: it had no end within
 * LIMIT_FILE_BYTES, and the rest of the input is not read (api_read.c). */
struct case_facts *api_long_line(struct arena *a, const struct plan *p,
                                 const char *path, const char *start,
                                 int lineno, bool endless,
                                 struct diag_list *errors);

/* The next entries of a .case file, allocated in a: an error entry for
 * what lies between case blocks, if anything, then the next case; their
 * number, 0 at the end (api.c). */
int api_case_next(struct rc_cases *cs, struct arena *a,
                  struct case_facts *out[2]);
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

#endif
