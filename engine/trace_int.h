#ifndef ENGINE_TRACE_INT_H
#define ENGINE_TRACE_INT_H

/* Shared by the text and JSON traces; not an API. */

#include "engine/eval.h"
#include "engine/sbuf.h"

/* A because text with its {name} parts filled in. */
void trace_because(const struct result *r, const struct text_part *b, int n,
                   enum lang lang, struct sbuf *out);

/* What a trace keeps in r->memo, by tag: a string of the plan as JSON
 * (sb_json), a written condition as JSON or as text in each language
 * (TRACE_MEMO_* + lang), the "file":…,"line": of a source, a literal of
 * a because text as JSON without its quotes. */
enum {
    TRACE_MEMO_JSON,
    TRACE_MEMO_FILE,
    TRACE_MEMO_JCOND,
    TRACE_MEMO_TCOND = TRACE_MEMO_JCOND + 3,
    TRACE_MEMO_JLIT = TRACE_MEMO_TCOND + 3
};

/* trace_because as a JSON string: what sb_json would write of it. */
void trace_json_because(const struct result *r, const struct text_part *b,
                        int n, enum lang lang, struct sbuf *out);

/* s, a string that lives as long as the plan, as sb_json writes it; made
 * once per result. */
void trace_json_name(const struct result *r, const char *s, struct sbuf *out);
/* Condition e as show_expr writes it in lang (NULL: the keyword
 * otherwise), as a JSON string when json; made once per result. */
void trace_cond(const struct result *r, const struct wexpr *e, enum lang lang,
                bool json, struct sbuf *out);

#endif
