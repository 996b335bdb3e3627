/* realpath() */
#define _XOPEN_SOURCE 700

#include "engine/layer.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/msg.h"
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

static bool same(const struct ast_decl *d, enum ast_dkind k, const char *id)
{
    if (d->kind != k)
        return false;
    return k == DECL_VERDICT || names_eq(d->name.text, id);
}

/* The error for amending (amend) or repealing v, which the base files do
 * not declare. */
static struct diag *not_in_base(struct diag_list *dl, const struct ast_decl *v,
                                bool amend)
{
    const struct src_loc *at = &v->name.loc;
    const char *id = v->name.text;
    if (v->kind == DECL_VERDICT && amend)
        return DIAG0(dl, DIAG_ERROR, &v->loc, cannot_amend_verdict);
    if (v->kind == DECL_VERDICT)
        return DIAG0(dl, DIAG_ERROR, &v->loc, cannot_repeal_verdict);
    if (v->kind == DECL_RULE && amend)
        return DIAG(dl, DIAG_ERROR, at, cannot_amend_rule, id, id);
    if (v->kind == DECL_RULE)
        return DIAG(dl, DIAG_ERROR, at, cannot_repeal_rule, id, id);
    if (amend)
        return DIAG(dl, DIAG_ERROR, at, cannot_amend_measure, id, id);
    return DIAG(dl, DIAG_ERROR, at, cannot_repeal_measure, id, id);
}

static void not_found(struct diag_list *dl, const struct ast_file *merged,
                      const struct ast_decl *v, bool amend)
{
    struct diag *d = not_in_base(dl, v, amend);
    if (v->kind == DECL_VERDICT)
        return;
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
        HINT(dl, d, near_name, near);
    else if (!merged->base && !merged->extends)
        HINT0(dl, d, extends_no_base);
}

/* amend or repeal of bottom line v: an error (LANGUAGE.md §10), which
 * points at the base's bottom line of that title when there is one. */
static void invariant_kept(struct diag_list *dl, const struct ast_file *merged,
                           const struct ast_decl *v)
{
    struct diag *d =
        v->action == ACT_AMEND
            ? DIAG(dl, DIAG_ERROR, &v->loc, cannot_amend_invariant, v->title)
            : DIAG(dl, DIAG_ERROR, &v->loc, cannot_repeal_invariant, v->title);
    for (const struct ast_decl *b = merged->decls; b; b = b->next)
        if (b->kind == DECL_INVARIANT && names_eq(b->title, v->title)) {
            HINT(dl, d, invariant_base_at,
                 b->name.loc.src ? b->name.loc.src->name : "?",
                 b->name.loc.first_line);
            return;
        }
    HINT(dl, d, invariant_not_in_base, v->title);
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
        if (d->kind == DECL_INVARIANT) {
            invariant_kept(dl, m, d);
            d = next;
            continue;
        }
        struct ast_decl **p = &m->decls, *prev = NULL;
        while (*p && !same(*p, d->kind, d->name.text)) {
            prev = *p;
            p = &(*p)->next;
        }
        if (!*p) {
            not_found(dl, m, d, d->action == ACT_AMEND);
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

/* Read the rule file at path; a file that is not one (src_rule_text:
 * /etc/passwd, a binary file) is refused before anything of it is shown,
 * as an extends path may lead anywhere. */
static struct source *read_rules(struct arena *a, const char *path,
                                 struct diag_list *dl)
{
    struct source *src = src_read_file(a, path, dl);
    if (src && src->hidden) {
        struct diag *d = DIAG(dl, DIAG_ERROR, NULL, not_rule_file, path);
        if (src_legacy_cjk(src->text, src->len))
            HINT0(dl, d, not_utf8_hint); /* GBK or Big5: convert it */
        else
            HINT0(dl, d, rule_file_starts);
        return NULL;
    }
    return src;
}

/* d (added to another list) says what from says, in every language. */
static void copy_diag(struct diag *d, const struct diag *from)
{
    d->code = from->code;
    for (int k = 0; k < 3; k++) {
        d->msgs[k] = from->msgs[k];
        d->hints[k] = from->hints[k];
    }
    d->msg = diag_msg_in(from, d->lang);
    d->hint = diag_hint_in(from, d->lang);
}

/* A file in a layer_cache. */
struct layer_file {
    struct layer_file *next;
    const char *real;
    struct stat st; /* when it was read */
    const struct ast_file *ast;
    /* the hash state after the chain of sources ending in this file */
    const struct source *chain[LAYER_MAX_DEPTH + 2];
    int nchain; /* 0: none kept */
    struct sha256 hash;
};

static bool same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
           a->st_size == b->st_size && a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
           a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* The kept file at path as it is now, or NULL; *st, *real: what path is
 * now (real NULL when it has none). */
static struct layer_file *cache_find(struct layer_cache *c, const char *path,
                                     struct stat *st, const char **real)
{
    char buf[PATH_MAX];
    *real = NULL;
    if (stat(path, st) != 0 || !S_ISREG(st->st_mode) || !realpath(path, buf))
        return NULL;
    for (struct layer_file *f = c->files; f; f = f->next)
        if (strcmp(f->real, buf) == 0 && same_file(&f->st, st))
            return f;
    *real = arena_strdup(&c->arena, buf);
    return NULL;
}

/* A copy of a kept tree whose declaration list a merge may change. */
static struct ast_file *cache_copy(struct arena *a, const struct ast_file *f)
{
    struct ast_file *m = arena_alloc(a, sizeof *m);
    *m = *f;
    m->decls = m->decls_tail = NULL;
    for (const struct ast_decl *d = f->decls; d; d = d->next) {
        struct ast_decl *x = arena_alloc(a, sizeof *x);
        *x = *d;
        x->next = NULL;
        ast_add_decl(m, x);
    }
    return m;
}

/* Read and parse the file at path (or src): into c when there is one, and
 * kept there when it was read and its parse said nothing. A file that
 * cannot be read is an error at from (an extends), and *src stays NULL. */
static int parse_file(struct arena *a, struct diag_list *dl, const char *path,
                      struct source **src, struct layer_cache *c,
                      struct ast_file **file, const struct src_loc *from)
{
    struct diag_list local;
    diag_init(&local, a);
    struct stat st;
    const char *real = NULL;
    struct layer_file *kept =
        c && !*src ? cache_find(c, path, &st, &real) : NULL;
    if (kept) {
        *src = (struct source *)kept->ast->src;
        *file = cache_copy(a, kept->ast);
        return 0;
    }
    struct arena *in = c ? &c->arena : a;
    if (!*src) {
        *src = read_rules(in, path, &local);
        if (c)
            c->reads++;
    }
    if (!*src) {
        struct diag *d = diag_add(dl, DIAG_ERROR, from, local.head->msg);
        copy_diag(d, local.head);
        if (from && local.head->code != MSG_not_rule_file)
            HINT0(dl, d, extends_relative);
        return -1;
    }
    const struct diag *tail = dl->tail;
    int said = dl->errors + dl->warnings;
    int bad = parse_source(in, dl, *src, file);
    if (!real || bad || dl->tail != tail || dl->errors + dl->warnings != said)
        return bad;
    struct layer_file *f = arena_calloc(&c->arena, 1, sizeof *f);
    f->next = c->files;
    f->real = real;
    f->st = st;
    f->ast = *file;
    c->files = f;
    *file = cache_copy(a, *file);
    return 0;
}

static struct ast_file *load(struct arena *a, struct diag_list *dl,
                             const char *path, struct source *src,
                             const struct src_loc *from, const struct chain *up,
                             int depth, struct layer_cache *cache)
{
    struct ast_file *file = NULL;
    int bad = parse_file(a, dl, path, &src, cache, &file, from);
    if (!src)
        return NULL;
    if (!up && file) { /* the author's language: that of the top file */
        const int *k = file->keyword_lang;
        if (k[0] + k[1] + k[2] + k[3] > 0)
            dl->lang = lang_of_counts(k);
    }
    if (bad)
        return NULL;
    for (const struct ast_case *c = file->cases; c; c = c->next) {
        struct diag *d = DIAG0(dl, DIAG_ERROR, &c->loc, no_cases_in_rules);
        HINT0(dl, d, cases_elsewhere);
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
            struct diag *d =
                DIAG(dl, DIAG_ERROR, &file->extends_loc, extends_cycle, cyc.p);
            sb_free(&cyc);
            HINT0(dl, d, extends_chain_end);
            return NULL;
        }
        if (depth >= LAYER_MAX_DEPTH) {
            DIAG(dl, DIAG_ERROR, &file->extends_loc, extends_too_deep,
                 LAYER_MAX_DEPTH);
            return NULL;
        }
        struct ast_file *b = load(a, dl, base, NULL, &file->extends_loc, &here,
                                  depth + 1, cache);
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
    arena_large(a); /* the rule set's: it may hold thousands of rules */
    return load(a, dl, path, src, NULL, NULL, 0, NULL);
}

struct ast_file *layer_load_cached(struct arena *a, struct diag_list *dl,
                                   const char *path, struct layer_cache *c)
{
    arena_large(a);
    arena_large(&c->arena);
    return load(a, dl, path, NULL, NULL, NULL, 0, c);
}

static void hash_one(struct sha256 *h, const struct source *src)
{
    char len[32];
    int n = snprintf(len, sizeof len, "%zu:", src->len);
    sha256_update(h, len, (size_t)n);
    sha256_update(h, src->text, src->len);
}

static void hash_chain(struct sha256 *h, const struct ast_file *f)
{
    if (f->base)
        hash_chain(h, f->base);
    hash_one(h, f->src);
}

void layer_hash(const struct ast_file *f, char out[65])
{
    struct sha256 h;
    sha256_init(&h);
    hash_chain(&h, f);
    sha256_hex(&h, out);
}

void layer_cache_init(struct layer_cache *c)
{
    arena_init(&c->arena);
    c->files = NULL;
    c->reads = 0;
}

void layer_cache_free(struct layer_cache *c)
{
    arena_free(&c->arena);
    c->files = NULL;
}

/* The kept file whose source is src, or NULL. */
static struct layer_file *cache_of(struct layer_cache *c,
                                   const struct source *src)
{
    for (struct layer_file *f = c->files; f; f = f->next)
        if (f->ast->src == src)
            return f;
    return NULL;
}

/* The hash state after the chain of f: kept for a kept file, with the
 * sources of its chain (a base may have changed since). */
static void chain_state(struct layer_cache *c, const struct ast_file *f,
                        struct sha256 *h)
{
    const struct source *chain[LAYER_MAX_DEPTH + 2];
    int n = 0;
    for (const struct ast_file *g = f; g && n < LAYER_MAX_DEPTH + 2;
         g = g->base)
        chain[n++] = g->src;
    struct layer_file *k = cache_of(c, f->src);
    if (k && k->nchain == n &&
        memcmp(k->chain, chain, (size_t)n * sizeof *chain) == 0) {
        *h = k->hash;
        return;
    }
    if (f->base)
        chain_state(c, f->base, h);
    else
        sha256_init(h);
    hash_one(h, f->src);
    if (k) {
        memcpy(k->chain, chain, (size_t)n * sizeof *chain);
        k->nchain = n;
        k->hash = *h;
    }
}

void layer_hash_cached(struct layer_cache *c, const struct ast_file *f,
                       char out[65])
{
    struct sha256 h;
    chain_state(c, f, &h);
    sha256_hex(&h, out);
}
