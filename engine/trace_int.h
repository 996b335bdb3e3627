#ifndef ENGINE_TRACE_INT_H
#define ENGINE_TRACE_INT_H

/* Shared by the text and JSON traces; not an API. */

#include <stdint.h>
#include <string.h>

#include "engine/eval.h"
#include "engine/sbuf.h"

/* A because text with its {name} parts filled in. */
void trace_because(const struct result *r, const struct text_part *b, int n,
                   enum lang lang, struct sbuf *out);
/* The same but for the literal that starts it (b[0].lit), which the
 * caller wrote. */
void trace_because_rest(const struct result *r, const struct text_part *b,
                        int n, enum lang lang, struct sbuf *out);

/* What a trace keeps in r->memo, by tag: a string of the plan as JSON
 * (sb_json), a written condition as JSON or as text in each language
 * (TRACE_MEMO_* + lang), the "file":…,"line": of a source, a literal of
 * a because text as JSON without its quotes (JLIT) or as text (TLIT);
 * and the parts of a trace that are the same in every case, each keyed
 * by the declaration it shows: a place in the rule set as text (TLOC) or
 * as JSON with its line (JLOC), the head of a rule with its citations
 * (TRULE + lang), of a finding (TCONCL), of a verdict line (TLINE +
 * lang), of a measure (TMEASURE + lang), "name = value" of a fact of
 * type bool (TFACT + lang * 2 + value), "part is false" of a part of a
 * condition (TPART + lang * 3 + truth); in JSON the head of a rule or
 * measure up to its because (JHEAD), of a finding (JCONCL), of a verdict
 * line (JLINE + lang), of a fact up to its value (JFACT) and, when it is
 * a bool, with its value and origin (JFACT + 1 + value * 3 + origin), of
 * a part of a condition up to its facts (JPART + lang * 3 + truth) and
 * the rules that repealed a conclusion (JREPEALED). */
enum {
    TRACE_MEMO_JSON,
    TRACE_MEMO_FILE,
    TRACE_MEMO_JCOND,
    TRACE_MEMO_TCOND = TRACE_MEMO_JCOND + 3,
    TRACE_MEMO_JLIT = TRACE_MEMO_TCOND + 3,
    TRACE_MEMO_TLOC,
    TRACE_MEMO_JLOC,
    TRACE_MEMO_TRULE,
    TRACE_MEMO_TCONCL = TRACE_MEMO_TRULE + 3,
    TRACE_MEMO_TLINE,
    TRACE_MEMO_TMEASURE = TRACE_MEMO_TLINE + 3,
    TRACE_MEMO_TFACT = TRACE_MEMO_TMEASURE + 3,
    TRACE_MEMO_TPART = TRACE_MEMO_TFACT + 6,
    TRACE_MEMO_JHEAD = TRACE_MEMO_TPART + 9,
    TRACE_MEMO_JCONCL,
    TRACE_MEMO_JLINE,
    TRACE_MEMO_JFACT = TRACE_MEMO_JLINE + 3,
    TRACE_MEMO_JPART = TRACE_MEMO_JFACT + 7,
    TRACE_MEMO_JREPEALED = TRACE_MEMO_JPART + 9,
    TRACE_MEMO_TLIT,
    TRACE_MEMO_NAMES /* + json: struct trace_names, keyed by the plan */
};

/* Whether r's memo holds a text for (key, tag): it is then put in out.
 * Otherwise the caller makes it at the end of out and keeps it with
 * trace_keep(r, key, tag, out, start), start being out->len before. */
static inline bool trace_memo(const struct result *r, const void *key, int tag,
                              struct sbuf *out)
{
    const struct memo_ent *e = memo_get(r->memo, key, tag);
    if (e)
        sb_put(out, e->text, e->len);
    return e != NULL;
}

static inline void trace_keep(const struct result *r, const void *key, int tag,
                              const struct sbuf *out, size_t start)
{
    memo_put(r->memo, key, tag, out->p + start, out->len - start);
}

/* The names a brief line lists, made once per result: the verdicts,
 * then the measure IDs, the rule IDs and the fact names, in plan order,
 * each as a comma then the name (as sb_json writes it when json, else as
 * it is), name k at text[off[k]..off[k + 1]). */
struct trace_names {
    const char *text;
    const size_t *off;
    int measures, rules, facts; /* where each kind starts */
};

const struct trace_names *trace_names(const struct result *r, bool json,
                                      struct sbuf *out);

/* ",name" of name k of t copied to d, which has room for it and
 * TRACE_NAMES_PAD bytes more; returns the end. The text of t is followed
 * by TRACE_NAMES_PAD bytes, so a short name is copied in one fixed move. */
#define TRACE_NAMES_PAD 16
static inline char *trace_name_copy(const struct trace_names *t, int k, char *d)
{
    size_t n = t->off[k + 1] - t->off[k];
    if (n <= TRACE_NAMES_PAD)
        memcpy(d, t->text + t->off[k], TRACE_NAMES_PAD);
    else
        memcpy(d, t->text + t->off[k], n);
    return d + n;
}

/* trace_name_copy of each name base + i of t for which w, bytes i.. of a
 * list, holds 1, w having only bit 0 of each byte left. */
static inline char *trace_names_word(const struct trace_names *t, int base,
                                     int i, uint64_t w, char *d)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; w; w &= w - 1)
        d = trace_name_copy(t, base + i + __builtin_ctzll(w) / 8, d);
#else
    for (int j = 0; j < 8; j++)
        if (((const unsigned char *)&w)[j])
            d = trace_name_copy(t, base + i + j, d);
#endif
    return d;
}

/* ",name" of each name base + i of t for which is[i] is 1, i < n, put in
 * out; eight bytes of is are looked at together, since few are 1. */
static inline void trace_names_put(const struct trace_names *t, int base,
                                   const uint8_t *is, int n, struct sbuf *out)
{
    const uint64_t ones = 0x0101010101010101u;
    size_t most = t->off[base + n] - t->off[base] + TRACE_NAMES_PAD;
    if (out->len + most + 1 > out->cap)
        sb_grow(out, most);
    char *d = out->p + out->len;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, is + i, sizeof w);
        if (w & ones)
            d = trace_names_word(t, base, i, w & ones, d);
    }
    for (; i < n; i++)
        if (is[i] == 1)
            d = trace_name_copy(t, base + i, d);
    *d = '\0';
    out->len = (size_t)(d - out->p);
}

/* trace_because as a JSON string, what sb_json would write of it, in two
 * halves: the opening quote and the first literal, which are the same in
 * every case, then the rest (n > 0). */
void trace_json_because_head(const struct result *r, const struct text_part *b,
                             struct sbuf *out);
void trace_json_because_rest(const struct result *r, const struct text_part *b,
                             int n, enum lang lang, struct sbuf *out);

/* s, a string that lives as long as the plan, as sb_json writes it; made
 * once per result. */
void trace_json_name(const struct result *r, const char *s, struct sbuf *out);
/* Condition e as show_expr writes it in lang (NULL: the keyword
 * otherwise), as a JSON string when json; made once per result. */
void trace_cond(const struct result *r, const struct wexpr *e, enum lang lang,
                bool json, struct sbuf *out);

#endif
