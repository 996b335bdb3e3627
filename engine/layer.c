/* realpath() */
#define _XOPEN_SOURCE 700

#include "engine/layer.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/names.h"
#include "engine/sbuf.h"
#include "engine/sha256.h"
#include "engine/suggest.h"
#include "parser/parse.h"

/* Local variants: extends, amend, repeal. */

struct chain { /* the files being loaded, innermost last */
    const struct chain *up;
    const char *path, *real;
};

static const char *kind_name(enum ast_dkind k)
{
    return k == DECL_RULE ? "rule" : k == DECL_MEASURE ? "measure" : "verdict";
}

static bool same(const struct ast_decl *d, enum ast_dkind k, const char *id)
{
    if (d->kind != k)
        return false;
    return k == DECL_VERDICT || names_eq(d->name.text, id);
}

static void not_found(struct diag_list *dl, const struct ast_file *merged,
                      const struct ast_decl *v, const char *verb)
{
    const char *what = kind_name(v->kind);
    struct diag *d;
    if (v->kind == DECL_VERDICT) {
        d = diag_addf(dl, DIAG_ERROR, &v->loc,
                      "cannot %s the verdict: the base files have no "
                      "verdict table",
                      verb);
        return;
    }
    d = diag_addf(dl, DIAG_ERROR, &v->name.loc,
                  "cannot %s %s %s: the base files have no %s %s", verb, what,
                  v->name.text, what, v->name.text);
    int n = 0;
    for (const struct ast_decl *b = merged->decls; b; b = b->next)
        n += b->kind == v->kind;
    const char **ids = arena_calloc(dl->arena, (size_t)n + 1, sizeof *ids);
    n = 0;
    for (const struct ast_decl *b = merged->decls; b; b = b->next)
        if (b->kind == v->kind)
            ids[n++] = b->name.text;
    const char *near = suggest_closest(v->name.text, ids, n);
    if (near)
        diag_hintf(dl, d, "did you mean '%s'?", near);
    else if (!merged->base && !merged->extends)
        diag_hintf(dl, d, "this file extends no base; add: extends \"…\"");
}

/* Apply the variant's declarations on top of the merged base. */
static void merge(struct arena *a, struct diag_list *dl, struct ast_file *m,
                  const struct ast_file *v)
{
    struct ast_decl *d = v->decls;
    while (d) {
        struct ast_decl *next = d->next;
        d->next = NULL;
        if (d->action == ACT_DECLARE) {
            ast_add_decl(m, d);
            d = next;
            continue;
        }
        struct ast_decl **p = &m->decls, *prev = NULL;
        while (*p && !same(*p, d->kind, d->name.text)) {
            prev = *p;
            p = &(*p)->next;
        }
        if (!*p) {
            not_found(dl, m, d, d->action == ACT_AMEND ? "amend" : "repeal");
        } else if (d->action == ACT_AMEND) {
            d->amends = *p;
            d->next = (*p)->next;
            if (m->decls_tail == *p)
                m->decls_tail = d;
            *p = d;
        } else {
            struct ast_repeal *r = arena_alloc(a, sizeof *r);
            r->decl = *p;
            r->by = d;
            struct ast_repeal **t = &m->repealed;
            while (*t)
                t = &(*t)->next;
            *t = r;
            if (m->decls_tail == *p)
                m->decls_tail = prev;
            *p = (*p)->next;
        }
        d = next;
    }
}

static const char not_rules_hint[] =
    "a rule file starts, after # comments, with a declaration such as "
    "policy, fact or rule (辦法, 事實, 規則)";

/* Read the rule file at path; a file that is not one (src_rule_text:
 * /etc/passwd, a binary file) is refused before anything of it is shown,
 * as an extends path may lead anywhere. */
static struct source *read_rules(struct arena *a, const char *path,
                                 struct diag_list *dl)
{
    struct source *src = src_read_file(a, path, dl);
    if (src && src->hidden) {
        struct diag *d =
            diag_addf(dl, DIAG_ERROR, NULL, "'%s' is not a rule file", path);
        d->hint = not_rules_hint;
        return NULL;
    }
    return src;
}

static struct ast_file *load(struct arena *a, struct diag_list *dl,
                             const char *path, struct source *src,
                             const struct src_loc *from, const struct chain *up,
                             int depth)
{
    struct diag_list local;
    diag_init(&local, a);
    if (!src)
        src = read_rules(a, path, &local);
    if (!src) {
        struct diag *d = diag_add(dl, DIAG_ERROR, from, local.head->msg);
        d->hint = local.head->hint;
        if (from && d->hint != not_rules_hint)
            d->hint = "extends takes a path relative to the file that "
                      "names it";
        return NULL;
    }
    struct ast_file *file = NULL;
    int bad = parse_source(a, dl, src, &file);
    if (!up && file) { /* the author's language: that of the top file */
        const int *k = file->keyword_lang;
        if (k[0] + k[1] + k[2] + k[3] > 0)
            dl->lang = lang_of_counts(k);
    }
    if (bad)
        return NULL;
    for (const struct ast_case *c = file->cases; c; c = c->next) {
        struct diag *d = diag_add(dl, DIAG_ERROR, &c->loc,
                                  "a rule file holds no case blocks");
        d->hint = "put cases in a .case file, or use one in a test: "
                  "test \"…\" { given { … } expect … }";
    }
    struct ast_file *m = arena_alloc(a, sizeof *m);
    *m = *file;
    m->decls = m->decls_tail = NULL;
    char real[PATH_MAX];
    struct chain here = {up, path,
                         realpath(path, real) ? arena_strdup(a, real) : path};
    if (file->extends) {
        char *base = src_relative(a, path, file->extends);
        const char *rp = realpath(base, real) ? arena_strdup(a, real) : base;
        for (const struct chain *c = &here; c; c = c->up) {
            if (strcmp(c->real, rp) != 0)
                continue;
            /* outermost first: a → b → a */
            struct sbuf cyc = {0};
            sb_puts(&cyc, base);
            for (const struct chain *k = &here; k != c->up; k = k->up) {
                struct sbuf t = {0};
                sb_printf(&t, "%s → %s", k->path, cyc.p);
                sb_free(&cyc);
                cyc = t;
            }
            struct diag *d = diag_addf(dl, DIAG_ERROR, &file->extends_loc,
                                       "extends cycle: %s", cyc.p);
            sb_free(&cyc);
            diag_hintf(dl, d,
                       "a chain of extends must end in a file that "
                       "extends nothing");
            return NULL;
        }
        if (depth >= LAYER_MAX_DEPTH) {
            diag_addf(dl, DIAG_ERROR, &file->extends_loc,
                      "more than %d levels of extends", LAYER_MAX_DEPTH);
            return NULL;
        }
        struct ast_file *b =
            load(a, dl, base, NULL, &file->extends_loc, &here, depth + 1);
        if (!b)
            return NULL;
        m->decls = b->decls;
        m->decls_tail = b->decls_tail;
        m->repealed = b->repealed;
        m->base = b;
        if (!m->policy) {
            m->policy = b->policy;
            m->version = b->version;
        }
    }
    merge(a, dl, m, file); /* its errors leave a usable merge: go on */
    return m;
}

struct ast_file *layer_load(struct arena *a, struct diag_list *dl,
                            const char *path, struct source *src)
{
    return load(a, dl, path, src, NULL, NULL, 0);
}

static void hash_chain(struct sha256 *h, const struct ast_file *f)
{
    if (f->base)
        hash_chain(h, f->base);
    char len[32];
    int n = snprintf(len, sizeof len, "%zu:", f->src->len);
    sha256_update(h, len, (size_t)n);
    sha256_update(h, f->src->text, f->src->len);
}

void layer_hash(const struct ast_file *f, char out[65])
{
    struct sha256 h;
    sha256_init(&h);
    hash_chain(&h, f);
    sha256_hex(&h, out);
}
