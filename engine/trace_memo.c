#include "engine/trace.h"
#include "engine/trace_int.h"

#include <string.h>

#include "engine/show_expr.h"

/* What the text and JSON traces share: the texts made once per result
 * and kept in its memo (trace_int.h), and the because texts. */

/* A text of the rule set, its control characters escaped unless it has
 * none (plan.plain). */
static void rs_text(struct sbuf *out, const char *s, bool plain)
{
    if (plain)
        sb_puts(out, s);
    else
        sb_text(out, s);
}

void trace_json_name(const struct result *r, const char *s, struct sbuf *out)
{
    if (trace_memo(r, s, TRACE_MEMO_JSON, out))
        return;
    size_t start = out->len;
    sb_json(out, s);
    trace_keep(r, s, TRACE_MEMO_JSON, out, start);
}

void trace_cond(const struct result *r, const struct wexpr *e, enum lang lang,
                bool json, struct sbuf *out)
{
    static const char otherwise; /* the key of e NULL */
    const void *key = e ? (const void *)e : &otherwise;
    int text = TRACE_MEMO_TCOND + (int)lang;
    int tag = json ? TRACE_MEMO_JCOND + (int)lang : text;
    if (trace_memo(r, key, tag, out))
        return;
    size_t start = out->len;
    const struct memo_ent *t = memo_get(r->memo, key, text);
    if (!t) {
        if (e)
            show_expr(e, lang, out);
        else
            sb_puts(out, kw_text(KW_OTHERWISE, lang));
        trace_keep(r, key, text, out, start);
        if (!json)
            return;
        t = memo_get(r->memo, key, text);
        out->len = start;
    }
    sb_json(out, t->text);
    trace_keep(r, key, tag, out, start);
}

/* The {name} of because part b, filled in. */
static void because_value(const struct result *r, const struct text_part *b,
                          enum lang lang, struct sbuf *out)
{
    if (b->fact >= 0)
        trace_value(&r->p->facts[b->fact], &r->cf->vals[b->fact], lang, out);
    else if (b->concl >= 0)
        sb_puts(out, kw_text(r->concl[b->concl] == TV_TRUE    ? KW_TRUE
                             : r->concl[b->concl] == TV_FALSE ? KW_FALSE
                                                              : KW_UNKNOWN,
                             lang));
}

void trace_because(const struct result *r, const struct text_part *b, int n,
                   enum lang lang, struct sbuf *out)
{
    if (n > 0)
        rs_text(out, b[0].lit, r->p->plain);
    trace_because_rest(r, b, n, lang, out);
}

void trace_because_rest(const struct result *r, const struct text_part *b,
                        int n, enum lang lang, struct sbuf *out)
{
    for (int i = 0; i < n; i++) {
        if (i && !trace_memo(r, b[i].lit, TRACE_MEMO_TLIT, out)) {
            size_t start = out->len;
            rs_text(out, b[i].lit, r->p->plain);
            trace_keep(r, b[i].lit, TRACE_MEMO_TLIT, out, start);
        }
        because_value(r, &b[i], lang, out);
    }
}

/* Literal s of a because text as the JSON trace writes it (no quotes);
 * made once per result. */
static void json_lit(const struct result *r, const char *s, struct sbuf *out)
{
    if (trace_memo(r, s, TRACE_MEMO_JLIT, out))
        return;
    struct sbuf t = {0};
    rs_text(&t, s, r->p->plain);
    size_t start = out->len;
    sb_json_chars(out, t.p ? t.p : "");
    sb_free(&t);
    trace_keep(r, s, TRACE_MEMO_JLIT, out, start);
}

void trace_json_because_head(const struct result *r, const struct text_part *b,
                             struct sbuf *out)
{
    sb_putc(out, '"');
    json_lit(r, b[0].lit, out);
}

void trace_json_because_rest(const struct result *r, const struct text_part *b,
                             int n, enum lang lang, struct sbuf *out)
{
    for (int i = 0; i < n; i++) {
        if (i)
            json_lit(r, b[i].lit, out);
        size_t start = out->len;
        because_value(r, &b[i], lang, out);
        sb_json_fix(out, start);
    }
    sb_putc(out, '"');
}

/* Name k of the plan in trace_names' order. */
static const char *names_at(const struct plan *p, int k)
{
    if (k < p->verdicts.n)
        return p->verdicts.names[k];
    k -= p->verdicts.n;
    if (k < p->nmeasures)
        return p->measures[k].id;
    k -= p->nmeasures;
    if (k < p->nrules)
        return p->rules[k].id;
    return p->facts[k - p->nrules].name;
}

/* The names made at the end of out, which is left as it was, and kept. */
static const struct trace_names *names_make(const struct result *r, bool json,
                                            struct sbuf *out)
{
    const struct plan *p = r->p;
    struct arena *a = &r->memo->arena;
    int n = p->verdicts.n + p->nmeasures + p->nrules + p->nfacts;
    size_t *off = arena_calloc(a, (size_t)n + 1, sizeof *off);
    size_t start = out->len;
    for (int k = 0; k < n; k++) {
        off[k] = out->len - start;
        sb_putc(out, ',');
        if (json)
            sb_json(out, names_at(p, k));
        else
            sb_puts(out, names_at(p, k));
    }
    off[n] = out->len - start;
    struct trace_names *t = arena_alloc(a, sizeof *t);
    char *text = arena_alloc(a, off[n] + TRACE_NAMES_PAD + 1);
    if (off[n])
        memcpy(text, out->p + start, off[n]);
    t->text = text;
    t->off = off;
    t->measures = p->verdicts.n;
    t->rules = t->measures + p->nmeasures;
    t->facts = t->rules + p->nrules;
    out->len = start;
    if (out->p)
        out->p[start] = '\0';
    memo_put(r->memo, p, TRACE_MEMO_NAMES + json, (const char *)&t, sizeof t);
    return t;
}

const struct trace_names *trace_names(const struct result *r, bool json,
                                      struct sbuf *out)
{
    const struct memo_ent *e = memo_get(r->memo, r->p, TRACE_MEMO_NAMES + json);
    if (!e)
        return names_make(r, json, out);
    const struct trace_names *t;
    memcpy(&t, e->text, sizeof t);
    return t;
}
