#include "engine/show.h"

#include <string.h>

#include "engine/date.h"
#include "engine/msg.h"
#include "engine/plan_tests.h"
#include "engine/show_expr.h"

static void kw(enum kw k, enum lang lang, struct sbuf *out)
{
    sb_puts(out, kw_text(k, lang));
}

/* s with its control characters escaped, in a buffer of its own (freed
 * by the caller), for a message that quotes it. */
static struct sbuf escaped(const char *s)
{
    struct sbuf b = {0};
    sb_text(&b, s);
    return b;
}

/* "file:line", escaped, in a buffer of its own. */
static struct sbuf place(const struct src_loc *l)
{
    struct sbuf b = escaped(l->src ? l->src->name : "?");
    sb_printf(&b, ":%d", l->first_line);
    return b;
}

static void origin(const struct src_loc *l, const struct src_loc *amends,
                   enum lang lang, struct sbuf *out)
{
    struct sbuf at = place(l);
    sb_printf(out, "  # %s", at.p);
    sb_free(&at);
    if (amends) {
        at = place(amends);
        SB_MSG(out, lang, show_amends, at.p);
        sb_free(&at);
    }
    sb_putc(out, '\n');
}

static void value(const struct wvalue *v, enum lang lang, struct sbuf *out)
{
    char buf[64];
    switch (v->kind) {
    case WV_BOOL:
        kw(v->b ? KW_TRUE : KW_FALSE, lang, out);
        break;
    case WV_NUM:
        num_print(out, v->num);
        break;
    case WV_DATE:
        ast_date_format(v->date, buf);
        sb_puts(out, buf);
        break;
    case WV_STR:
        sb_quoted(out, v->text);
        break;
    case WV_NAME:
        sb_puts(out, v->text);
        break;
    case WV_SET:
        sb_putc(out, '{');
        sb_puts(out, v->text);
        sb_putc(out, '}');
        break;
    case WV_UNKNOWN:
        kw(KW_UNKNOWN, lang, out);
        break;
    }
}

static void fact(const struct wdecl *d, enum lang lang, struct sbuf *out)
{
    kw(KW_FACT, lang, out);
    sb_printf(out, " %s: ", d->name);
    kw(d->type, lang, out);
    if (d->unit)
        sb_printf(out, " %s", d->unit);
    if (d->type == KW_ONE_OF || d->type == KW_SET_OF)
        sb_printf(out, " {%s}", d->names ? d->names : "");
    if (d->dflt) {
        sb_puts(out, " = ");
        value(d->dflt, lang, out);
    }
    if (d->title) {
        sb_putc(out, ' ');
        sb_quoted(out, d->title);
    }
}

/* "  keyword " at the start of a clause line. */
static void clause(enum kw k, enum lang lang, struct sbuf *out)
{
    sb_puts(out, "  ");
    kw(k, lang, out);
    sb_putc(out, ' ');
}

static void clauses(const struct wdecl *d, enum lang lang, struct sbuf *out)
{
    for (int i = 0; i < d->ncites; i++) {
        clause(KW_CITES, lang, out);
        sb_quoted(out, d->cites[i]);
        sb_putc(out, '\n');
    }
    if (d->when) {
        clause(KW_WHEN, lang, out);
        show_expr(d->when, lang, out);
        sb_putc(out, '\n');
    }
    if (d->then) {
        clause(KW_THEN, lang, out);
        sb_puts(out, d->then);
        sb_putc(out, '\n');
    }
    if (d->overrides) {
        clause(KW_OVERRIDES, lang, out);
        sb_puts(out, d->overrides);
        sb_putc(out, '\n');
    }
    if (d->because) {
        clause(KW_BECAUSE, lang, out);
        sb_quoted(out, d->because);
        sb_putc(out, '\n');
    }
}

/* The verdict table, with its origin or (canonical form) without. */
static void verdict(const struct wdecl *d, enum lang lang, bool with_origin,
                    struct sbuf *out)
{
    kw(KW_VERDICT, lang, out);
    if (d->title) {
        sb_putc(out, ' ');
        sb_quoted(out, d->title);
    }
    sb_puts(out, " {");
    if (with_origin)
        origin(&d->loc, d->amends, lang, out);
    else
        sb_putc(out, '\n');
    for (int i = 0; i < d->nlines; i++) {
        const struct wline *l = &d->lines[i];
        sb_puts(out, "  ");
        if (l->when) {
            sb_printf(out, "%s ", l->name);
            kw(KW_WHEN, lang, out);
            sb_putc(out, ' ');
            show_expr(l->when, lang, out);
        } else {
            kw(KW_OTHERWISE, lang, out);
            sb_printf(out, " %s", l->name);
        }
        sb_putc(out, '\n');
    }
    sb_puts(out, "}\n");
}

/* "keyword NAME "title"" of a conclusion, rule or measure. */
static void head(enum kw k, const struct wdecl *d, enum lang lang,
                 struct sbuf *out)
{
    kw(k, lang, out);
    sb_printf(out, " %s", d->name);
    if (d->title) {
        sb_putc(out, ' ');
        sb_quoted(out, d->title);
    }
}

/* "  expect [not] verdict|measure|undetermined [NAME]" of a bottom line. */
static void expectation(const struct expect_info *x, enum lang lang,
                        struct sbuf *out)
{
    clause(KW_EXPECT, lang, out);
    bool not = x->kind == EXPECT_NOT_VERDICT || x->kind == EXPECT_NOT_MEASURE ||
               x->kind == EXPECT_NOT_UNDETERMINED;
    if (not ) {
        kw(KW_NOT, lang, out);
        sb_putc(out, ' ');
    }
    bool verdict = x->kind == EXPECT_VERDICT || x->kind == EXPECT_NOT_VERDICT;
    bool measure = x->kind == EXPECT_MEASURE || x->kind == EXPECT_NOT_MEASURE;
    kw(verdict   ? KW_VERDICT
       : measure ? KW_MEASURE
                 : KW_UNDETERMINED,
       lang, out);
    if (verdict || measure)
        sb_printf(out, " %s", x->name);
    sb_putc(out, '\n');
}

/* A bottom line: "invariant "title"", its condition, its expectations. */
static void invariant(const struct wdecl *d, enum lang lang, bool with_origin,
                      struct sbuf *out)
{
    kw(KW_INVARIANT, lang, out);
    sb_putc(out, ' ');
    sb_quoted(out, d->title);
    if (with_origin)
        origin(&d->loc, NULL, lang, out);
    else
        sb_putc(out, '\n');
    clauses(d, lang, out);
    for (int i = 0; i < d->nexpects; i++)
        expectation(&d->expects[i], lang, out);
}

/* One declaration with its origin. */
static void decl(const struct wdecl *d, enum lang lang, struct sbuf *out)
{
    switch (d->kind) {
    case WD_FACT:
        fact(d, lang, out);
        origin(&d->loc, NULL, lang, out);
        break;
    case WD_CONCLUSION:
        head(KW_CONCLUSION, d, lang, out);
        origin(&d->loc, NULL, lang, out);
        break;
    case WD_LIST:
        kw(KW_LIST, lang, out);
        sb_printf(out, " %s = {%s}", d->name, d->names ? d->names : "");
        origin(&d->loc, NULL, lang, out);
        break;
    case WD_RULE:
    case WD_MEASURE:
        sb_putc(out, '\n');
        head(d->kind == WD_RULE ? KW_RULE : KW_MEASURE, d, lang, out);
        origin(&d->loc, d->amends, lang, out);
        clauses(d, lang, out);
        break;
    case WD_VERDICT:
        sb_putc(out, '\n');
        verdict(d, lang, true, out);
        break;
    case WD_INVARIANT:
        sb_putc(out, '\n');
        invariant(d, lang, true, out);
        break;
    }
}

void show_part(const struct wdecl *d, struct sbuf *out)
{
    if (d->kind == WD_VERDICT) {
        verdict(d, LANG_EN, false, out);
        return;
    }
    if (d->kind == WD_INVARIANT) {
        invariant(d, LANG_EN, false, out);
        return;
    }
    head(d->kind == WD_MEASURE ? KW_MEASURE : KW_RULE, d, LANG_EN, out);
    sb_putc(out, '\n');
    clauses(d, LANG_EN, out);
}

static void repealed(const struct show_info *s, enum lang lang,
                     struct sbuf *out)
{
    sb_printf(out, "\n%s\n", MSG(show_repealed, lang));
    for (int i = 0; i < s->nrepealed; i++) {
        const struct wrepeal *r = &s->repealed[i];
        sb_printf(out, "#   %s %s  ",
                  r->kind == WD_RULE      ? kw_text(KW_RULE, lang)
                  : r->kind == WD_MEASURE ? kw_text(KW_MEASURE, lang)
                                          : kw_text(KW_VERDICT, lang),
                  r->name);
        struct sbuf at = place(&r->loc), by = place(&r->by);
        sb_puts(out, at.p);
        SB_MSG(out, lang, show_repealed_at, by.p);
        sb_free(&at);
        sb_free(&by);
        if (r->because) {
            struct sbuf why = escaped(r->because);
            SB_MSG(out, lang, show_because, why.p);
            sb_free(&why);
        }
        sb_putc(out, '\n');
    }
}

void show_plan(const struct plan *p, enum lang lang, struct sbuf *out)
{
    const struct show_info *s = p->show;
    struct sbuf top = escaped(s->files[0]);
    SB_MSG(out, lang, show_effective, top.p);
    sb_free(&top);
    sb_printf(out, "\n%s", MSG(show_chain, lang));
    for (int i = 0; i < s->nfiles; i++) {
        sb_putc(out, ' ');
        sb_text(out, s->files[i]);
        sb_puts(out, i + 1 < s->nfiles ? " →" : "\n");
    }
    if (p->policy) {
        kw(KW_POLICY, lang, out);
        sb_putc(out, ' ');
        sb_quoted(out, p->policy);
        if (p->version) {
            sb_putc(out, ' ');
            kw(KW_VERSION, lang, out);
            sb_putc(out, ' ');
            sb_quoted(out, p->version);
        }
        sb_putc(out, '\n');
    }
    sb_putc(out, '\n');
    bool block = false; /* the last declaration was a rule, measure, verdict */
    for (int i = 0; i < s->ndecls; i++) {
        const struct wdecl *d = &s->decls[i];
        bool simple = d->kind == WD_FACT || d->kind == WD_CONCLUSION ||
                      d->kind == WD_LIST;
        if (simple && block)
            sb_putc(out, '\n');
        block = !simple;
        decl(d, lang, out);
    }
    if (s->nrepealed)
        repealed(s, lang, out);
}
