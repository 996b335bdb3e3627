#include "engine/ast.h"

#include <stdio.h>

#include "engine/arena.h"

struct ast_expr *ast_expr(struct arena *a, enum ast_op op,
                          const struct src_loc *loc, struct ast_expr *l,
                          struct ast_expr *r)
{
    struct ast_expr *e = arena_alloc(a, sizeof *e);
    e->op = op;
    e->loc = *loc;
    e->l = l;
    e->r = r;
    int dl = l ? l->depth : 0, dr = r ? r->depth : 0;
    e->depth = 1 + (dl > dr ? dl : dr);
    return e;
}

struct ast_name *ast_name(struct arena *a, const char *text,
                          const struct src_loc *loc)
{
    struct ast_name *n = arena_alloc(a, sizeof *n);
    n->text = text;
    n->loc = *loc;
    return n;
}

static struct ast_name *last_of(struct ast_name *n)
{
    struct ast_name *t = n->last ? n->last : n;
    while (t->next)
        t = t->next;
    return t;
}

struct ast_name *ast_names_append(struct ast_name *a, struct ast_name *b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    struct ast_name *t = last_of(a);
    t->next = b;
    a->last = last_of(b);
    b->last = NULL;
    return a;
}

struct ast_value *ast_value(struct arena *a, enum ast_vkind k,
                            const struct src_loc *loc)
{
    struct ast_value *v = arena_alloc(a, sizeof *v);
    v->kind = k;
    v->loc = *loc;
    return v;
}

struct ast_decl *ast_decl(struct arena *a, enum ast_dkind k,
                          const struct src_loc *loc)
{
    struct ast_decl *d = arena_alloc(a, sizeof *d);
    d->kind = k;
    d->loc = *loc;
    return d;
}

void ast_add_decl(struct ast_file *f, struct ast_decl *d)
{
    if (f->decls_tail)
        f->decls_tail->next = d;
    else
        f->decls = d;
    f->decls_tail = d;
}

void ast_add_case(struct ast_file *f, struct ast_case *c)
{
    if (f->cases_tail)
        f->cases_tail->next = c;
    else
        f->cases = c;
    f->cases_tail = c;
}

/* Howard Hinnant's days_from_civil. */
static int days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int ast_date(int y, int m, int d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return -1;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = mdays[m - 1] + (m == 2 && leap);
    if (d > max)
        return -1;
    return days_from_civil(y, m, d) + 1000000; /* keep valid dates >= 0 */
}

void ast_date_format(int days, char buf[16])
{
    int z = days - 1000000 + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    snprintf(buf, 16, "%04d-%02d-%02d", (y % 10000 + 10000) % 10000,
             (m % 100 + 100) % 100, (d % 100 + 100) % 100);
}
