#ifndef ENGINE_REPORT_HTML_INT_H
#define ENGINE_REPORT_HTML_INT_H

/* Shared by the HTML report's two files; not an API. */

#include <stdio.h>

#include "engine/lang.h"
#include "engine/plan.h"
#include "engine/rongcuo.h"
#include "engine/sbuf.h"

enum {
    REPORT_SECTIONS = 1000, /* the cases whose explanation is in */
    REPORT_LISTED = 1000,   /* undetermined cases and errors listed */
    REPORT_LIST = 64        /* measures or facts named in a row */
};

/* A change of state in a diff: a verdict's index, or -1 none, -2
 * undetermined, -3 error. */
struct report_tr {
    int os, ns;
    bool monly; /* the same state, other measures */
    long n;
};

struct rc_report {
    const struct plan *p, *old; /* old: a diff's old rules, or NULL */
    struct rc_ruleset *rs, *rs_old;
    enum lang lang;
    FILE *rows, *secs; /* the table's rows, the explanations */
    int werr;          /* they could not be written */
    long n;            /* cases in the table */
    long cases, decided, undetermined, errors;
    long *by_verdict; /* by index; [verdicts.n]: decided with none */
    long *by_measure, *needed;
    long nundet, nerrs;
    struct sbuf undet, errs; /* the first REPORT_LISTED of each */
    struct report_tr *tr;
    int ntr, cap;
    char *note; /* a diff's parts that differ, as text */
    struct sbuf scratch;
};

struct report_arg {
    struct rc_report *rep;
    const char *rec;
    size_t len;
    const char *old;
    size_t olen;
    int changed;
    bool bad; /* a record that is not one of RC_HTML */
};

/* The rule set's name for a reader: its policy, else its file. */
const char *report_name(const struct plan *p);

#endif
