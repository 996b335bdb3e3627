#include "engine/trace_html.h"

#include <string.h>

#include "engine/explain.h"
#include "engine/msg.h"
#include "engine/show_expr.h"
#include "engine/trace.h"
#include "engine/trace_int.h"

/* A case's explanation as HTML, for the report (docs/report.md). */

struct hctx {
    const struct result *r;
    const struct plan *p;
    enum lang lang;
    struct sbuf *out;
    struct sbuf tmp; /* a text made by another renderer, to escape */
    struct sbuf at;  /* a place, for a message that names it */
    const struct explanation *ex;
};

/* The length of the UTF-8 character at s, or 0 when it is not one. */
static int html_utf8(const unsigned char *s)
{
    int n = s[0] < 0x80                   ? 1
            : s[0] >= 0xf0 && s[0] < 0xf5 ? 4
            : s[0] >= 0xe0                ? 3
            : s[0] >= 0xc2 && s[0] < 0xe0 ? 2
                                          : 0;
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return n;
}

void sb_html(struct sbuf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = html_utf8(p);
        unsigned char c = *p;
        if (c == '&')
            sb_puts(out, "&amp;");
        else if (c == '<')
            sb_puts(out, "&lt;");
        else if (c == '>')
            sb_puts(out, "&gt;");
        else if (c == '"')
            sb_puts(out, "&quot;");
        else if (c == '\'')
            sb_puts(out, "&#39;");
        else if (c < 0x20 || c == 0x7f)
            sb_printf(out, "&#x%02x;", c);
        else if (n == 0)
            sb_puts(out, "\xef\xbf\xbd");
        else
            sb_put(out, (const char *)p, (size_t)n);
        p += n ? n : 1;
    }
}

const char *trace_html_body(const char *rec, size_t len, size_t *blen)
{
    const char *p = rec, *end = rec + len;
    for (int i = 0; i < 4 && p < end; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    *blen = (size_t)(end - p);
    return p;
}

/* The text that tmp holds, escaped; tmp is emptied. */
static void put_tmp(struct hctx *h)
{
    sb_html(h->out, h->tmp.p ? h->tmp.p : "");
    h->tmp.len = 0;
    if (h->tmp.p)
        h->tmp.p[0] = '\0';
}

static void esc(struct hctx *h, const char *s)
{
    sb_html(h->out, s);
}

static void expr(struct hctx *h, int node)
{
    sb_puts(h->out, "<code>");
    if (node < 0)
        esc(h, MSG(html_otherwise, h->lang));
    else
        show_expr(h->p->nodes[node].x, h->lang, &h->tmp);
    put_tmp(h);
    sb_puts(h->out, "</code>");
}

static void loc(struct hctx *h, const struct src_loc *l)
{
    sb_puts(h->out, "<span class=\"loc\">");
    esc(h, l->src ? l->src->name : "?");
    if (l->first_line > 0)
        sb_printf(h->out, ":%d", l->first_line);
    sb_puts(h->out, "</span>");
}

static void quoted(struct hctx *h, const char *s)
{
    if (!s)
        return;
    sb_puts(h->out, " <q>");
    esc(h, s);
    sb_puts(h->out, "</q>");
}

/* "name = value (where from)" for fact i of the case. */
static void fact(struct hctx *h, int i)
{
    const struct fact_info *f = &h->p->facts[i];
    sb_puts(h->out, "<span class=\"fact\"><code>");
    esc(h, f->name);
    sb_puts(h->out, "</code> = ");
    trace_value(f, &h->r->cf->vals[i], h->lang, &h->tmp);
    put_tmp(h);
    sb_puts(h->out, " (");
    if (h->r->cf->origin[i] == FROM_CASE)
        loc(h, &h->r->cf->locs[i]);
    else
        esc(h, h->r->cf->origin[i] == FROM_DEFAULT
                   ? MSG(html_default, h->lang)
                   : MSG(html_not_given, h->lang));
    sb_puts(h->out, ")</span>");
}

static void facts(struct hctx *h, const int *f, int n)
{
    for (int k = 0; k < n; k++) {
        sb_puts(h->out, k ? "; " : " [");
        fact(h, f[k]);
    }
    if (n)
        sb_putc(h->out, ']');
}

static const char *tv_word(enum tv tv, enum lang lang)
{
    return tv == TV_TRUE    ? MSG(html_is_true, lang)
           : tv == TV_FALSE ? MSG(html_is_false, lang)
                            : MSG(html_is_unknown, lang);
}

/* A part of a condition, what it is and the facts it read. */
static void part(struct hctx *h, const struct ex_part *pt)
{
    const struct cnode *c = &h->p->nodes[pt->node];
    sb_puts(h->out, "<li>");
    expr(h, pt->node);
    sb_printf(h->out, " <b>%s</b>", tv_word(pt->is, h->lang));
    if (c->op == C_CONCL && pt->is == TV_FALSE) {
        sb_puts(h->out, " (");
        esc(h, MSG(html_no_rule, h->lang));
        const struct concl_info *k = &h->p->concls[c->a];
        for (int j = 0; j < k->nrepeals; j++) {
            h->at.len = 0;
            sb_printf(&h->at, "%s:%d", k->repeals[j].by.src->name,
                      k->repeals[j].by.first_line);
            sb_puts(h->out, "; ");
            SB_MSG(&h->tmp, h->lang, html_repealed, k->repeals[j].rule,
                   h->at.p);
            put_tmp(h);
        }
        sb_puts(h->out, ")");
    } else {
        facts(h, pt->facts, pt->nfacts);
    }
    sb_puts(h->out, "</li>");
}

static void amends(struct hctx *h, const struct src_loc *a)
{
    if (!a)
        return;
    h->at.len = 0;
    sb_printf(&h->at, "%s:%d", a->src ? a->src->name : "?", a->first_line);
    sb_puts(h->out, " <span class=\"amends\">(");
    SB_MSG(&h->tmp, h->lang, html_amends, h->at.p);
    put_tmp(h);
    sb_puts(h->out, ")</span>");
}

static void line_head(struct hctx *h, int i)
{
    const struct vline_info *l = &h->p->lines[i];
    sb_puts(h->out, "<b>");
    esc(h, h->p->verdicts.names[l->verdict]);
    sb_puts(h->out, "</b> ");
    loc(h, &l->loc);
    if (h->p->verdict_amends) {
        sb_puts(h->out, " (");
        esc(h, MSG(html_amended, h->lang));
        sb_putc(h->out, ')');
    }
    sb_puts(h->out, ": ");
    expr(h, l->cond);
}

static void dt(struct hctx *h, const char *label)
{
    sb_puts(h->out, "<dt>");
    esc(h, label);
    sb_puts(h->out, "</dt><dd>");
}

static void verdict(struct hctx *h)
{
    const struct result *r = h->r;
    dt(h, MSG(html_verdict, h->lang));
    if (r->status == ST_UNDETERMINED) {
        sb_puts(h->out, "<b>");
        esc(h, MSG(html_undetermined, h->lang));
        sb_puts(h->out, "</b> (");
        line_head(h, r->line);
        sb_printf(h->out, " %s)</dd>", MSG(html_is_unknown, h->lang));
        dt(h, MSG(html_missing, h->lang));
        sb_puts(h->out, "<ol>");
        for (int k = 0; k < h->ex->nmissing; k++) {
            int f = h->ex->missing[k], n = r->settles[f];
            sb_puts(h->out, "<li><code>");
            esc(h, h->p->facts[f].name);
            sb_puts(h->out, "</code>");
            quoted(h, h->p->facts[f].desc);
            sb_puts(h->out, " (");
            if (n == 1)
                esc(h, MSG(html_bears_on_one, h->lang));
            else
                SB_MSG(h->out, h->lang, html_bears_on, n);
            sb_puts(h->out, ")</li>");
        }
        sb_puts(h->out, "</ol>");
    } else if (r->line < 0) {
        esc(h, MSG(html_no_line, h->lang));
    } else {
        line_head(h, r->line);
    }
    sb_puts(h->out, "</dd>\n");
}

/* Citations and because text of a rule or measure. */
static void grounds(struct hctx *h, const char **cites, int ncites,
                    const struct text_part *because, int nbecause)
{
    for (int k = 0; k < ncites; k++) {
        sb_printf(h->out, "<div class=\"cite\">%s: ", MSG(html_cites, h->lang));
        esc(h, cites[k]);
        sb_puts(h->out, "</div>");
    }
    if (nbecause) {
        sb_printf(h->out,
                  "<div class=\"because\">%s: ", MSG(html_because, h->lang));
        trace_because(h->r, because, nbecause, h->lang, &h->tmp);
        put_tmp(h);
        sb_puts(h->out, "</div>");
    }
}

static void measures(struct hctx *h)
{
    dt(h, MSG(html_measures, h->lang));
    if (!h->ex->nmeasures)
        esc(h, MSG(html_none, h->lang));
    else
        sb_puts(h->out, "<ul>");
    for (int i = 0; i < h->ex->nmeasures; i++) {
        const struct measure_info *m = &h->p->measures[h->ex->measures[i]];
        sb_puts(h->out, "<li><b>");
        esc(h, m->id);
        sb_puts(h->out, "</b>");
        quoted(h, m->title);
        sb_putc(h->out, ' ');
        loc(h, &m->loc);
        amends(h, m->amends);
        grounds(h, m->cites, m->ncites, m->because, m->nbecause);
        sb_puts(h->out, "</li>");
    }
    sb_puts(h->out, h->ex->nmeasures ? "</ul></dd>\n" : "</dd>\n");
}

static void not_taken(struct hctx *h)
{
    if (!h->ex->nnot_taken)
        return;
    dt(h, MSG(html_not_taken, h->lang));
    sb_puts(h->out, "<ul>");
    for (int i = 0; i < h->ex->nnot_taken; i++) {
        const struct ex_line *l = &h->ex->not_taken[i];
        sb_puts(h->out, "<li>");
        line_head(h, l->line);
        sb_puts(h->out, "<ul>");
        for (int k = 0; k < l->nparts; k++)
            part(h, &l->parts[k]);
        sb_puts(h->out, "</ul></li>");
    }
    sb_puts(h->out, "</ul></dd>\n");
}

static void rule(struct hctx *h, int ri)
{
    const struct rule_info *ru = &h->p->rules[ri];
    sb_printf(h->out, "<li>%s <b>", MSG(html_rule, h->lang));
    esc(h, ru->id);
    sb_puts(h->out, "</b>");
    quoted(h, ru->title);
    sb_putc(h->out, ' ');
    loc(h, &ru->loc);
    amends(h, ru->amends);
    grounds(h, ru->cites, ru->ncites, ru->because, ru->nbecause);
    if (ru->nfacts) {
        sb_printf(h->out, "<div class=\"facts\">%s:", MSG(html_facts, h->lang));
        facts(h, ru->facts, ru->nfacts);
        sb_puts(h->out, "</div>");
    }
    sb_puts(h->out, "</li>");
}

static void findings(struct hctx *h)
{
    if (!h->ex->nfindings)
        return;
    dt(h, MSG(html_findings, h->lang));
    sb_puts(h->out, "<ul>");
    for (int i = 0; i < h->ex->nfindings; i++) {
        const struct ex_finding *f = &h->ex->findings[i];
        sb_puts(h->out, "<li><code>");
        esc(h, h->p->concls[f->concl].name);
        sb_puts(h->out, "</code>");
        quoted(h, h->p->concls[f->concl].desc);
        sb_puts(h->out, "<ul>");
        for (int k = 0; k < f->nrules; k++)
            rule(h, f->rules[k]);
        sb_puts(h->out, "</ul></li>");
    }
    sb_puts(h->out, "</ul></dd>\n");
}

static void overridden(struct hctx *h)
{
    if (!h->ex->noverridden)
        return;
    dt(h, MSG(html_overridden, h->lang));
    sb_puts(h->out, "<ul>");
    for (int i = 0; i < h->ex->noverridden; i++) {
        const struct ex_override *ov = &h->ex->overridden[i];
        const struct rule_info *ru = &h->p->rules[ov->rule];
        sb_printf(h->out, "<li>%s <b>", MSG(html_rule, h->lang));
        esc(h, ru->id);
        sb_puts(h->out, "</b>");
        quoted(h, ru->title);
        sb_putc(h->out, ' ');
        loc(h, &ru->loc);
        sb_puts(h->out, "<ul>");
        for (int k = 0; k < ov->nby; k++) {
            int o = ov->by[k];
            bool sure = h->r->cond[o] == TV_TRUE;
            sb_printf(h->out, "<li>%s %s <b>",
                      sure ? MSG(html_overridden_by, h->lang)
                           : MSG(html_perhaps_by, h->lang),
                      MSG(html_rule, h->lang));
            esc(h, h->p->rules[o].id);
            sb_puts(h->out, "</b> ");
            loc(h, &h->p->rules[o].loc);
            if (!sure)
                sb_printf(h->out, " (%s)", MSG(html_unknown_why, h->lang));
            sb_puts(h->out, "</li>");
        }
        sb_puts(h->out, "</ul></li>");
    }
    sb_puts(h->out, "</ul></dd>\n");
}

/* The diagnostics of a case with an error, as a list; the first as one
 * line into line (for the report's list of errors). */
static void errors(struct hctx *h, struct sbuf *line)
{
    const struct case_facts *cf = h->r->cf;
    const struct diag_list *dl =
        cf->errors && cf->errors->errors ? cf->errors : &h->r->errors;
    dt(h, MSG(html_verdict, h->lang));
    sb_printf(h->out, "<b>%s</b><ul class=\"diag\">", MSG(html_error, h->lang));
    for (const struct diag *d = dl->head; d; d = d->next) {
        struct sbuf *o = h->out;
        for (int pass = d == dl->head ? 0 : 1; pass < 2; pass++) {
            h->out = pass ? o : line;
            sb_puts(h->out, pass ? "<li>" : "");
            if (d->loc.src)
                loc(h, &d->loc);
            if (d->loc.src)
                sb_printf(h->out, ":%d: ", d->loc.first_column);
            esc(h, diag_msg_in(d, h->lang));
            const char *hint = diag_hint_in(d, h->lang);
            if (hint && pass) {
                sb_puts(h->out, "<div class=\"hint\">");
                esc(h, hint);
                sb_puts(h->out, "</div>");
            }
            sb_puts(h->out, pass ? "</li>" : "");
        }
        h->out = o;
    }
    sb_puts(h->out, "</ul></dd>\n");
}

/* The first line of the record: status, verdict, measures, missing. */
static void head(struct hctx *h)
{
    const struct result *r = h->r;
    int v = r->status == ST_DECIDED ? r->verdict : -1;
    sb_printf(h->out, "%d %d", (int)r->status, v);
    int nm = h->ex ? h->ex->nmeasures : 0, nf = h->ex ? h->ex->nmissing : 0;
    sb_printf(h->out, " %d", nm);
    for (int i = 0; i < nm; i++)
        sb_printf(h->out, " %d", h->ex->measures[i]);
    sb_printf(h->out, " %d", nf);
    for (int i = 0; i < nf; i++)
        sb_printf(h->out, " %d", h->ex->missing[i]);
    sb_putc(h->out, '\n');
    esc(h, r->cf->id ? r->cf->id : "?");
    sb_putc(h->out, '\n');
    esc(h, r->cf->title ? r->cf->title : "");
    sb_putc(h->out, '\n');
}

static void summary(struct hctx *h)
{
    const struct result *r = h->r;
    sb_puts(h->out, "<summary><span class=\"id\">");
    esc(h, r->cf->id ? r->cf->id : "?");
    sb_puts(h->out, "</span>");
    quoted(h, r->cf->title);
    sb_puts(h->out, " &mdash; <b>");
    esc(h, r->status == ST_ERROR          ? MSG(html_error, h->lang)
           : r->status == ST_UNDETERMINED ? MSG(html_undetermined, h->lang)
           : r->verdict >= 0              ? h->p->verdicts.names[r->verdict]
                                          : MSG(html_none, h->lang));
    sb_puts(h->out, "</b></summary>\n<div class=\"src\">");
    loc(h, &r->cf->loc);
    sb_puts(h->out, "</div>\n<dl>");
}

void trace_html(const struct result *r, enum lang lang, struct sbuf *out)
{
    struct hctx h = {r, r->p, lang, out, {0}, {0}, NULL};
    struct sbuf line = {0}, body = {0};
    if (r->status != ST_ERROR)
        h.ex = explain_result(r);
    head(&h);
    h.out = &body;
    summary(&h);
    if (r->status == ST_ERROR) {
        errors(&h, &line);
    } else {
        verdict(&h);
        measures(&h);
        not_taken(&h);
        findings(&h);
        overridden(&h);
    }
    sb_puts(&body, "</dl>\n");
    sb_puts(out, line.p ? line.p : "");
    sb_putc(out, '\n');
    sb_put(out, body.p, body.len);
    sb_free(&line);
    sb_free(&body);
    sb_free(&h.tmp);
    sb_free(&h.at);
}
