#include "engine/cases.h"
#include "engine/ast.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/limits.h"
#include "engine/msg.h"
#include "engine/suggest.h"

static enum msg kind_text(enum ast_vkind k)
{
    switch (k) {
    case VAL_BOOL:
        return MSG_case_kind_bool;
    case VAL_NUM:
        return MSG_case_kind_number;
    case VAL_DATE:
        return MSG_case_kind_date;
    case VAL_STR:
        return MSG_case_kind_string;
    case VAL_NAME:
        return MSG_case_kind_name;
    case VAL_SET:
        return MSG_case_kind_set;
    case VAL_UNKNOWN:
        break;
    }
    return MSG_case_kind_unknown;
}

/* "fact '%s' takes %s, not %s" with the two kinds in each language; its
 * hint (an enum msg, or -1) formatted with arg. */
static bool wrong(struct diag_list *dl, const struct fact_info *f,
                  const struct ast_value *v, enum msg want, int hint,
                  const char *arg)
{
    enum msg m = MSG_ID(case_fact_takes, f->name, "", "");
    if (dl->errors >= LIMIT_ERRORS) { /* counted, not kept */
        diag_add(dl, DIAG_ERROR, &v->loc, "");
        return false;
    }
    const char *t[3];
    for (int k = 0; k < 3; k++)
        t[k] = arena_printf(dl->arena, msg_fmt(m, (enum lang)k), f->name,
                            msg_fmt(want, (enum lang)k),
                            msg_fmt(kind_text(v->kind), (enum lang)k));
    struct diag *d = diag_add(dl, DIAG_ERROR, &v->loc, t[dl->lang]);
    d->code = (int)m;
    for (int k = 0; k < 3; k++)
        d->msgs[k] = t[k];
    if (hint >= 0)
        diag_hint(dl, d, hint, arg);
    return false;
}

/* A yes or no in everyday words (是的, 對, 沒有, 不是 …; in JSON also 是
 * and 否): the hint that says to write 是 or 否 (in JSON true or false), or
 * -1. */
static int bool_word_hint(const struct ast_value *v)
{
    static const char *const yes[] = {
        "是的", "對", "对",  "有",   "真",   "正確", "正确", "yes",
        "y",    "Y",  "YES", "True", "TRUE", "屬實", "属实", "是"};
    static const char *const no[] = {
        "不是", "沒有", "没有", "無", "无",    "錯",    "错", "假", "不",
        "no",   "n",    "N",    "NO", "False", "FALSE", "未", "非", "否"};
    if (v->kind != VAL_NAME && v->kind != VAL_STR)
        return -1;
    bool json = v->loc.src && v->loc.src->json;
    size_t nyes = sizeof yes / sizeof yes[0] - !json; /* 是 and 否 last */
    size_t nno = sizeof no / sizeof no[0] - !json;
    for (size_t i = 0; i < nyes; i++)
        if (strcmp(v->text, yes[i]) == 0)
            return json ? MSG_json_bool_yes_hint : MSG_case_bool_yes_hint;
    for (size_t i = 0; i < nno; i++)
        if (strcmp(v->text, no[i]) == 0)
            return json ? MSG_json_bool_no_hint : MSG_case_bool_no_hint;
    return -1;
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
            return wrong(dl, f, v,
                         v->loc.src && v->loc.src->json ? MSG_json_want_bool
                                                        : MSG_case_want_bool,
                         bool_word_hint(v), v->text);
        out->u.b = v->b;
        break;
    case VT_NUM:
        if (v->kind != VAL_NUM)
            return wrong(dl, f, v, MSG_case_kind_number, -1, NULL);
        out->u.num = v->num;
        break;
    case VT_TEXT:
        if (v->kind != VAL_STR)
            return wrong(dl, f, v, MSG_case_want_text, MSG_case_hint_quote,
                         NULL);
        out->u.text = v->text;
        break;
    case VT_DATE:
        if (v->kind == VAL_DATE) {
            out->u.date = v->date;
        } else if (v->kind == VAL_STR && parse_date(v->text) >= 0) {
            out->u.date = parse_date(v->text);
        } else if (v->kind == VAL_STR) {
            struct diag *d =
                DIAG(dl, DIAG_ERROR, &v->loc, case_not_date, v->text);
            HINT0(dl, d, case_hint_date_format);
            return false;
        } else {
            return wrong(dl, f, v, MSG_case_want_date, -1, NULL);
        }
        break;
    case VT_SYM:
        if (v->kind != VAL_NAME && v->kind != VAL_STR)
            return wrong(dl, f, v, MSG_case_want_option, -1, NULL);
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
            return wrong(dl, f, v, MSG_case_want_set, -1, NULL);
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
    cf->vals = arena_alloc_raw(a, n * sizeof *cf->vals);
    cf->origin = arena_alloc_raw(a, n * sizeof *cf->origin);
    cf->locs = arena_alloc_raw(a, n * sizeof *cf->locs);
    cf->errors = errors;
    cases_clear(p, cf);
    return cf;
}

void cases_blank(struct arena *a, struct plan *p)
{
    struct value *v = arena_calloc(a, (size_t)p->nfacts + 1, sizeof *v);
    enum fact_origin *o = arena_calloc(a, (size_t)p->nfacts + 1, sizeof *o);
    for (int i = 0; i < p->nfacts; i++)
        if (p->facts[i].has_default) {
            v[i] = p->facts[i].dflt;
            o[i] = FROM_DEFAULT;
        }
    p->blank_vals = v;
    p->blank_origin = o;
}

void cases_clear(const struct plan *p, struct case_facts *cf)
{
    size_t n = (size_t)p->nfacts;
    memset(cf->locs, 0, n * sizeof *cf->locs);
    cf->id = cf->title = NULL;
    if (p->blank_vals) { /* as the loop below leaves them */
        memcpy(cf->vals, p->blank_vals, n * sizeof *cf->vals);
        memcpy(cf->origin, p->blank_origin, n * sizeof *cf->origin);
        return;
    }
    memset(cf->vals, 0, n * sizeof *cf->vals);
    memset(cf->origin, 0, n * sizeof *cf->origin);
    for (int i = 0; i < p->nfacts; i++)
        if (p->facts[i].has_default) {
            cf->vals[i] = p->facts[i].dflt;
            cf->origin[i] = FROM_DEFAULT;
        }
}

const struct suggest_index *cases_sugg_index(struct arena *a,
                                             const struct plan *p)
{
    if (p->nfacts < 32)
        return NULL;
    const char **cands = arena_calloc(a, (size_t)p->nfacts, sizeof *cands);
    for (int i = 0; i < p->nfacts; i++)
        cands[i] = p->facts[i].name;
    return suggest_index_new(a, cands, p->nfacts);
}

/* cases_unknown_fact, with the index ix of p's fact names or NULL. */
static void unknown_fact(const struct plan *p, const struct suggest_index *ix,
                         struct diag_list *dl, const char *name,
                         const struct src_loc *loc)
{
    struct diag *d = DIAG(dl, DIAG_ERROR, loc, case_no_fact, name);
    const char *near;
    if (ix) {
        near = suggest_closest_ix(ix, name);
    } else {
        const char **cands =
            arena_calloc(dl->arena, (size_t)p->nfacts, sizeof *cands);
        for (int i = 0; i < p->nfacts; i++)
            cands[i] = p->facts[i].name;
        near = suggest_closest(name, cands, p->nfacts);
    }
    if (near)
        HINT(dl, d, case_did_you_mean, near);
}

void cases_unknown_fact(const struct plan *p, struct diag_list *dl,
                        const char *name, const struct src_loc *loc)
{
    unknown_fact(p, NULL, dl, name, loc);
}

/* The note for the unknown facts not shown: its texts are rewritten in
 * place as more come, so that it says how many were left out. */
static void unknown_note(struct case_facts *cf, const struct src_loc *loc)
{
    enum { NOTE = 160 };
    int left = cf->unknown - CASES_UNKNOWN_SHOWN;
    if (!cf->unknown_note) {
        struct diag *d = diag_add(cf->errors, DIAG_NOTE, loc, "");
        d->code = MSG_case_more_facts;
        HINT0(cf->errors, d, case_hint_other_rule_set);
        for (int k = 0; k < 3; k++)
            d->msgs[k] = cf->unknown_notes[k] =
                arena_alloc(cf->errors->arena, NOTE);
        cf->unknown_note = cf->unknown_notes[cf->errors->lang];
        d->msg = cf->unknown_note;
    }
    enum msg m = left == 1 ? MSG_ID(case_more_fact, left, CASES_UNKNOWN_SHOWN)
                           : MSG_ID(case_more_facts, left, CASES_UNKNOWN_SHOWN);
    for (int k = 0; k < 3; k++)
        snprintf(cf->unknown_notes[k], NOTE, msg_fmt(m, (enum lang)k), left,
                 CASES_UNKNOWN_SHOWN);
}

void cases_unknown(const struct plan *p, struct case_facts *cf,
                   const char *name, size_t len, const struct src_loc *loc)
{
    struct diag_list *dl = cf->errors;
    if (++cf->unknown <= CASES_UNKNOWN_SHOWN) {
        const char *s = arena_strndup(dl->arena, name, len);
        cf->unknown_names[cf->unknown - 1] = s;
        cf->unknown_locs[cf->unknown - 1] = *loc;
        unknown_fact(p, cf->sugg, dl, s, loc);
    } else
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
        struct diag *d = DIAG(cf->errors, DIAG_ERROR, &name->loc,
                              case_fact_twice, name->text);
        if (cf->locs[i].first_line == name->loc.first_line)
            HINT(cf->errors, d, case_first_at_column, cf->locs[i].first_column);
        else
            HINT(cf->errors, d, case_first_at_line, cf->locs[i].first_line);
        return;
    }
    struct value val;
    if (!cases_convert(a, cf->errors, &p->facts[i], v, &val))
        return;
    cf->vals[i] = val;
    cf->origin[i] = FROM_CASE;
    cf->locs[i] = v->loc;
}

/* FNV-1a of s; *len its length. */
static unsigned long long ids_hash(const char *s, size_t *len)
{
    unsigned long long h = 14695981039346656037ULL;
    const char *p = s;
    for (; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    *len = (size_t)(p - s);
    return h;
}

/* Twice the slots: an open-addressed table at most half full. */
static void ids_grow(struct cases_ids *s)
{
    size_t cap = s->cap ? s->cap * 2 : 1024, len;
    unsigned long long *slot = xcalloc(cap, sizeof *slot);
    for (size_t i = 0; i < s->n; i++) {
        unsigned long long h = ids_hash(s->text.p + s->ent[i].off, &len);
        size_t k = (size_t)h & (cap - 1);
        while (slot[k])
            k = (k + 1) & (cap - 1);
        slot[k] = (h >> 32) << 32 | (i + 1);
    }
    free(s->slot);
    s->slot = slot;
    s->cap = cap;
}

void cases_ids_prefetch(const struct cases_ids *s, const char *id)
{
    size_t len;
    if (s->cap)
        __builtin_prefetch(&s->slot[(size_t)ids_hash(id, &len) & (s->cap - 1)]);
}

int cases_ids_add(struct cases_ids *s, const char *id, int line)
{
    if (2 * (s->n + 1) > s->cap)
        ids_grow(s);
    size_t len;
    unsigned long long h = ids_hash(id, &len), tag = (h >> 32) << 32;
    size_t k = (size_t)h & (s->cap - 1);
    for (; s->slot[k]; k = (k + 1) & (s->cap - 1)) {
        unsigned long long e = s->slot[k];
        const struct cases_id *c = &s->ent[(e & 0xFFFFFFFFu) - 1];
        if ((e & ~0xFFFFFFFFULL) == tag && strcmp(s->text.p + c->off, id) == 0)
            return c->line;
    }
    if (s->n == s->entcap) {
        s->entcap = s->entcap ? s->entcap * 2 : 512;
        s->ent = xrealloc(s->ent, s->entcap * sizeof *s->ent);
    }
    s->ent[s->n] = (struct cases_id){s->text.len, line};
    sb_put(&s->text, id, len + 1);
    s->slot[k] = tag | ++s->n;
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
    struct diag *d = DIAG(cf->errors, DIAG_WARNING, &cf->loc, case_id_twice,
                          cf->id, first_line);
    HINT0(cf->errors, d, case_hint_id_twice);
}
