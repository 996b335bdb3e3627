/*
 * The rule graph in Graphviz DOT (engine/graph.h), and rc_ruleset_graph.
 */
#include "engine/graph.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "engine/api_int.h"
#include "engine/handle.h"
#include "engine/msg.h"
#include "engine/names.h"
#include "engine/trace.h"

enum { REF_POS = 1, REF_NEG = 2 }; /* how a condition reads a name */

struct refs {     /* the facts or conclusions one condition reads */
    uint8_t *how; /* REF_* per index */
    int *list;    /* the indices read, in the order first read */
    int n;
};

struct gw { /* a graph being written */
    const struct graph_in *g;
    const struct plan *p;
    const struct result *r;
    struct sbuf *out, *esc, *fmt;
    struct refs facts, concls;
    uint64_t verdicts; /* the verdicts the condition compares with */
    bool any_verdict;  /* it reads the verdict in another way */
    int nkeys;         /* legend nodes so far */
};

/* Fill and border of the rules of each file of the rule set, in turn. */
static const char *const palette[][2] = {{"#cfe2f3", "#3d6fa3"},
                                         {"#e4d7f0", "#7a4fa0"},
                                         {"#f7d9c4", "#b0622d"},
                                         {"#d9d9d9", "#666666"}};
#define NPALETTE ((int)(sizeof palette / sizeof palette[0]))
#define WHITE    "#ffffff"
#define OVERRIDE "color=\"#c0392b\", penwidth=1.5, arrowhead=tee"
#define NEGATED  "style=dashed, arrowhead=odot"
#define REPEALED \
    "style=\"filled,dashed\", color=\"#999999\", fontcolor=\"#777777\""
#define WRAP 30 /* columns of a title before it is wrapped */

static const char *truth_fill(enum tv t)
{
    return t == TV_TRUE ? "#a8e0a0" : t == TV_FALSE ? "#f2b8b8" : "#ffe680";
}

/* Whether code point c is CJK or full-width punctuation, before which a
 * title is not wrapped (a line never starts with 、，。」). */
static bool closing(uint32_t c)
{
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
           (c >= 0xFF1A && c <= 0xFF20) || c == 0xFF09 || c == 0xFF3D ||
           c == 0xFF5D;
}

/* The code point at s (valid UTF-8) and its length in *n. */
static uint32_t code_point(const unsigned char *s, size_t left, size_t *n)
{
    size_t k = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    if (k > left)
        k = left;
    uint32_t c = k == 1 ? s[0] : (uint32_t)s[0] & (0x3Fu >> (k - 1));
    for (size_t i = 1; i < k; i++)
        c = c << 6 | (s[i] & 0x3Fu);
    *n = k;
    return c;
}

/* s[0..len), safe text (no control character, valid UTF-8), inside a DOT
 * string: " and \ escaped; wrap > 0: a line break before a word or a
 * Chinese character that would pass that many columns. */
static void put_safe(struct gw *w, const char *s, size_t len, int wrap)
{
    int col = 0;
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t c = code_point((const unsigned char *)s + i, len - i, &n);
        int width = c >= 0x1100 ? 2 : 1;
        if (wrap && c == ' ' && col >= wrap - 8) {
            sb_puts(w->out, "\\n");
            col = 0;
            continue;
        }
        if (wrap && width == 2 && col + 2 > wrap && !closing(c)) {
            sb_puts(w->out, "\\n");
            col = 0;
        }
        if (c == '"' || c == '\\')
            sb_putc(w->out, '\\');
        sb_put(w->out, s + i, n);
        col += width;
    }
}

/* Text from the rules inside a DOT string: control characters and bytes
 * that are not UTF-8 escaped as diagnostics escape them (sb_controls: a
 * backslash stays one), then " and \ escaped for DOT, so that nothing in
 * it ends the string or the line, and Graphviz's escapes (\N, \G, \l …)
 * are shown as written, never expanded. */
static void put_str(struct gw *w, const char *s, int wrap)
{
    w->esc->len = 0;
    sb_controls(w->esc, s);
    put_safe(w, w->esc->p ? w->esc->p : "", w->esc->len, wrap);
}

static void put_kw(struct gw *w, enum kw k)
{
    sb_puts(w->out, kw_text(k, w->g->lang));
}

/* "file:line" of l. */
static void put_loc(struct gw *w, const struct src_loc *l)
{
    put_str(w, l->src ? l->src->name : "?", 0);
    sb_printf(w->out, ":%d", l->first_line);
}

/* Which file of the rule set l stands in (0 when none is). */
static int origin(const struct gw *w, const struct src_loc *l)
{
    for (int i = 0; l->src && i < w->g->nfiles; i++)
        if (l->src->name == w->g->files[i] ||
            strcmp(l->src->name, w->g->files[i]) == 0)
            return i;
    return 0;
}

/* The style of a rule or measure of file o, filled with its truth t for
 * the case (when there is one: t >= 0), amended or not; closes the node. */
static void part_style(struct gw *w, int o, int t, bool amended)
{
    const char *const *c = palette[o % NPALETTE];
    if (t >= 0)
        sb_printf(w->out, ", fillcolor=\"%s\", color=\"%s\", penwidth=2",
                  truth_fill((enum tv)t), c[1]);
    else
        sb_printf(w->out, ", fillcolor=\"%s\", color=\"%s\"", c[0], c[1]);
    sb_puts(w->out, amended ? ", peripheries=2];\n" : "];\n");
}

/* ", tooltip=…" with the citations, when there are any. */
static void put_cites(struct gw *w, const char **cites, int n)
{
    if (n == 0)
        return;
    sb_puts(w->out, ", tooltip=\"");
    put_kw(w, KW_CITES);
    for (int i = 0; i < n; i++) {
        sb_puts(w->out, i ? "; " : " ");
        put_str(w, cites[i], 0);
    }
    sb_putc(w->out, '"');
}

/* The rest of a rule's or a measure's label: title, the base it amends. */
static void put_title(struct gw *w, const char *id, const char *title,
                      const struct src_loc *amends)
{
    put_str(w, id, 0);
    if (title && strcmp(title, id) != 0) {
        sb_puts(w->out, "\\n");
        put_str(w, title, WRAP);
    }
    if (amends) {
        sb_puts(w->out, "\\n");
        put_kw(w, KW_AMEND);
        sb_putc(w->out, ' ');
        put_loc(w, amends);
    }
}

static void facts(struct gw *w)
{
    for (int i = 0; i < w->p->nfacts; i++) {
        const struct fact_info *f = &w->p->facts[i];
        sb_printf(w->out, "  f%d [shape=ellipse, label=\"", i);
        put_str(w, f->name, 0);
        const struct value *v = w->r ? &w->r->cf->vals[i] : NULL;
        if (v) {
            sb_puts(w->out, " = ");
            trace_value(f, v, w->g->lang, w->fmt);
            put_safe(w, w->fmt->p, w->fmt->len, 0);
            w->fmt->len = 0;
        }
        sb_putc(w->out, '"');
        if (f->desc) {
            sb_puts(w->out, ", tooltip=\"");
            put_str(w, f->desc, 0);
            sb_putc(w->out, '"');
        }
        if (v && (!v->known || f->type == VT_BOOL))
            sb_printf(w->out, ", fillcolor=\"%s\"",
                      truth_fill(!v->known ? TV_UNKNOWN
                                 : v->u.b  ? TV_TRUE
                                           : TV_FALSE));
        sb_puts(w->out, "];\n");
    }
}

static void rules(struct gw *w)
{
    for (int i = 0; i < w->p->nrules; i++) {
        const struct rule_info *ru = &w->p->rules[i];
        sb_printf(w->out, "  r%d [label=\"", i);
        put_title(w, ru->id, ru->title, ru->amends);
        if (w->r && w->r->cond[i] == TV_TRUE && w->r->effect[i] != TV_TRUE) {
            sb_puts(w->out, "\\n(");
            put_str(w, MSG(graph_overridden, w->g->lang), 0);
            sb_putc(w->out, ')');
        }
        sb_putc(w->out, '"');
        put_cites(w, ru->cites, ru->ncites);
        part_style(w, origin(w, &ru->loc), w->r ? w->r->effect[i] : -1,
                   ru->amends != NULL);
    }
}

static void concls(struct gw *w)
{
    for (int i = 0; i < w->p->nconcls; i++) {
        const struct concl_info *c = &w->p->concls[i];
        sb_printf(w->out, "  c%d [shape=hexagon, label=\"", i);
        put_str(w, c->name, 0);
        sb_putc(w->out, '"');
        if (c->desc) {
            sb_puts(w->out, ", tooltip=\"");
            put_str(w, c->desc, 0);
            sb_putc(w->out, '"');
        }
        if (w->r)
            sb_printf(w->out, ", fillcolor=\"%s\"",
                      truth_fill((enum tv)w->r->concl[i]));
        sb_puts(w->out, "];\n");
    }
}

/* A repealed rule that concluded conclusion c, unless one before named
 * the same rule: its node. */
static void repealed(struct gw *w, int c, int k)
{
    const struct repeal_info *x = &w->p->concls[c].repeals[k];
    for (int i = 0; i <= c; i++)
        for (int j = 0; j < (i < c ? w->p->concls[i].nrepeals : k); j++)
            if (names_eq(w->p->concls[i].repeals[j].rule, x->rule))
                return;
    sb_printf(w->out, "  x%d_%d [label=\"", c, k);
    put_kw(w, KW_REPEAL);
    sb_putc(w->out, ' ');
    put_str(w, x->rule, 0);
    sb_puts(w->out, "\\n");
    put_loc(w, &x->by);
    sb_puts(w->out, "\", " REPEALED "];\n");
}

/* The edge from repealed rule k of conclusion c, from its first node. */
static void repealed_edge(struct gw *w, int c, int k)
{
    const struct repeal_info *x = &w->p->concls[c].repeals[k];
    for (int i = 0; i <= c; i++)
        for (int j = 0; j < (i < c ? w->p->concls[i].nrepeals : k + 1); j++)
            if (names_eq(w->p->concls[i].repeals[j].rule, x->rule)) {
                sb_printf(w->out, "  x%d_%d -> c%d [" REPEALED "];\n", i, j, c);
                return;
            }
}

/* Text from the rules inside an HTML-like label: as put_str, with &, <,
 * > and " written as entities. */
static void put_html(struct gw *w, const char *s)
{
    w->esc->len = 0;
    sb_controls(w->esc, s);
    for (size_t i = 0; i < w->esc->len; i++) {
        char c = w->esc->p[i];
        if (c == '&')
            sb_puts(w->out, "&amp;");
        else if (c == '<')
            sb_puts(w->out, "&lt;");
        else if (c == '>')
            sb_puts(w->out, "&gt;");
        else if (c == '"')
            sb_puts(w->out, "&quot;");
        else
            sb_putc(w->out, c);
    }
}

/* One line of the verdict table: a cell with port l<i>. */
static void line_cell(struct gw *w, int i)
{
    const struct vline_info *l = &w->p->lines[i];
    int t = w->r ? w->r->lines[i] : -1;
    sb_printf(w->out, "    <tr><td port=\"l%d\" align=\"left\"", i);
    if (t == LINE_NOT_TRIED)
        sb_puts(w->out, " style=\"dashed\"");
    else if (t >= 0)
        sb_printf(w->out, " bgcolor=\"%s\"", truth_fill((enum tv)t));
    if (w->r && w->r->status == ST_DECIDED && w->r->line == i)
        sb_puts(w->out, " border=\"3\"");
    sb_putc(w->out, '>');
    if (l->cond < 0) {
        put_html(w, kw_text(KW_OTHERWISE, w->g->lang));
        sb_putc(w->out, ' ');
    } else {
        sb_printf(w->out, "%d. ", i + 1);
    }
    if (l->verdict >= 0)
        put_html(w, w->p->verdicts.names[l->verdict]);
    sb_puts(w->out, "</td></tr>\n");
}

/* The verdict table: one node, a table of its lines in order (an edge goes
 * to and from the port of a line, v:l<i>). */
static void verdict_table(struct gw *w)
{
    const struct plan *p = w->p;
    if (p->nlines == 0)
        return;
    sb_puts(w->out,
            "  v [shape=plain, label=<<table border=\"0\" "
            "cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
            "bgcolor=\"" WHITE "\">\n    <tr><td bgcolor=\"#eeeeee\"><b>");
    put_html(w, kw_text(KW_VERDICT, w->g->lang));
    if (p->verdict_title) {
        sb_putc(w->out, ' ');
        put_html(w, p->verdict_title);
    }
    sb_puts(w->out, "</b>");
    if (p->verdict_amends) {
        sb_puts(w->out, "<br/>");
        put_html(w, kw_text(KW_AMEND, w->g->lang));
        sb_putc(w->out, ' ');
        put_html(w,
                 p->verdict_amends->src ? p->verdict_amends->src->name : "?");
        sb_printf(w->out, ":%d", p->verdict_amends->first_line);
    }
    sb_puts(w->out, "</td></tr>\n");
    for (int i = 0; i < p->nlines; i++)
        line_cell(w, i);
    sb_puts(w->out, "  </table>>];\n");
}

static void measures(struct gw *w)
{
    for (int i = 0; i < w->p->nmeasures; i++) {
        const struct measure_info *m = &w->p->measures[i];
        sb_printf(w->out, "  m%d [shape=note, label=\"", i);
        put_title(w, m->id, m->title, m->amends);
        sb_putc(w->out, '"');
        put_cites(w, m->cites, m->ncites);
        part_style(w, origin(w, &m->loc), w->r ? w->r->measures[i] : -1,
                   m->amends != NULL);
    }
}

static void ref(struct refs *r, int i, bool neg)
{
    if (!r->how[i])
        r->list[r->n++] = i;
    r->how[i] |= neg ? REF_NEG : REF_POS;
}

/* Node c compares the verdict with options: noted in w->verdicts. */
static bool verdict_compare(struct gw *w, const struct cnode *c)
{
    const struct cnode *n = w->p->nodes;
    if (c->op == C_EQ || c->op == C_NE) {
        const struct cnode *a = &n[c->a], *b = &n[c->b];
        if (a->op == C_CONST && b->op == C_VERDICT)
            a = b, b = &n[c->a]; /* 容錯免責 == 結論 */
        if (a->op != C_VERDICT || b->op != C_CONST || b->type != VT_VERDICT)
            return false;
        w->verdicts |= UINT64_C(1) << b->k.u.sym;
        return true;
    }
    if (c->op == C_IN && n[c->a].op == C_VERDICT) {
        w->verdicts |= c->k.u.set;
        return true;
    }
    return false;
}

/* What node i reads, under an odd number of `not` when neg. */
static void walk(struct gw *w, int i, bool neg)
{
    const struct cnode *c = &w->p->nodes[i];
    switch (c->op) {
    case C_FACT:
        ref(&w->facts, c->a, neg);
        return;
    case C_CONCL:
        ref(&w->concls, c->a, neg);
        return;
    case C_CONST:
        return;
    case C_VERDICT:
        w->any_verdict = true;
        return;
    case C_NOT:
        walk(w, c->a, !neg);
        return;
    default:
        break;
    }
    if (verdict_compare(w, c))
        return;
    if (c->a >= 0)
        walk(w, c->a, neg);
    if (c->b >= 0)
        walk(w, c->b, neg);
}

/* The edges from what r read (prefix f or c) to node to; r emptied. */
static void ref_edges(struct gw *w, struct refs *r, char prefix, const char *to)
{
    for (int k = 0; k < r->n; k++) {
        int i = r->list[k];
        sb_printf(w->out, "  %c%d -> %s", prefix, i, to);
        sb_puts(w->out, r->how[i] == REF_NEG ? " [" NEGATED "];\n" : ";\n");
        r->how[i] = 0;
    }
    r->n = 0;
}

/* The edges from what condition cond reads to node to. */
static void reads(struct gw *w, int cond, const char *to)
{
    if (cond < 0)
        return;
    w->verdicts = 0;
    w->any_verdict = false;
    walk(w, cond, false);
    ref_edges(w, &w->facts, 'f', to);
    ref_edges(w, &w->concls, 'c', to);
    for (int i = 0; (w->verdicts || w->any_verdict) && i < w->p->nlines; i++) {
        int v = w->p->lines[i].verdict;
        if (w->any_verdict || (v >= 0 && (w->verdicts >> v & 1)))
            sb_printf(w->out, "  v:l%d:e -> %s [style=dotted];\n", i, to);
    }
}

static void edges(struct gw *w)
{
    const struct plan *p = w->p;
    char to[32];
    for (int i = 0; i < p->nrules; i++) {
        snprintf(to, sizeof to, "r%d", i);
        reads(w, p->rules[i].cond, to);
        for (int k = 0; k < p->rules[i].nconcls; k++)
            sb_printf(w->out, "  r%d -> c%d;\n", i, p->rules[i].concls[k]);
        for (int k = 0; k < p->rules[i].nover; k++)
            sb_printf(w->out,
                      "  r%d -> r%d [" OVERRIDE ", constraint=false];\n",
                      p->rules[i].overriders[k], i);
    }
    for (int i = 0; i < p->nlines; i++) {
        snprintf(to, sizeof to, "v:l%d:w", i);
        reads(w, p->lines[i].cond, to);
    }
    for (int i = 0; i < p->nmeasures; i++) {
        snprintf(to, sizeof to, "m%d", i);
        reads(w, p->measures[i].cond, to);
    }
    for (int c = 0; c < p->nconcls; c++)
        for (int k = 0; k < p->concls[c].nrepeals; k++)
            repealed_edge(w, c, k);
}

/* The next legend node, k<n>: its attributes and label text; two to a
 * row (an invisible edge from the one before). */
static void key(struct gw *w, const char *attrs, const char *label)
{
    int n = w->nkeys++;
    sb_printf(w->out, "    k%d [%s, label=\"", n, attrs);
    put_str(w, label, 0);
    sb_puts(w->out, "\"];\n");
    if (n % 2)
        sb_printf(w->out, "    k%d -> k%d [style=invis];\n", n - 1, n);
}

static void legend_parts(struct gw *w)
{
    enum lang lang = w->g->lang;
    key(w, "shape=ellipse", kw_text(KW_FACT, lang));
    for (int i = 0; i < w->g->nfiles; i++) {
        char attrs[96];
        snprintf(attrs, sizeof attrs, "fillcolor=\"%s\", color=\"%s\"",
                 palette[i % NPALETTE][0], palette[i % NPALETTE][1]);
        SB_MSG(w->fmt, lang, graph_rules_of, w->g->files[i]);
        key(w, attrs, w->fmt->p);
        w->fmt->len = 0;
    }
    key(w, "shape=hexagon", kw_text(KW_CONCLUSION, lang));
    key(w, "style=\"rounded,filled\"", kw_text(KW_VERDICT, lang));
    key(w, "shape=note", kw_text(KW_MEASURE, lang));
    key(w, "peripheries=2", kw_text(KW_AMEND, lang));
    key(w, REPEALED, kw_text(KW_REPEAL, lang));
}

static void legend_case(struct gw *w)
{
    enum lang lang = w->g->lang;
    char attrs[64];
    static const enum tv order[] = {TV_TRUE, TV_FALSE, TV_UNKNOWN};
    static const enum kw words[] = {
        [TV_FALSE] = KW_FALSE, [TV_TRUE] = KW_TRUE, [TV_UNKNOWN] = KW_UNKNOWN};
    for (int i = 0; i < 3; i++) {
        snprintf(attrs, sizeof attrs, "fillcolor=\"%s\"", truth_fill(order[i]));
        key(w, attrs, kw_text(words[order[i]], lang));
    }
    key(w, "style=\"rounded,dashed\"", MSG(graph_not_tried, lang));
    key(w, "style=\"rounded,filled\", penwidth=3", MSG(graph_decided, lang));
}

/* The legend: shapes, files, marks, and the colours of a case. */
static void legend(struct gw *w)
{
    sb_puts(w->out, "  subgraph cluster_legend {\n    label=\"");
    put_str(w, MSG(graph_legend, w->g->lang), 0);
    sb_puts(w->out, "\";\n    style=rounded; color=\"#bbbbbb\";\n");
    legend_parts(w);
    if (w->r)
        legend_case(w);
    sb_puts(w->out, "    k_o1 [shape=point]; k_o2 [shape=point];\n");
    sb_puts(w->out, "    k_o1 -> k_o2 [" OVERRIDE ", label=\"");
    put_kw(w, KW_OVERRIDES);
    sb_puts(w->out, "\"];\n    k_n1 [shape=point]; k_n2 [shape=point];\n");
    sb_puts(w->out, "    k_n1 -> k_n2 [" NEGATED ", label=\"");
    put_kw(w, KW_NOT);
    sb_puts(w->out, ": ");
    put_str(w, MSG(graph_negated, w->g->lang), 0);
    sb_puts(w->out, "\"];\n  }\n");
}

/* The graph's title: policy and version; the case and its outcome. */
static void title(struct gw *w)
{
    const struct plan *p = w->p;
    sb_puts(w->out, "  label=\"");
    put_kw(w, KW_POLICY);
    sb_putc(w->out, ' ');
    put_str(w, p->policy ? p->policy : p->src->name, 0);
    if (p->version) {
        sb_putc(w->out, ' ');
        put_kw(w, KW_VERSION);
        sb_putc(w->out, ' ');
        put_str(w, p->version, 0);
    }
    if (w->r) {
        sb_puts(w->out, "\\n");
        put_kw(w, KW_CASE);
        sb_putc(w->out, ' ');
        put_str(w, w->r->cf->id ? w->r->cf->id : "?", 0);
        sb_puts(w->out, " → ");
        if (w->r->status == ST_UNDETERMINED)
            put_kw(w, KW_UNDETERMINED);
        else if (w->r->verdict >= 0)
            put_str(w, p->verdicts.names[w->r->verdict], 0);
        else
            sb_puts(w->out, "—");
    }
    sb_puts(w->out, "\";\n");
}

static void header(struct gw *w)
{
    sb_puts(
        w->out,
        "digraph rongcuo {\n"
        "  graph [rankdir=LR, labelloc=t, fontname=\"sans-serif\", "
        "fontsize=14, nodesep=0.15, ranksep=0.5];\n"
        "  node [shape=box, style=filled, fillcolor=\"" WHITE "\", "
        "fontname=\"sans-serif\", fontsize=10];\n"
        "  edge [color=\"#666666\", arrowsize=0.6, fontname=\"sans-serif\", "
        "fontsize=9];\n");
    title(w);
}

void graph_dot(const struct graph_in *g, struct sbuf *out)
{
    const struct plan *p = g->p;
    struct gw w = {g,
                   p,
                   g->r,
                   out,
                   &g->scratch[0],
                   &g->scratch[1],
                   {NULL, NULL, 0},
                   {NULL, NULL, 0},
                   0,
                   false,
                   0};
    w.facts.how = xtemp_calloc((size_t)p->nfacts + 1, 1);
    w.facts.list = xtemp_calloc((size_t)p->nfacts + 1, sizeof(int));
    w.concls.how = xtemp_calloc((size_t)p->nconcls + 1, 1);
    w.concls.list = xtemp_calloc((size_t)p->nconcls + 1, sizeof(int));
    header(&w);
    facts(&w);
    rules(&w);
    for (int c = 0; c < p->nconcls; c++)
        for (int k = 0; k < p->concls[c].nrepeals; k++)
            repealed(&w, c, k);
    concls(&w);
    verdict_table(&w);
    measures(&w);
    edges(&w);
    legend(&w);
    sb_puts(out, "}\n");
    xtemp_free(w.concls.list);
    xtemp_free(w.concls.how);
    xtemp_free(w.facts.list);
    xtemp_free(w.facts.how);
}

struct graph_args {
    struct rc_ruleset *rs;
    const struct rc_eval *ev;
    enum rc_lang lang;
    struct sbuf scratch[2];
};

static void graph_work(void *ud)
{
    struct graph_args *a = ud;
    const struct plan *p = a->rs->plan;
    struct graph_in g = {p,
                         a->rs->files,
                         a->rs->nfiles,
                         a->ev ? a->ev->r : NULL,
                         a->lang == RC_LANG_AUTO ? p->lang : (enum lang)a->lang,
                         a->scratch};
    graph_dot(&g, &a->rs->shown);
}

/* Whether ev evaluated a case of rs without errors, still there to read. */
static bool graph_case_ok(const struct rc_ruleset *rs, const struct rc_eval *ev)
{
    if (!handle_live(ev, H_EVAL) || ev->error || ev->rs != rs ||
        ev->r->status == ST_ERROR)
        return false;
    return !ev->stream || (handle_live(ev->stream, H_CASES) &&
                           ev->stream->serial == ev->serial);
}

const char *rc_ruleset_graph(struct rc_ruleset *rs, const struct rc_eval *ev,
                             enum rc_lang lang)
{
    if (!handle_live(rs, H_RULESET) || !api_lang_ok(lang) ||
        (ev && !graph_case_ok(rs, ev)))
        return NULL;
    rs->shown.len = 0;
    struct graph_args a = {rs, ev, lang, {{0}, {0}}};
    int rc = arena_protect(graph_work, &a);
    sb_free(&a.scratch[0]);
    sb_free(&a.scratch[1]);
    if (rc != 0)
        return NULL;
    return rs->shown.p ? rs->shown.p : "";
}
