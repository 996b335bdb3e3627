#ifndef ENGINE_PLAN_SHOW_H
#define ENGINE_PLAN_SHOW_H

#include <stdbool.h>

#include "engine/lang.h"
#include "engine/num.h"
#include "engine/source.h"
#include "engine/wexpr.h"

struct expect_info;

/*
 * The declarations of a rule set as written, after layering (extends,
 * amend, repeal), kept in the compiled plan (plan.show) so that `show` and
 * rc_ruleset_part_text write the rule set back (engine/show.h) without the
 * syntax tree. Made when the rule set is checked (engine/plan_build.h).
 * Lists of names are kept as written, ", " between them, a prefix with
 * its '*'.
 */

enum wdecl_kind {
    WD_FACT,
    WD_CONCLUSION,
    WD_LIST,
    WD_RULE,
    WD_VERDICT,
    WD_MEASURE,
    WD_INVARIANT /* a bottom line: its title in title, no name */
};

enum wvalue_kind {
    WV_BOOL,
    WV_NUM,
    WV_DATE,
    WV_STR,
    WV_NAME,
    WV_SET,
    WV_UNKNOWN
};

struct wvalue { /* a fact's default as written */
    enum wvalue_kind kind;
    bool b;
    struct num num;
    int date;         /* a day number */
    const char *text; /* WV_STR, WV_NAME; WV_SET: the options */
};

struct wline { /* a line of the verdict table */
    const char *name;
    const struct wexpr *when; /* NULL: otherwise */
};

struct wdecl {
    enum wdecl_kind kind;
    const char *name;             /* ID; NULL for the verdict table */
    const char *title;            /* title or description, or NULL */
    struct src_loc loc;           /* the name's; the verdict's keyword */
    const struct src_loc *amends; /* the keyword of the base declaration
                                     this one replaced, or NULL */
    enum kw type;                 /* fact: KW_BOOL … KW_SET_OF */
    const char *unit;             /* fact, or NULL */
    const char *names;            /* fact: its options; list: its members */
    const struct wvalue *dflt;    /* fact: its default, or NULL */
    const char *const *cites;     /* rule, measure */
    int ncites;
    const struct wexpr *when;     /* rule, measure */
    const char *then, *overrides; /* rule; NULL when absent */
    const char *because;          /* rule, measure; NULL when absent */
    const struct wline *lines;    /* verdict */
    int nlines;
    const struct expect_info *expects; /* bottom line (engine/
                                          plan_tests.h) */
    int nexpects;
};

struct wrepeal { /* a base declaration that a variant repealed */
    enum wdecl_kind kind;
    const char *name;       /* "" for the verdict table */
    struct src_loc loc, by; /* its keyword, the repeal's */
    const char *because;    /* the repeal's, or NULL */
};

struct show_info {
    const char *const *files; /* the rule file, then its bases in turn */
    int nfiles;
    const struct wdecl *decls; /* in the order of the layered file */
    int ndecls;
    const struct wrepeal *repealed; /* in the order they were repealed */
    int nrepealed;
};

#endif
