#include "engine/check_int.h"

#include <string.h>

#include "engine/arena.h"
#include "engine/limits.h"
#include "engine/suggest.h"

/*
 * The checker's diagnostics whose words depend on the language (a type,
 * "the verdict", a list of options), and those shared by check.c and
 * expr.c: an unknown name, an option not in its domain, a name declared
 * twice.
 */

struct marg marg_s(const char *s)
{
    return (struct marg){{s, s, s}};
}

struct marg marg_m(enum msg m)
{
    return (struct marg){{msg_fmt(m, LANG_EN), msg_fmt(m, LANG_ZH_HANT),
                          msg_fmt(m, LANG_ZH_HANS)}};
}

/* Message m in language k with a[0..n) (at most three %s). */
static const char *format(struct arena *ar, enum msg m, int k, int n,
                          const struct marg *a)
{
    const char *v[3] = {"", "", ""};
    for (int i = 0; i < n && i < 3; i++)
        v[i] = a[i].v[k];
    return arena_printf(ar, msg_fmt(m, (enum lang)k), v[0], v[1], v[2]);
}

struct diag *check_diag(struct diag_list *dl, enum diag_severity sev,
                        const struct src_loc *loc, enum msg m, int n,
                        const struct marg *a)
{
    if (sev == DIAG_ERROR && dl->errors >= LIMIT_ERRORS)
        return diag_add(dl, sev, loc, ""); /* not kept: not formatted */
    const char *t[3];
    for (int k = 0; k < 3; k++)
        t[k] = format(dl->arena, m, k, n, a);
    struct diag *d = diag_add(dl, sev, loc, t[dl->lang]);
    d->code = (int)m;
    for (int k = 0; k < 3; k++)
        d->msgs[k] = t[k];
    return d;
}

void check_hint(struct diag_list *dl, struct diag *d, enum msg m, int n,
                const struct marg *a)
{
    if (d == &dl->sink)
        return;
    for (int k = 0; k < 3; k++)
        d->hints[k] = format(dl->arena, m, k, n, a);
    d->hint = d->hints[d->lang];
}

/* The options of dom, separated by sep. */
static const char *joined(struct arena *a, const struct domain *dom,
                          const char *sep)
{
    size_t len = 1;
    for (int k = 0; k < dom->n; k++)
        len += strlen(dom->names[k]) + strlen(sep);
    char *all = arena_alloc(a, len);
    for (int k = 0; k < dom->n; k++) {
        if (k)
            strcat(all, sep);
        strcat(all, dom->names[k]);
    }
    return all;
}

int check_option_at(struct diag_list *dl, const struct domain *dom,
                    const char *name, const struct src_loc *loc,
                    struct marg owner)
{
    int i = plan_option(dom, name);
    if (i >= 0)
        return i;
    struct diag *d = check_diag(dl, DIAG_ERROR, loc, MSG_not_option, 2,
                                (struct marg[]){marg_s(name), owner});
    if (!dom || !dom->n || d == &dl->sink)
        return -1;
    const char *en = joined(dl->arena, dom, ", ");
    const char *zh = joined(dl->arena, dom, "、");
    struct marg all = {{en, zh, zh}};
    const char *near = suggest_closest(name, dom->names, dom->n);
    if (near)
        check_hint(dl, d, MSG_options_near, 2,
                   (struct marg[]){marg_s(near), all});
    else
        check_hint(dl, d, MSG_options_are, 1, &all);
    return -1;
}

int plan_option_at(struct diag_list *dl, const struct domain *dom,
                   const char *name, const struct src_loc *loc,
                   const char *owner)
{
    return check_option_at(dl, dom, name, loc, marg_s(owner));
}

void check_unknown_name(struct checker *c, const struct src_loc *loc,
                        const char *name, enum msg m)
{
    struct diag *d =
        check_diag(c->dl, DIAG_ERROR, loc, m, 1, (struct marg[]){marg_s(name)});
    if (c->dl->errors > LIMIT_ERRORS)
        return; /* not shown: spare the search */
    const char *split = suggest_split(c->a, name, &c->ns);
    if (split) {
        HINT(c->dl, d, split_words, split);
        return;
    }
    const char **cands = arena_calloc(c->a, c->ns.cap, sizeof *cands);
    int n = 0;
    for (size_t i = 0; i < c->ns.cap; i++)
        if (c->ns.keys[i])
            cands[n++] = c->ns.keys[i];
    const char *near = suggest_closest(name, cands, n);
    if (near)
        HINT(c->dl, d, near_name, near);
}

void check_redeclared(struct checker *c, const struct ast_name *n,
                      const struct src_loc *first, enum msg twice)
{
    struct diag *d = check_diag(c->dl, DIAG_ERROR, &n->loc, twice, 1,
                                (struct marg[]){marg_s(n->text)});
    const char *file = first->src ? first->src->name : "?";
    if (first->src != n->loc.src && twice == MSG_rule_declared_twice)
        HINT(c->dl, d, base_rule_amend, file, first->first_line, n->text);
    else if (first->src != n->loc.src && twice == MSG_measure_declared_twice)
        HINT(c->dl, d, base_measure_amend, file, first->first_line, n->text);
    else if (first->src != n->loc.src)
        HINT(c->dl, d, base_name, file, first->first_line);
    else
        HINT(c->dl, d, first_declared, file, first->first_line,
             first->first_column);
}
