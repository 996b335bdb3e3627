#include "engine/trace.h"

#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/trace_int.h"
#include "engine/date.h"
#include "engine/explain.h"
#include "engine/msg.h"

/* The trace as JSON Lines (docs/trace.md). */

/* "file":…,"line":… of a place in a case file: the file's part made
 * once for the cases that follow in that file. */
static void jloc(const struct result *r, const struct src_loc *l,
                 struct sbuf *out)
{
    const char *name = l->src ? l->src->name : "";
    size_t len;
    const char *kept = memo_last(r->memo, name, &len);
    if (kept) {
        sb_put(out, kept, len);
    } else {
        size_t start = out->len;
        sb_puts(out, "\"file\":");
        sb_json(out, name);
        sb_puts(out, ",\"line\":");
        memo_keep_last(r->memo, name, out->p + start, out->len - start);
    }
    sb_long(out, l->first_line);
}

/* jloc for a place in the rule set: its file name made once, the whole
 * once per place. */
static void jploc(const struct result *r, const struct src_loc *l,
                  struct sbuf *out)
{
    if (trace_memo(r, l, TRACE_MEMO_JLOC, out))
        return;
    size_t whole = out->len;
    const void *key = l->src ? (const void *)l->src : (const void *)r->p;
    if (!trace_memo(r, key, TRACE_MEMO_FILE, out)) {
        size_t start = out->len;
        sb_puts(out, "\"file\":");
        sb_json(out, l->src ? l->src->name : "");
        sb_puts(out, ",\"line\":");
        trace_keep(r, key, TRACE_MEMO_FILE, out, start);
    }
    sb_long(out, l->first_line);
    trace_keep(r, l, TRACE_MEMO_JLOC, out, whole);
}

static void jstr_or_null(const char *s, struct sbuf *out)
{
    if (s)
        sb_json(out, s);
    else
        sb_puts(out, "null");
}

/* A string of the plan, or NULL. */
static void jname_or_null(const struct result *r, const char *s,
                          struct sbuf *out)
{
    if (s)
        trace_json_name(r, s, out);
    else
        sb_puts(out, "null");
}

static void jexpr(const struct result *r, const struct wexpr *e, enum lang lang,
                  struct sbuf *out)
{
    trace_cond(r, e, lang, true, out);
}

static void trace_json_value(const struct result *r, const struct fact_info *f,
                             const struct value *v, struct sbuf *out)
{
    char buf[64];
    if (!v->known) {
        sb_puts(out, "null");
        return;
    }
    switch (f->type) {
    case VT_BOOL:
        sb_puts(out, v->u.b ? "true" : "false");
        break;
    case VT_NUM:
        num_print_json(out, v->u.num);
        break;
    case VT_DATE:
        ast_date_format(v->u.date, buf);
        sb_json(out, buf);
        break;
    case VT_TEXT:
        sb_json(out, v->u.text);
        break;
    case VT_SYM:
        trace_json_name(r, f->dom->names[v->u.sym], out);
        break;
    case VT_SET: {
        sb_putc(out, '[');
        bool first = true;
        for (int i = 0; i < f->dom->n; i++)
            if (v->u.set >> i & 1) {
                if (!first)
                    sb_putc(out, ',');
                trace_json_name(r, f->dom->names[i], out);
                first = false;
            }
        sb_putc(out, ']');
        break;
    }
    default:
        sb_puts(out, "null");
    }
}

/* "file":…,"line":… of the last place in the case written, at
 * out->p[off..off + len): the facts of a case mostly come from one
 * line. */
struct jcase {
    const struct source *src;
    int line;
    size_t off, len;
};

/* jloc of place l in the case: copied when it is the last one written. */
static void jcase_loc(struct jcase *c, const struct result *r,
                      const struct src_loc *l, struct sbuf *out)
{
    if (c->len && l->src == c->src && l->first_line == c->line) {
        sb_again(out, c->off, c->len);
        return;
    }
    size_t start = out->len;
    jloc(r, l, out);
    c->src = l->src;
    c->line = l->first_line;
    c->off = start;
    c->len = out->len - start;
}

/* ,"from":"…" of fact i. */
static void jfrom(const struct result *r, int i, struct sbuf *out)
{
    static const char *const from[] = {
        ",\"from\":\"absent\"", ",\"from\":\"default\"", ",\"from\":\"case\""};
    sb_puts(out, from[r->cf->origin[i]]);
}

static void jfact(struct jcase *c, const struct result *r, int i,
                  struct sbuf *out)
{
    const struct fact_info *f = &r->p->facts[i];
    const struct value *v = &r->cf->vals[i];
    /* a bool: the same text in every case but for a place in the case */
    bool b = f->type == VT_BOOL && v->known;
    int tag = b ? TRACE_MEMO_JFACT + 1 + v->u.b * 3 + r->cf->origin[i]
                : TRACE_MEMO_JFACT;
    if (!trace_memo(r, f, tag, out)) {
        size_t start = out->len;
        sb_puts(out, "{\"name\":");
        trace_json_name(r, f->name, out);
        sb_puts(out, ",\"value\":");
        if (b) {
            trace_json_value(r, f, v, out);
            jfrom(r, i, out);
        }
        trace_keep(r, f, tag, out, start);
    }
    if (!b) {
        trace_json_value(r, f, v, out);
        jfrom(r, i, out);
    }
    if (r->cf->origin[i] == FROM_CASE) {
        sb_putc(out, ',');
        jcase_loc(c, r, &r->cf->locs[i], out);
    }
    sb_putc(out, '}');
}

static void jfacts(struct jcase *c, const struct result *r, const int *f, int n,
                   struct sbuf *out)
{
    sb_putc(out, '[');
    for (int k = 0; k < n; k++) {
        if (k)
            sb_putc(out, ',');
        jfact(c, r, f[k], out);
    }
    sb_putc(out, ']');
}

static void jstrings(const struct result *r, const char **s, int n,
                     struct sbuf *out)
{
    sb_putc(out, '[');
    for (int k = 0; k < n; k++) {
        if (k)
            sb_putc(out, ',');
        trace_json_name(r, s[k], out);
    }
    sb_putc(out, ']');
}

static void jline(const struct result *r, int i, enum lang lang,
                  struct sbuf *out)
{
    const struct vline_info *l = &r->p->lines[i];
    int tag = TRACE_MEMO_JLINE + (int)lang;
    if (trace_memo(r, l, tag, out))
        return;
    size_t start = out->len;
    sb_puts(out, "{\"index\":");
    sb_long(out, i + 1);
    sb_puts(out, ",\"verdict\":");
    trace_json_name(r, r->p->verdicts.names[l->verdict], out);
    sb_putc(out, ',');
    jploc(r, &l->loc, out);
    sb_puts(out, ",\"condition\":");
    jexpr(r, l->cond >= 0 ? r->p->nodes[l->cond].x : NULL, lang, out);
    trace_keep(r, l, tag, out, start);
}

/* {"condition":…,"is":…,"facts": of a part: made once per result,
 * language and truth. */
static void jpart_head(const struct result *r, const struct cnode *cn,
                       enum tv is, enum lang lang, struct sbuf *out)
{
    int tag = TRACE_MEMO_JPART + (int)lang * 3 + (int)is;
    if (trace_memo(r, cn, tag, out))
        return;
    size_t start = out->len;
    sb_puts(out, "{\"condition\":");
    jexpr(r, cn->x, lang, out);
    sb_puts(out, is == TV_TRUE    ? ",\"is\":true,\"facts\":"
                 : is == TV_FALSE ? ",\"is\":false,\"facts\":"
                                  : ",\"is\":null,\"facts\":");
    trace_keep(r, cn, tag, out, start);
}

/* ,"repealed":[…]} of a part that is a conclusion: made once per
 * result. */
static void jrepealed(const struct result *r, const struct cnode *cn,
                      struct sbuf *out)
{
    if (trace_memo(r, cn, TRACE_MEMO_JREPEALED, out))
        return;
    size_t start = out->len;
    sb_puts(out, ",\"repealed\":[");
    const struct concl_info *ci = &r->p->concls[cn->a];
    for (int j = 0; j < ci->nrepeals; j++) {
        sb_puts(out, j ? ",{\"rule\":" : "{\"rule\":");
        trace_json_name(r, ci->repeals[j].rule, out);
        sb_puts(out, ",\"by\":{");
        jploc(r, &ci->repeals[j].by, out);
        sb_puts(out, "}}");
    }
    sb_putc(out, ']');
    trace_keep(r, cn, TRACE_MEMO_JREPEALED, out, start);
}

static void jpart(struct jcase *c, const struct result *r,
                  const struct ex_part *pt, enum lang lang, struct sbuf *out)
{
    const struct cnode *cn = &r->p->nodes[pt->node];
    jpart_head(r, cn, pt->is, lang, out);
    jfacts(c, r, pt->facts, pt->nfacts, out);
    if (cn->op == C_CONCL)
        jrepealed(r, cn, out);
    sb_putc(out, '}');
}

static void jnot_taken(struct jcase *c, const struct result *r,
                       const struct explanation *e, enum lang lang,
                       struct sbuf *out)
{
    sb_puts(out, "\"not_taken\":[");
    for (int i = 0; i < e->nnot_taken; i++) {
        const struct ex_line *l = &e->not_taken[i];
        if (i)
            sb_putc(out, ',');
        jline(r, l->line, lang, out);
        sb_puts(out, ",\"failed\":[");
        for (int k = 0; k < l->nparts; k++) {
            if (k)
                sb_putc(out, ',');
            jpart(c, r, &l->parts[k], lang, out);
        }
        sb_puts(out, "]}");
    }
    sb_putc(out, ']');
}

static void jamends(const struct result *r, const struct src_loc *l,
                    struct sbuf *out)
{
    if (!l) {
        sb_puts(out, "null");
        return;
    }
    sb_putc(out, '{');
    jploc(r, l, out);
    sb_putc(out, '}');
}

/* What a rule and a measure have in common up to the first value of
 * their because texts: {"id", "title", "file", "line", "amends",
 * "cites", "because": made once per result, keyed by the place of the
 * declaration. */
static void jhead_fixed(const struct result *r, const char *id,
                        const char *title, const struct src_loc *loc,
                        const struct src_loc *amends, const char **cites,
                        int ncites, const struct text_part *because,
                        int nbecause, struct sbuf *out)
{
    if (trace_memo(r, loc, TRACE_MEMO_JHEAD, out))
        return;
    size_t start = out->len;
    sb_puts(out, "{\"id\":");
    trace_json_name(r, id, out);
    sb_puts(out, ",\"title\":");
    jname_or_null(r, title, out);
    sb_putc(out, ',');
    jploc(r, loc, out);
    sb_puts(out, ",\"amends\":");
    jamends(r, amends, out);
    sb_puts(out, ",\"cites\":");
    jstrings(r, cites, ncites, out);
    sb_puts(out, ",\"because\":");
    if (nbecause)
        trace_json_because_head(r, because, out);
    else
        sb_puts(out, "null");
    trace_keep(r, loc, TRACE_MEMO_JHEAD, out, start);
}

/* The head of a rule or measure with its because text (the object is
 * left open). */
static void jhead(const struct result *r, const char *id, const char *title,
                  const struct src_loc *loc, const struct src_loc *amends,
                  const char **cites, int ncites,
                  const struct text_part *because, int nbecause, enum lang lang,
                  struct sbuf *out)
{
    jhead_fixed(r, id, title, loc, amends, cites, ncites, because, nbecause,
                out);
    if (nbecause)
        trace_json_because_rest(r, because, nbecause, lang, out);
}

static void jrule(struct jcase *c, const struct result *r, int ri,
                  enum lang lang, struct sbuf *out)
{
    const struct rule_info *ru = &r->p->rules[ri];
    jhead(r, ru->id, ru->title, &ru->loc, ru->amends, ru->cites, ru->ncites,
          ru->because, ru->nbecause, lang, out);
    sb_puts(out, ",\"facts\":");
    jfacts(c, r, ru->facts, ru->nfacts, out);
    sb_putc(out, '}');
}

/* {"name":…,"description":…,"rules":[ of a finding: made once per
 * result. */
static void jconcl(const struct result *r, const struct concl_info *k,
                   struct sbuf *out)
{
    if (trace_memo(r, k, TRACE_MEMO_JCONCL, out))
        return;
    size_t start = out->len;
    sb_puts(out, "{\"name\":");
    trace_json_name(r, k->name, out);
    sb_puts(out, ",\"description\":");
    jname_or_null(r, k->desc, out);
    sb_puts(out, ",\"rules\":[");
    trace_keep(r, k, TRACE_MEMO_JCONCL, out, start);
}

static void jfindings(struct jcase *c, const struct result *r,
                      const struct explanation *e, enum lang lang,
                      struct sbuf *out)
{
    const struct plan *p = r->p;
    sb_puts(out, "\"conclusions\":[");
    for (int i = 0; i < e->nfindings; i++) {
        const struct ex_finding *f = &e->findings[i];
        if (i)
            sb_putc(out, ',');
        jconcl(r, &p->concls[f->concl], out);
        for (int k = 0; k < f->nrules; k++) {
            if (k)
                sb_putc(out, ',');
            jrule(c, r, f->rules[k], lang, out);
        }
        sb_puts(out, "]}");
    }
    sb_putc(out, ']');
}

static void joverridden(const struct result *r, const struct explanation *e,
                        struct sbuf *out)
{
    const struct plan *p = r->p;
    sb_puts(out, "\"overridden\":[");
    for (int i = 0; i < e->noverridden; i++) {
        const struct ex_override *ov = &e->overridden[i];
        sb_puts(out, i ? ",{\"rule\":" : "{\"rule\":");
        trace_json_name(r, p->rules[ov->rule].id, out);
        sb_putc(out, ',');
        jploc(r, &p->rules[ov->rule].loc, out);
        sb_puts(out, ov->effect == TV_FALSE ? ",\"effect\":false,\"by\":["
                                            : ",\"effect\":null,\"by\":[");
        for (int k = 0; k < ov->nby; k++) {
            int o = ov->by[k];
            sb_puts(out, k ? ",{\"rule\":" : "{\"rule\":");
            trace_json_name(r, p->rules[o].id, out);
            sb_puts(out, r->cond[o] == TV_TRUE ? ",\"condition\":true}"
                                               : ",\"condition\":null}");
        }
        sb_puts(out, "]}");
    }
    sb_putc(out, ']');
}

static void jmeasures(const struct result *r, const struct explanation *e,
                      bool full, enum lang lang, struct sbuf *out)
{
    const struct plan *p = r->p;
    sb_putc(out, '[');
    for (int i = 0; i < e->nmeasures; i++) {
        const struct measure_info *m = &p->measures[e->measures[i]];
        if (i)
            sb_putc(out, ',');
        if (!full) {
            trace_json_name(r, m->id, out);
            continue;
        }
        jhead(r, m->id, m->title, &m->loc, m->amends, m->cites, m->ncites,
              m->because, m->nbecause, lang, out);
        sb_puts(out, ",\"condition\":");
        jexpr(r, p->nodes[m->cond].x, lang, out);
        sb_putc(out, '}');
    }
    sb_putc(out, ']');
}

static void jdiag(const struct diag *d, enum lang lang, struct sbuf *out)
{
    sb_puts(out, "{\"file\":");
    jstr_or_null(d->loc.src ? d->loc.src->name : NULL, out);
    sb_printf(out,
              ",\"line\":%d,\"column\":%d,\"severity\":\"%s\","
              "\"code\":",
              d->loc.first_line, d->loc.first_column,
              d->severity == DIAG_ERROR ? "error" : "warning");
    jstr_or_null(d->code >= 0 ? msg_code_of((enum msg)d->code) : NULL, out);
    sb_puts(out, ",\"message\":");
    sb_json(out, diag_msg_in(d, lang));
    sb_puts(out, ",\"hint\":");
    jstr_or_null(diag_hint_in(d, lang), out);
    sb_putc(out, '}');
}

static void jerrors(const struct diag_list *dl, enum lang lang,
                    struct sbuf *out)
{
    sb_puts(out, ",\"errors\":[");
    for (const struct diag *d = dl->head; d; d = d->next) {
        if (d != dl->head)
            sb_putc(out, ',');
        jdiag(d, lang, out);
    }
    sb_putc(out, ']');
}

/* The warnings of a case that was evaluated (a case ID used twice), as
 * ,"warnings":[…] when there are any. */
static void jwarnings(const struct case_facts *cf, enum lang lang,
                      struct sbuf *out)
{
    if (!cf->errors || !cf->errors->warnings)
        return;
    const char *sep = ",\"warnings\":[";
    for (const struct diag *d = cf->errors->head; d; d = d->next)
        if (d->severity == DIAG_WARNING) {
            sb_puts(out, sep);
            sep = ",";
            jdiag(d, lang, out);
        }
    sb_putc(out, ']');
}

static const char *tv_json(int v)
{
    return v == TV_TRUE ? "true" : v == TV_FALSE ? "false" : "null";
}

static void jwparts(struct jcase *c, const struct result *r,
                    const struct ex_wpart *ps, int n, enum lang lang,
                    struct sbuf *out);

/* The rules behind a conclusion, with why each did not take effect. */
static void jwrules(struct jcase *c, const struct result *r,
                    const struct ex_wrule *rs, int n, enum lang lang,
                    struct sbuf *out)
{
    const struct plan *p = r->p;
    sb_puts(out, "[");
    for (int i = 0; i < n; i++) {
        const struct rule_info *ru = &p->rules[rs[i].rule];
        sb_puts(out, i ? ",{\"id\":" : "{\"id\":");
        trace_json_name(r, ru->id, out);
        sb_putc(out, ',');
        jploc(r, &ru->loc, out);
        sb_printf(out, ",\"condition_is\":%s,\"overridden_by\":[",
                  tv_json(rs[i].cond));
        for (int o = 0; o < rs[i].nby; o++) {
            sb_puts(out, o ? "," : "");
            trace_json_name(r, p->rules[rs[i].by[o]].id, out);
        }
        sb_puts(out, "],\"parts\":");
        jwparts(c, r, rs[i].parts, rs[i].nparts, lang, out);
        sb_putc(out, '}');
    }
    sb_putc(out, ']');
}

static void jwparts(struct jcase *c, const struct result *r,
                    const struct ex_wpart *ps, int n, enum lang lang,
                    struct sbuf *out)
{
    sb_putc(out, '[');
    for (int k = 0; k < n; k++) {
        const struct ex_part *pt = &ps[k].part;
        const struct cnode *cn = &r->p->nodes[pt->node];
        sb_puts(out, k ? ",{\"condition\":" : "{\"condition\":");
        jexpr(r, cn->x, lang, out);
        sb_printf(out, ",\"is\":%s,\"facts\":", tv_json(pt->is));
        jfacts(c, r, pt->facts, pt->nfacts, out);
        if (cn->op == C_CONCL && pt->is != TV_TRUE) {
            sb_puts(out, ",\"rules\":");
            jwrules(c, r, ps[k].rules, ps[k].nrules, lang, out);
        }
        sb_putc(out, '}');
    }
    sb_putc(out, ']');
}

static void jwhy_not(struct jcase *c, const struct result *r,
                     const struct explanation *e, enum lang lang,
                     struct sbuf *out)
{
    sb_puts(out, ",\"why_not\":{\"verdict\":");
    trace_json_name(r, r->p->verdicts.names[r->why_not], out);
    sb_puts(out, ",\"lines\":[");
    for (int k = 0; k < e->nwhy_not; k++) {
        const struct ex_wline *l = &e->why_not[k];
        sb_puts(out, k ? "," : "");
        jline(r, l->line, lang, out);
        sb_printf(out,
                  ",\"is\":%s,\"decided\":%s,\"reached\":%s,"
                  "\"parts\":",
                  tv_json(l->is), l->decided ? "true" : "false",
                  l->reached ? "true" : "false");
        jwparts(c, r, l->parts, l->nparts, lang, out);
        sb_putc(out, '}');
    }
    sb_puts(out, "]}");
}

void trace_json(const struct result *r, enum lang lang, struct sbuf *out)
{
    static const char *const status[] = {"decided", "undetermined", "error"};
    const struct plan *p = r->p;
    const struct case_facts *cf = r->cf;
    struct jcase cache = {NULL, 0, 0, 0}, *c = &cache;
    sb_puts(out, "{\"case\":");
    jstr_or_null(cf->id, out);
    sb_puts(out, ",\"title\":");
    jstr_or_null(cf->title, out);
    sb_puts(out, ",\"source\":{");
    jloc(r, &cf->loc, out);
    sb_puts(out, "},\"rules\":{\"policy\":");
    jname_or_null(r, p->policy, out);
    sb_puts(out, ",\"version\":");
    jname_or_null(r, p->version, out);
    sb_puts(out, ",\"sha256\":");
    jname_or_null(r, p->sha256[0] ? p->sha256 : NULL, out);
    sb_puts(out, "},\"status\":\"");
    sb_puts(out, status[r->status]);
    sb_puts(out, "\",\"verdict\":");
    if (r->status == ST_DECIDED && r->verdict >= 0) {
        const struct trace_names *t = trace_names(r, true, out);
        size_t at = t->off[r->verdict] + 1; /* without its comma */
        sb_put(out, t->text + at, t->off[r->verdict + 1] - at);
    } else
        sb_puts(out, "null");
    if (r->status == ST_ERROR) {
        sb_puts(out, ",\"measures\":[],\"fired\":[],\"overridden\":[],"
                     "\"missing\":[],\"reasons\":null");
        jerrors(cf->errors && cf->errors->errors ? cf->errors : &r->errors,
                lang, out);
        sb_puts(out, "}\n");
        return;
    }
    const struct explanation *e = explain_result(r);
    sb_puts(out, ",\"measures\":");
    jmeasures(r, e, false, lang, out);
    sb_puts(out, ",\"fired\":[");
    bool first = true;
    for (int i = 0; i < p->nrules; i++)
        if (r->cond[i] == TV_TRUE) { /* overridden or not (LANGUAGE.md §3) */
            if (!first)
                sb_putc(out, ',');
            first = false;
            trace_json_name(r, p->rules[i].id, out);
        }
    sb_puts(out, "],\"overridden\":[");
    for (int i = 0; i < e->noverridden; i++) {
        sb_puts(out, i ? "," : "");
        trace_json_name(r, p->rules[e->overridden[i].rule].id, out);
    }
    sb_puts(out, "],\"missing\":[");
    first = true;
    for (int i = 0; i < p->nfacts; i++)
        if (r->missing[i]) {
            if (!first)
                sb_putc(out, ',');
            first = false;
            trace_json_name(r, p->facts[i].name, out);
        }
    sb_puts(out, "],\"reasons\":{\"line\":");
    if (r->line >= 0) {
        jline(r, r->line, lang, out);
        sb_puts(out, r->status == ST_UNDETERMINED ? ",\"is\":null}"
                                                  : ",\"is\":true}");
    } else {
        sb_puts(out, "null");
    }
    sb_putc(out, ',');
    jnot_taken(c, r, e, lang, out);
    sb_putc(out, ',');
    jfindings(c, r, e, lang, out);
    sb_putc(out, ',');
    joverridden(r, e, out);
    if (r->why_not >= 0)
        jwhy_not(c, r, e, lang, out);
    sb_puts(out, ",\"measures\":");
    jmeasures(r, e, true, lang, out);
    sb_puts(out, ",\"missing\":[");
    const int *order = e->missing;
    for (int k = 0; k < e->nmissing; k++) {
        const struct fact_info *f = &p->facts[order[k]];
        sb_puts(out, k ? ",{\"name\":" : "{\"name\":");
        trace_json_name(r, f->name, out);
        sb_puts(out, ",\"description\":");
        jname_or_null(r, f->desc, out);
        sb_puts(out, ",\"verdict_lines\":");
        sb_long(out, r->settles[order[k]]);
        sb_putc(out, '}');
    }
    sb_puts(out, "]}");
    jwarnings(cf, lang, out);
    sb_puts(out, "}\n");
}

/* The JSON array of names begun at first: its bracket for the comma of
 * the first name, or an empty array. */
static void brief_list_end(struct sbuf *out, size_t first)
{
    if (out->len == first)
        sb_putc(out, '[');
    else
        out->p[first] = '[';
    sb_putc(out, ']');
}

/* key, then the names from base of t of the n for which is holds 1
 * (TV_TRUE or a bool true) as a JSON array. */
static void brief_list(struct sbuf *out, const char *key,
                       const struct trace_names *t, int base, const uint8_t *is,
                       int n)
{
    sb_puts(out, key);
    size_t first = out->len;
    trace_names_put(t, base, is, n, out);
    brief_list_end(out, first);
}

/* --trace none: what a case-management system stores for each case. */
void trace_json_brief(const struct result *r, enum lang lang, struct sbuf *out)
{
    static const char *const status[] = {"decided", "undetermined", "error"};
    const struct plan *p = r->p;
    const struct case_facts *cf = r->cf;
    sb_puts(out, "{\"case\":");
    jstr_or_null(cf->id, out);
    sb_puts(out, ",\"status\":\"");
    sb_puts(out, status[r->status]);
    sb_puts(out, "\",\"verdict\":");
    if (r->status == ST_DECIDED && r->verdict >= 0) {
        const struct trace_names *t = trace_names(r, true, out);
        size_t at = t->off[r->verdict] + 1; /* without its comma */
        sb_put(out, t->text + at, t->off[r->verdict + 1] - at);
    } else
        sb_puts(out, "null");
    if (r->status == ST_ERROR) {
        sb_puts(out, ",\"measures\":[],\"fired\":[],\"missing\":[],"
                     "\"source\":{");
        jloc(r, &cf->loc, out);
        sb_putc(out, '}');
        jerrors(cf->errors && cf->errors->errors ? cf->errors : &r->errors,
                lang, out);
        sb_printf(out, ",\"sha256\":\"%.12s\"}\n", p->sha256);
        return;
    }
    const struct trace_names *t = trace_names(r, true, out);
    brief_list(out, ",\"measures\":", t, t->measures, r->measures,
               p->nmeasures);
    brief_list(out, ",\"fired\":", t, t->rules, r->cond, p->nrules);
    brief_list(out, ",\"missing\":", t, t->facts, (const uint8_t *)r->missing,
               p->nfacts);
    sb_puts(out, ",\"sha256\":\"");
    sb_put(out, p->sha256, strnlen(p->sha256, 12));
    sb_putc(out, '"');
    jwarnings(cf, lang, out);
    sb_puts(out, "}\n");
}
