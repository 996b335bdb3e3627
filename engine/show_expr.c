#include "engine/show_expr.h"

#include "engine/ast.h"
#include "engine/date.h"

/* One printer for conditions of either origin: a view of one node. */
struct xview {
    enum ast_op op;
    const void *l, *r;
    const char *text;
    struct num num;
    int date;
    bool b;
};

struct xsrc {
    void (*view)(const void *e, struct xview *v);
    void (*items)(const void *e, struct sbuf *out); /* "a, b" */
};

static void wview(const void *p, struct xview *v)
{
    const struct wexpr *e = p;
    *v = (struct xview){e->op, e->l, e->r, e->text, e->num, e->date, e->b};
}

static void witems(const void *p, struct sbuf *out)
{
    const struct wexpr *e = p;
    for (int i = 0; i < e->nitems; i++)
        sb_printf(out, "%s%s", i ? ", " : "", e->items[i]);
}

static void aview(const void *p, struct xview *v)
{
    const struct ast_expr *e = p;
    *v = (struct xview){e->op, e->l, e->r, e->text, e->num, e->date, e->b};
}

static void aitems(const void *p, struct sbuf *out)
{
    const struct ast_expr *e = p;
    for (const struct ast_name *n = e->items; n; n = n->next)
        sb_printf(out, "%s%s", n == e->items ? "" : ", ", n->text);
}

static const struct xsrc from_plan = {wview, witems};
static const struct xsrc from_tree = {aview, aitems};

/* Binding strength, loosest first, as in LANGUAGE.md §8. */
static int prec(enum ast_op op)
{
    switch (op) {
    case OP_OR:
        return 1;
    case OP_AND:
        return 2;
    case OP_NOT:
        return 3;
    case OP_EQ:
    case OP_NE:
    case OP_LT:
    case OP_LE:
    case OP_GT:
    case OP_GE:
    case OP_IN:
    case OP_CONTAINS:
    case OP_CONTAINS_ANY:
    case OP_KNOWN:
        return 4;
    case OP_ADD:
    case OP_SUB:
        return 5;
    case OP_MUL:
    case OP_DIV:
        return 6;
    case OP_NEG:
        return 7;
    default:
        return 8;
    }
}

static void expr(const struct xsrc *s, const void *e, const struct xview *v,
                 enum lang lang, struct sbuf *out);

static void sub(const struct xsrc *s, const void *e, int min, enum lang lang,
                struct sbuf *out)
{
    struct xview v;
    s->view(e, &v);
    bool paren = prec(v.op) < min;
    if (paren)
        sb_putc(out, '(');
    expr(s, e, &v, lang, out);
    if (paren)
        sb_putc(out, ')');
}

/* A leaf or a unary operator; false for a binary one. */
static bool unary(const struct xsrc *s, const void *e, const struct xview *v,
                  enum lang lang, struct sbuf *out)
{
    char buf[64];
    int p = prec(v->op);
    switch (v->op) {
    case OP_NAME:
        sb_puts(out, v->text);
        return true;
    case OP_NUM:
        num_print(out, v->num);
        return true;
    case OP_DATE:
        ast_date_format(v->date, buf);
        sb_puts(out, buf);
        return true;
    case OP_STR:
        sb_putc(out, '"');
        sb_text(out, v->text);
        sb_putc(out, '"');
        return true;
    case OP_BOOL:
        sb_puts(out, kw_text(v->b ? KW_TRUE : KW_FALSE, lang));
        return true;
    case OP_SET:
        sb_putc(out, '{');
        s->items(e, out);
        sb_putc(out, '}');
        return true;
    case OP_VERDICT:
        sb_puts(out, kw_text(KW_VERDICT, lang));
        return true;
    case OP_NOT:
        sb_printf(out, "%s ", kw_text(KW_NOT, lang));
        sub(s, v->l, p, lang, out);
        return true;
    case OP_NEG:
        sb_putc(out, '-');
        sub(s, v->l, p, lang, out);
        return true;
    case OP_KNOWN:
        sub(s, v->l, p + 1, lang, out);
        sb_printf(out, " %s", kw_text(KW_IS_KNOWN, lang));
        return true;
    default:
        return false;
    }
}

static void expr(const struct xsrc *s, const void *e, const struct xview *v,
                 enum lang lang, struct sbuf *out)
{
    static const char *const ops[] = {
        [OP_EQ] = "==", [OP_NE] = "!=", [OP_LT] = "<",  [OP_LE] = "<=",
        [OP_GT] = ">",  [OP_GE] = ">=", [OP_ADD] = "+", [OP_SUB] = "-",
        [OP_MUL] = "*", [OP_DIV] = "/",
    };
    if (unary(s, e, v, lang, out))
        return;
    int p = prec(v->op);
    sub(s, v->l, p, lang, out);
    switch (v->op) {
    case OP_AND:
        sb_printf(out, " %s ", kw_text(KW_AND, lang));
        break;
    case OP_OR:
        sb_printf(out, " %s ", kw_text(KW_OR, lang));
        break;
    case OP_IN:
        sb_printf(out, " %s ", kw_text(KW_IN, lang));
        break;
    case OP_CONTAINS:
        sb_printf(out, " %s ", kw_text(KW_CONTAINS, lang));
        break;
    case OP_CONTAINS_ANY:
        sb_printf(out, " %s %s ", kw_text(KW_CONTAINS, lang),
                  kw_text(KW_ANY, lang));
        break;
    default:
        sb_printf(out, " %s ", ops[v->op]);
    }
    /* left-associative: a right operand of equal strength needs parens */
    sub(s, v->r, p + 1, lang, out);
}

void show_expr(const struct wexpr *e, enum lang lang, struct sbuf *out)
{
    sub(&from_plan, e, 0, lang, out);
}

void show_ast_expr(const struct ast_expr *e, enum lang lang, struct sbuf *out)
{
    sub(&from_tree, e, 0, lang, out);
}
