#include "engine/cases.h"
#include "engine/ast.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/suggest.h"

static const char *kind_text(enum ast_vkind k)
{
    switch (k) {
    case VAL_BOOL:
        return "a yes/no value";
    case VAL_NUM:
        return "a number";
    case VAL_DATE:
        return "a date";
    case VAL_STR:
        return "a string";
    case VAL_NAME:
        return "a name";
    case VAL_SET:
        return "a set {…}";
    case VAL_UNKNOWN:
        break;
    }
    return "unknown";
}

static bool wrong(struct diag_list *dl, const struct fact_info *f,
                  const struct ast_value *v, const char *want, const char *hint)
{
    struct diag *d =
        diag_addf(dl, DIAG_ERROR, &v->loc, "fact '%s' takes %s, not %s",
                  f->name, want, kind_text(v->kind));
    if (hint)
        d->hint = hint;
    return false;
}

/* "2023-05-01" as a date; -1 when it is not one. */
static int parse_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return -1;
    return ast_date(atoi(s), atoi(s + 5), atoi(s + 8));
}

bool cases_convert(struct arena *a, struct diag_list *dl,
                   const struct fact_info *f, const struct ast_value *v,
                   struct value *out)
{
    (void)a;
    memset(out, 0, sizeof *out);
    if (v->kind == VAL_UNKNOWN)
        return true;
    switch (f->type) {
    case VT_BOOL:
        if (v->kind != VAL_BOOL)
            return wrong(dl, f, v, "是/否 (true/false)", NULL);
        out->u.b = v->b;
        break;
    case VT_NUM:
        if (v->kind != VAL_NUM)
            return wrong(dl, f, v, "a number", NULL);
        out->u.num = v->num;
        break;
    case VT_TEXT:
        if (v->kind != VAL_STR)
            return wrong(dl, f, v, "text in quotes", "write \"…\" or 「…」");
        out->u.text = v->text;
        break;
    case VT_DATE:
        if (v->kind == VAL_DATE) {
            out->u.date = v->date;
        } else if (v->kind == VAL_STR && parse_date(v->text) >= 0) {
            out->u.date = parse_date(v->text);
        } else if (v->kind == VAL_STR) {
            struct diag *d = diag_addf(dl, DIAG_ERROR, &v->loc,
                                       "'%s' is not a date", v->text);
            diag_hintf(dl, d, "write dates as YYYY-MM-DD, e.g. 2023-05-01");
            return false;
        } else {
            return wrong(dl, f, v, "a date (YYYY-MM-DD)", NULL);
        }
        break;
    case VT_SYM:
        if (v->kind != VAL_NAME && v->kind != VAL_STR)
            return wrong(dl, f, v, "one of its options", NULL);
        out->u.sym = plan_option_at(dl, f->dom, v->text, &v->loc, f->name);
        if (out->u.sym < 0)
            return false;
        break;
    case VT_SET:
        if (v->kind == VAL_NAME || v->kind == VAL_STR) {
            int i = plan_option_at(dl, f->dom, v->text, &v->loc, f->name);
            if (i < 0)
                return false;
            out->u.set = (uint64_t)1 << i;
            break;
        }
        if (v->kind != VAL_SET)
            return wrong(dl, f, v, "a set of its options {…}", NULL);
        for (const struct ast_name *n = v->items; n; n = n->next) {
            int i = plan_option_at(dl, f->dom, n->text, &n->loc, f->name);
            if (i < 0)
                return false;
            out->u.set |= (uint64_t)1 << i;
        }
        break;
    case VT_VERDICT:
    case VT_LIST:
    case VT_ERR:
        return false;
    }
    out->known = true;
    return true;
}

struct case_facts *cases_new(struct arena *a, const struct plan *p,
                             struct diag_list *errors)
{
    struct case_facts *cf = arena_alloc(a, sizeof *cf);
    size_t n = (size_t)p->nfacts;
    cf->vals = arena_calloc(a, n, sizeof *cf->vals);
    cf->origin = arena_calloc(a, n, sizeof *cf->origin);
    cf->locs = arena_calloc(a, n, sizeof *cf->locs);
    cf->errors = errors;
    for (int i = 0; i < p->nfacts; i++)
        if (p->facts[i].has_default) {
            cf->vals[i] = p->facts[i].dflt;
            cf->origin[i] = FROM_DEFAULT;
        }
    return cf;
}

void cases_unknown_fact(const struct plan *p, struct diag_list *dl,
                        const char *name, const struct src_loc *loc)
{
    struct diag *d =
        diag_addf(dl, DIAG_ERROR, loc, "the rule set has no fact '%s'", name);
    const char **cands =
        arena_calloc(dl->arena, (size_t)p->nfacts, sizeof *cands);
    for (int i = 0; i < p->nfacts; i++)
        cands[i] = p->facts[i].name;
    const char *near = suggest_closest(name, cands, p->nfacts);
    if (near)
        diag_hintf(dl, d, "did you mean '%s'?", near);
}

/* The note for the unknown facts not shown: its text is rewritten in
 * place as more come, so that it says how many were left out. */
static void unknown_note(struct case_facts *cf, const struct src_loc *loc)
{
    enum { NOTE = 128 };
    int left = cf->unknown - CASES_UNKNOWN_SHOWN;
    if (!cf->unknown_note) {
        cf->unknown_note = arena_alloc(cf->errors->arena, NOTE);
        struct diag *d = diag_add(cf->errors, DIAG_NOTE, loc, cf->unknown_note);
        d->hint = "is this case meant for another rule set?";
    }
    snprintf(cf->unknown_note, NOTE,
             "%d more fact%s the rule set does not have; only the first %d "
             "are shown",
             left, left == 1 ? "" : "s", CASES_UNKNOWN_SHOWN);
}

void cases_unknown(const struct plan *p, struct case_facts *cf,
                   const char *name, size_t len, const struct src_loc *loc)
{
    struct diag_list *dl = cf->errors;
    if (++cf->unknown <= CASES_UNKNOWN_SHOWN)
        cases_unknown_fact(p, dl, arena_strndup(dl->arena, name, len), loc);
    else
        unknown_note(cf, loc);
}

void cases_set(struct arena *a, const struct plan *p, struct case_facts *cf,
               const struct ast_name *name, const struct ast_value *v)
{
    int i = plan_fact(p, name->text, strlen(name->text));
    if (i < 0) {
        cases_unknown(p, cf, name->text, strlen(name->text), &name->loc);
        return;
    }
    if (cf->origin[i] == FROM_CASE) {
        struct diag *d = diag_addf(cf->errors, DIAG_ERROR, &name->loc,
                                   "fact '%s' is given twice", name->text);
        if (cf->locs[i].first_line == name->loc.first_line)
            diag_hintf(cf->errors, d, "first given at column %d",
                       cf->locs[i].first_column);
        else
            diag_hintf(cf->errors, d, "first given at line %d",
                       cf->locs[i].first_line);
        return;
    }
    struct value val;
    if (!cases_convert(a, cf->errors, &p->facts[i], v, &val))
        return;
    cf->vals[i] = val;
    cf->origin[i] = FROM_CASE;
    cf->locs[i] = v->loc;
}

static unsigned long long ids_hash(const char *s)
{
    unsigned long long h = 14695981039346656037ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* Twice the slots: an open-addressed table at most half full. */
static void ids_grow(struct cases_ids *s)
{
    size_t cap = s->cap ? s->cap * 2 : 1024;
    unsigned *slot = xcalloc(cap, sizeof *slot);
    for (size_t i = 0; i < s->n; i++) {
        size_t k = (size_t)s->ent[i].hash & (cap - 1);
        while (slot[k])
            k = (k + 1) & (cap - 1);
        slot[k] = (unsigned)i + 1;
    }
    free(s->slot);
    s->slot = slot;
    s->cap = cap;
}

int cases_ids_add(struct cases_ids *s, const char *id, int line)
{
    if (2 * (s->n + 1) > s->cap)
        ids_grow(s);
    unsigned long long h = ids_hash(id);
    size_t k = (size_t)h & (s->cap - 1);
    for (; s->slot[k]; k = (k + 1) & (s->cap - 1)) {
        const struct cases_id *e = &s->ent[s->slot[k] - 1];
        if (e->hash == h && strcmp(s->text.p + e->off, id) == 0)
            return e->line;
    }
    if (s->n == s->entcap) {
        s->entcap = s->entcap ? s->entcap * 2 : 512;
        s->ent = xrealloc(s->ent, s->entcap * sizeof *s->ent);
    }
    s->ent[s->n] = (struct cases_id){h, s->text.len, line};
    sb_put(&s->text, id, strlen(id) + 1);
    s->slot[k] = (unsigned)++s->n;
    return 0;
}

void cases_ids_free(struct cases_ids *s)
{
    free(s->slot);
    free(s->ent);
    sb_free(&s->text);
    memset(s, 0, sizeof *s);
}

void cases_id_twice(struct case_facts *cf, int first_line)
{
    struct diag *d = diag_addf(cf->errors, DIAG_WARNING, &cf->loc,
                               "case ID '%s' is also the ID of the case at "
                               "line %d",
                               cf->id, first_line);
    d->hint = "both cases are evaluated; give each case its own ID, so that "
              "each verdict can be found by it";
}
