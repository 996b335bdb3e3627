#ifndef ENGINE_TRACE_HTML_H
#define ENGINE_TRACE_HTML_H

#include "engine/eval.h"
#include "engine/sbuf.h"

/*
 * A case's part of the HTML report (docs/report.md), rendered from the
 * explanation model (engine/explain.h) and read back by the report writer
 * (engine/report_html.c). The record is lines of its own, every text from
 * a file HTML-escaped so that none holds a line break:
 *
 *   S V NM m1 … NF f1 …   status (0 decided, 1 undetermined, 2 error), the
 *                         verdict (-1: none), the measures attached and the
 *                         missing facts, most decisive first, by index
 *   ID                    the case's ID
 *   TITLE                 its title, or nothing
 *   ERROR                 for an error, where and what, or nothing
 *   BODY…                 the explanation: a <summary> and what it opens
 */
void trace_html(const struct result *r, enum lang lang, struct sbuf *out);

/* s with & < > " ' written as entities, a control character as &#xHH;
 * and a byte that is not UTF-8 as U+FFFD: safe in text and attributes. */
void sb_html(struct sbuf *out, const char *s);

/* The body of a record: what follows its fourth line. */
const char *trace_html_body(const char *rec, size_t len, size_t *blen);

#endif
