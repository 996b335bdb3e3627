#include "engine/show.h"

#include <string.h>

#include "engine/show_expr.h"

static void str(const char *s, struct sbuf *out)
{
    sb_putc(out, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            sb_putc(out, '\\');
        sb_putc(out, *s);
    }
    sb_putc(out, '"');
}

static void kw(enum kw k, enum lang lang, struct sbuf *out)
{
    sb_puts(out, kw_text(k, lang));
}

static void names(const struct ast_name *n, const char *sep, struct sbuf *out)
{
    for (; n; n = n->next) {
        sb_puts(out, n->text);
        if (n->prefix)
            sb_putc(out, '*');
        if (n->next)
            sb_puts(out, sep);
    }
}

static void origin(const struct src_loc *l, const struct ast_decl *amends,
                   struct sbuf *out)
{
    sb_puts(out, "  # ");
    sb_text(out, l->src ? l->src->name : "?");
    sb_printf(out, ":%d", l->first_line);
    if (amends) {
        sb_puts(out, ", amends ");
        sb_text(out, amends->loc.src->name);
        sb_printf(out, ":%d", amends->loc.first_line);
    }
    sb_putc(out, '\n');
}

static void value(const struct ast_value *v, enum lang lang, struct sbuf *out)
{
    char buf[64];
    switch (v->kind) {
    case VAL_BOOL:
        kw(v->b ? KW_TRUE : KW_FALSE, lang, out);
        break;
    case VAL_NUM:
        num_print(out, v->num);
        break;
    case VAL_DATE:
        ast_date_format(v->date, buf);
        sb_puts(out, buf);
        break;
    case VAL_STR:
        str(v->text, out);
        break;
    case VAL_NAME:
        sb_puts(out, v->text);
        break;
    case VAL_SET:
        sb_putc(out, '{');
        names(v->items, ", ", out);
        sb_putc(out, '}');
        break;
    case VAL_UNKNOWN:
        kw(KW_UNKNOWN, lang, out);
        break;
    }
}

static void fact(const struct ast_decl *d, enum lang lang, struct sbuf *out)
{
    static const enum kw type_kw[] = {
        [TY_BOOL] = KW_BOOL, [TY_NUMBER] = KW_NUMBER, [TY_TEXT] = KW_TEXT,
        [TY_DATE] = KW_DATE, [TY_ONE_OF] = KW_ONE_OF, [TY_SET_OF] = KW_SET_OF,
    };
    kw(KW_FACT, lang, out);
    sb_printf(out, " %s: ", d->name.text);
    kw(type_kw[d->type.kind], lang, out);
    if (d->type.unit)
        sb_printf(out, " %s", d->type.unit);
    if (d->type.kind == TY_ONE_OF || d->type.kind == TY_SET_OF) {
        sb_puts(out, " {");
        names(d->type.options, ", ", out);
        sb_putc(out, '}');
    }
    if (d->dflt) {
        sb_puts(out, " = ");
        value(d->dflt, lang, out);
    }
    if (d->title) {
        sb_putc(out, ' ');
        str(d->title, out);
    }
}

/* "  keyword " at the start of a clause line. */
static void clause(enum kw k, enum lang lang, struct sbuf *out)
{
    sb_puts(out, "  ");
    kw(k, lang, out);
    sb_putc(out, ' ');
}

static void clauses(const struct ast_decl *d, enum lang lang, struct sbuf *out)
{
    for (const struct ast_name *c = d->cites; c; c = c->next) {
        clause(KW_CITES, lang, out);
        str(c->text, out);
        sb_putc(out, '\n');
    }
    if (d->when) {
        clause(KW_WHEN, lang, out);
        show_ast_expr(d->when, lang, out);
        sb_putc(out, '\n');
    }
    if (d->then) {
        clause(KW_THEN, lang, out);
        names(d->then, ", ", out);
        sb_putc(out, '\n');
    }
    if (d->overrides) {
        clause(KW_OVERRIDES, lang, out);
        names(d->overrides, ", ", out);
        sb_putc(out, '\n');
    }
    if (d->because.text) {
        clause(KW_BECAUSE, lang, out);
        str(d->because.text, out);
        sb_putc(out, '\n');
    }
}

static void verdict(const struct ast_decl *d, enum lang lang, struct sbuf *out)
{
    kw(KW_VERDICT, lang, out);
    if (d->title) {
        sb_putc(out, ' ');
        str(d->title, out);
    }
    sb_puts(out, " {");
    origin(&d->loc, d->amends, out);
    for (const struct ast_vline *l = d->lines; l; l = l->next) {
        sb_puts(out, "  ");
        if (l->when) {
            sb_printf(out, "%s ", l->name.text);
            kw(KW_WHEN, lang, out);
            sb_putc(out, ' ');
            show_ast_expr(l->when, lang, out);
        } else {
            kw(KW_OTHERWISE, lang, out);
            sb_printf(out, " %s", l->name.text);
        }
        sb_putc(out, '\n');
    }
    sb_puts(out, "}\n");
}

/* One declaration with its origin. */
static void decl(const struct ast_decl *d, enum lang lang, struct sbuf *out)
{
    switch (d->kind) {
    case DECL_FACT:
        fact(d, lang, out);
        origin(&d->name.loc, NULL, out);
        break;
    case DECL_CONCLUSION:
        kw(KW_CONCLUSION, lang, out);
        sb_printf(out, " %s", d->name.text);
        if (d->title) {
            sb_putc(out, ' ');
            str(d->title, out);
        }
        origin(&d->name.loc, NULL, out);
        break;
    case DECL_LIST:
        kw(KW_LIST, lang, out);
        sb_printf(out, " %s = {", d->name.text);
        names(d->items, ", ", out);
        sb_putc(out, '}');
        origin(&d->name.loc, NULL, out);
        break;
    case DECL_RULE:
    case DECL_MEASURE:
        sb_putc(out, '\n');
        kw(d->kind == DECL_RULE ? KW_RULE : KW_MEASURE, lang, out);
        sb_printf(out, " %s", d->name.text);
        if (d->title) {
            sb_putc(out, ' ');
            str(d->title, out);
        }
        origin(&d->name.loc, d->amends, out);
        clauses(d, lang, out);
        break;
    case DECL_VERDICT:
        sb_putc(out, '\n');
        verdict(d, lang, out);
        break;
    }
}

void show_rule(const struct ast_decl *d, struct sbuf *out)
{
    if (d->kind == DECL_VERDICT) {
        struct sbuf tmp = {0};
        verdict(d, LANG_EN, &tmp);
        /* drop the origin comment of the first line */
        const char *nl = strchr(tmp.p, '\n');
        const char *hash = strstr(tmp.p, "  # ");
        if (hash && nl && hash < nl) {
            sb_put(out, tmp.p, (size_t)(hash - tmp.p));
            sb_puts(out, nl);
        } else {
            sb_puts(out, tmp.p);
        }
        sb_free(&tmp);
        return;
    }
    kw(d->kind == DECL_MEASURE ? KW_MEASURE : KW_RULE, LANG_EN, out);
    sb_printf(out, " %s", d->name.text);
    if (d->title) {
        sb_putc(out, ' ');
        str(d->title, out);
    }
    sb_putc(out, '\n');
    clauses(d, LANG_EN, out);
}

void show_file(const struct ast_file *f, enum lang lang, struct sbuf *out)
{
    sb_puts(out, "# the effective rule set of ");
    sb_text(out, f->src->name);
    sb_puts(out, "\n# files:");
    for (const struct ast_file *b = f; b; b = b->base) {
        sb_putc(out, ' ');
        sb_text(out, b->src->name);
        sb_puts(out, b->base ? " →" : "\n");
    }
    if (f->policy) {
        kw(KW_POLICY, lang, out);
        sb_putc(out, ' ');
        str(f->policy, out);
        if (f->version) {
            sb_putc(out, ' ');
            kw(KW_VERSION, lang, out);
            sb_putc(out, ' ');
            str(f->version, out);
        }
        sb_putc(out, '\n');
    }
    sb_putc(out, '\n');
    bool block = false; /* the last declaration was a rule, measure, verdict */
    for (const struct ast_decl *d = f->decls; d; d = d->next) {
        bool simple = d->kind == DECL_FACT || d->kind == DECL_CONCLUSION ||
                      d->kind == DECL_LIST;
        if (simple && block)
            sb_putc(out, '\n');
        block = !simple;
        decl(d, lang, out);
    }
    if (!f->repealed)
        return;
    sb_puts(out, "\n# repealed:\n");
    for (const struct ast_repeal *r = f->repealed; r; r = r->next) {
        const struct ast_decl *d = r->decl;
        sb_printf(out, "#   %s %s  ",
                  d->kind == DECL_RULE      ? kw_text(KW_RULE, lang)
                  : d->kind == DECL_MEASURE ? kw_text(KW_MEASURE, lang)
                                            : kw_text(KW_VERDICT, lang),
                  d->kind == DECL_VERDICT ? "" : d->name.text);
        sb_text(out, d->loc.src->name);
        sb_printf(out, ":%d, repealed at ", d->loc.first_line);
        sb_text(out, r->by->loc.src->name);
        sb_printf(out, ":%d", r->by->loc.first_line);
        if (r->by->because.text) {
            sb_puts(out, ", because \"");
            sb_text(out, r->by->because.text);
            sb_putc(out, '"');
        }
        sb_putc(out, '\n');
    }
}
