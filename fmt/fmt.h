#ifndef FMT_FMT_H
#define FMT_FMT_H

#include <stdbool.h>

#include "engine/sbuf.h"
#include "engine/source.h"
#include "parser/parse.h"

/*
 * rongcuo fmt: a rule or case file in the one canonical layout
 * (docs/fmt.md). The layout is decided from the tokens alone; what lies
 * between them (comments, blank lines) is kept: comments as they are
 * written, a run of blank lines as one.
 */

/* The layout of src, whose tokens (parsed without error) are toks, into
 * out. Returns false when the text laid out would not read as the same
 * tokens (never expected: the caller then leaves the file as it is). */
bool fmt_layout(struct arena *a, const struct source *src,
                const struct parse_tokens *toks, struct sbuf *out);

#endif
