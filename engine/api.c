#include "engine/rongcuo.h"
#include "engine/api_int.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/cases.h"
#include "engine/diag.h"
#include "engine/errstr.h"
#include "engine/eval.h"
#include "engine/handle.h"
#include "engine/layer.h"
#include "engine/msg.h"
#include "engine/plan.h"
#include "engine/sbuf.h"
#include "engine/show.h"
#include "engine/suggest.h"
#include "engine/testrun.h"
#include "engine/trace.h"

/* Diagnostics for a load that ran out of memory: static, so that they
 * can be handed out when nothing more can be had. */
static struct diag oom_diag = {
    .severity = DIAG_ERROR, .msg = "out of memory", .code = -1};
static char oom_text[] = "error: out of memory\n";
static struct rc_diags oom_diags = {
    .list = {.head = &oom_diag, .tail = &oom_diag, .errors = 1},
    .text = {{oom_text, sizeof oom_text - 1, sizeof oom_text},
             {oom_text, sizeof oom_text - 1, sizeof oom_text},
             {oom_text, sizeof oom_text - 1, sizeof oom_text}}};

static bool diags_ok(const struct rc_diags *d)
{
    return d == &oom_diags || handle_live(d, H_DIAGS);
}

static bool ruleset_ok(const struct rc_ruleset *rs)
{
    return handle_live(rs, H_RULESET);
}

struct load_args {
    const char *path, *text;
    size_t len;
    struct rc_diags *d;
    struct rc_ruleset *rs;
    struct rc_rulecache *cache; /* or NULL */
};

/* Copy the diagnostics out, as text and as data: they point into the
 * rule set's sources, and a failed rule set is freed. */
static const char *dup_or_null(struct arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

void api_diags_copy(struct rc_diags *d, struct diag_list *dl)
{
    d->lang_auto = dl->lang;
    d->list.lang = dl->lang;
    diag_sort(dl);
    diag_localize(dl, dl->lang);
    for (const struct diag *x = dl->head; x; x = x->next) {
        for (int k = 0; k < 3; k++)
            diag_format_in(x, "", (enum lang)k, &d->text[k]);
        struct diag *c = diag_add(&d->list, x->severity, NULL,
                                  arena_strdup(&d->arena, x->msg));
        c->hint = dup_or_null(&d->arena, x->hint);
        c->code = x->code;
        for (int k = 0; k < 3; k++) {
            c->msgs[k] = dup_or_null(&d->arena, x->msgs[k]);
            c->hints[k] = dup_or_null(&d->arena, x->hints[k]);
        }
        if (x->loc.src) {
            /* a source of just the file name, for rc_diags_get */
            c->loc = x->loc;
            c->loc.src = src_from_text(&d->arena, x->loc.src->name, "", 0, 1);
        }
    }
    d->list.errors = dl->errors;
    d->list.warnings = dl->warnings;
}

/* The names of file and of the files it extends, nearest first. */
static void files_of(struct rc_ruleset *rs, const struct ast_file *file)
{
    for (const struct ast_file *f = file; f; f = f->base)
        rs->nfiles++;
    rs->files = arena_alloc(&rs->arena, (size_t)rs->nfiles * sizeof *rs->files);
    int i = 0;
    for (const struct ast_file *f = file; f; f = f->base)
        rs->files[i++] = f->src->name;
}

static void load_work(void *ud)
{
    struct load_args *a = ud;
    struct rc_diags *d = a->d = xcalloc(1, sizeof *d);
    arena_init(&d->arena);
    diag_init(&d->list, &d->arena);
    struct rc_ruleset *rs = a->rs = xcalloc(1, sizeof *rs);
    arena_init(&rs->arena);
    if (a->cache) { /* its files are in the cache: the rule set holds it */
        rs->cache = a->cache;
        atomic_fetch_add(&a->cache->refs, 1);
    }
    struct layer_cache *lc = a->cache ? &a->cache->files : NULL;
    struct diag_list dl;
    diag_init(&dl, &rs->arena);
    if (!a->path) {
        DIAG0(&dl, DIAG_ERROR, NULL, api_no_rule_file);
    } else {
        struct source *src =
            a->text ? src_from_text(&rs->arena, a->path, a->text, a->len, 1)
                    : NULL;
        struct ast_file *file =
            lc ? layer_load_cached(&rs->arena, &dl, a->path, lc)
               : layer_load(&rs->arena, &dl, a->path, src);
        if (file)
            rs->plan = check_file(&rs->arena, &dl, file);
        if (dl.errors)
            rs->plan = NULL;
        if (rs->plan && lc)
            layer_hash_cached(lc, file, rs->plan->sha256);
        else if (rs->plan)
            layer_hash(file, rs->plan->sha256);
        if (rs->plan)
            files_of(rs, file);
    }
    api_diags_copy(d, &dl);
}

static void cache_drop(struct rc_rulecache *c)
{
    if (c && atomic_fetch_sub(&c->refs, 1) == 1) {
        layer_cache_free(&c->files);
        free(c);
    }
}

static void ruleset_destroy(struct rc_ruleset *rs)
{
    if (!rs)
        return;
    sb_free(&rs->shown);
    sb_free(&rs->tested);
    sb_free(&rs->junit);
    if (rs->has_cov)
        coverage_free(&rs->cov);
    arena_free(&rs->arena);
    cache_drop(rs->cache);
    free(rs);
}

struct rc_diags *api_diags_oom(void)
{
    return &oom_diags;
}

void api_diags_destroy(struct rc_diags *d)
{
    if (!d || d == &oom_diags)
        return;
    for (int k = 0; k < 3; k++)
        sb_free(&d->text[k]);
    arena_free(&d->arena);
    free(d);
}

static struct rc_ruleset *load(const char *path, const char *text, size_t len,
                               struct rc_rulecache *cache,
                               struct rc_diags **diags)
{
    struct load_args a = {path, text, len, NULL, NULL, cache};
    if (arena_protect(load_work, &a) != 0 || !handle_add(a.d, H_DIAGS)) {
        ruleset_destroy(a.rs);
        api_diags_destroy(a.d);
        if (diags)
            *diags = &oom_diags;
        return NULL;
    }
    if (!a.rs->plan || !handle_add(a.rs, H_RULESET)) {
        if (a.rs->plan) { /* no room to register it */
            handle_drop(a.d, H_DIAGS);
            api_diags_destroy(a.d);
            a.d = &oom_diags;
        }
        ruleset_destroy(a.rs);
        a.rs = NULL;
    } else {
        atomic_init(&a.rs->refs, 1);
    }
    if (diags)
        *diags = a.d;
    else
        rc_diags_free(a.d);
    return a.rs;
}

struct rc_ruleset *rc_ruleset_load(const char *path, struct rc_diags **diags)
{
    return load(path, NULL, 0, NULL, diags);
}

struct rc_ruleset *rc_ruleset_load_buffer(const char *name, const char *text,
                                          size_t len, struct rc_diags **diags)
{
    return load(name, text ? text : "", text ? len : 0, NULL, diags);
}

struct rc_rulecache *rc_rulecache_new(void)
{
    struct rc_rulecache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    layer_cache_init(&c->files);
    atomic_init(&c->refs, 1);
    if (!handle_add(c, H_RULECACHE)) {
        free(c);
        return NULL;
    }
    return c;
}

struct rc_ruleset *rc_ruleset_load_cached(struct rc_rulecache *cache,
                                          const char *path,
                                          struct rc_diags **diags)
{
    if (cache && !handle_live(cache, H_RULECACHE))
        cache = NULL;
    return load(path, NULL, 0, cache, diags);
}

/* Only the caller's reference goes: rule sets loaded through the cache
 * keep it until they are freed. */
void rc_rulecache_free(struct rc_rulecache *cache)
{
    if (handle_drop(cache, H_RULECACHE))
        cache_drop(cache);
}

long api_rulecache_reads(const struct rc_rulecache *cache)
{
    return cache->files.reads;
}

void api_ruleset_hold(struct rc_ruleset *rs)
{
    atomic_fetch_add(&rs->refs, 1);
}

void api_ruleset_drop(struct rc_ruleset *rs)
{
    if (rs && atomic_fetch_sub(&rs->refs, 1) == 1)
        ruleset_destroy(rs);
}

const char *rc_ruleset_policy(const struct rc_ruleset *rs)
{
    return ruleset_ok(rs) ? rs->plan->policy : NULL;
}

const char *rc_ruleset_version(const struct rc_ruleset *rs)
{
    return ruleset_ok(rs) ? rs->plan->version : NULL;
}

const char *rc_ruleset_sha256(const struct rc_ruleset *rs)
{
    return ruleset_ok(rs) ? rs->plan->sha256 : NULL;
}

int rc_diags_count(const struct rc_diags *d)
{
    if (!diags_ok(d))
        return -1;
    int n = 0;
    for (const struct diag *x = d->list.head; x; x = x->next)
        n++;
    return n;
}

int rc_diags_get(const struct rc_diags *d, int i, struct rc_diag *out)
{
    if (!diags_ok(d) || !out)
        return -1;
    const struct diag *x = d->list.head;
    for (; x && i > 0; i--)
        x = x->next;
    if (!x || i < 0)
        return -1;
    out->file = x->loc.src ? x->loc.src->name : NULL;
    out->line = x->loc.first_line;
    out->column = x->loc.first_column;
    out->severity = x->severity == DIAG_ERROR     ? RC_SEV_ERROR
                    : x->severity == DIAG_WARNING ? RC_SEV_WARNING
                                                  : RC_SEV_NOTE;
    out->message = x->msg;
    out->hint = x->hint;
    out->code = x->code >= 0 ? msg_code_of((enum msg)x->code) : NULL;
    return 0;
}

struct show_args {
    struct rc_ruleset *rs;
    enum rc_lang lang;
    int *passed, *failed;
    const char **junit;
    struct sbuf cases; /* JUnit test cases, before they are wrapped */
};

/* The languages of rongcuo.h are the engine's, value for value: the
 * library casts between them (a plan's language is never LANG_ZH). */
_Static_assert((int)RC_LANG_EN == (int)LANG_EN, "rc_lang: en");
_Static_assert((int)RC_LANG_ZH_HANT == (int)LANG_ZH_HANT, "rc_lang: Hant");
_Static_assert((int)RC_LANG_ZH_HANS == (int)LANG_ZH_HANS, "rc_lang: Hans");
_Static_assert((int)RC_LANG_AUTO < 0, "rc_lang: auto is no language");

static void show_work(void *ud)
{
    struct show_args *a = ud;
    struct rc_ruleset *rs = a->rs;
    show_plan(rs->plan,
              a->lang == RC_LANG_AUTO ? rs->plan->lang : (enum lang)a->lang,
              &rs->shown);
}

const char *rc_ruleset_show(struct rc_ruleset *rs, enum rc_lang lang)
{
    if (!ruleset_ok(rs) || !api_lang_ok(lang))
        return NULL;
    rs->shown.len = 0;
    struct show_args a = {rs, lang, NULL, NULL, NULL, {0}};
    if (arena_protect(show_work, &a) != 0)
        return NULL;
    return rs->shown.p ? rs->shown.p : "";
}

const char *rc_ruleset_file(const struct rc_ruleset *rs, int i)
{
    return ruleset_ok(rs) && i >= 0 && i < rs->nfiles ? rs->files[i] : NULL;
}

int rc_ruleset_ntests(const struct rc_ruleset *rs)
{
    return ruleset_ok(rs) ? rs->plan->ntests : -1;
}

static void test_work(void *ud)
{
    struct show_args *a = ud;
    struct rc_ruleset *rs = a->rs;
    const struct plan *p = rs->plan;
    struct test_stats st = {0, 0};
    memset(&rs->cov, 0, sizeof rs->cov);
    rs->has_cov = true; /* coverage_free takes a part-made one */
    coverage_init(&rs->cov, p);
    testrun_plan(p, a->lang == RC_LANG_AUTO ? p->lang : (enum lang)a->lang,
                 &rs->tested, a->junit ? &a->cases : NULL, &st, &rs->cov);
    if (a->junit) {
        sb_puts(&rs->junit, "  <testsuite name=\"");
        sb_xml(&rs->junit, p->src->name);
        sb_printf(&rs->junit, "\" tests=\"%d\" failures=\"%d\">\n",
                  st.passed + st.failed, st.failed);
        if (a->cases.p)
            sb_puts(&rs->junit, a->cases.p);
        sb_puts(&rs->junit, "  </testsuite>\n");
        *a->junit = rs->junit.p;
    }
    *a->passed += st.passed;
    *a->failed += st.failed;
}

const char *rc_ruleset_test(struct rc_ruleset *rs, enum rc_lang lang,
                            int *passed, int *failed, const char **junit)
{
    if (!ruleset_ok(rs) || !api_lang_ok(lang) || !passed || !failed)
        return NULL;
    rs->tested.len = rs->junit.len = 0;
    if (rs->has_cov)
        coverage_free(&rs->cov);
    rs->has_cov = false;
    struct show_args a = {rs, lang, passed, failed, junit, {0}};
    int rc = arena_protect(test_work, &a);
    sb_free(&a.cases);
    if (rc != 0) {
        coverage_free(&rs->cov);
        rs->has_cov = false;
    }
    return rc != 0 ? NULL : rs->tested.p ? rs->tested.p : "";
}

int rc_ruleset_coverage(const struct rc_ruleset *rs, struct rc_cover *out,
                        int max)
{
    if (!ruleset_ok(rs) || max < 0 || (max > 0 && !out))
        return -1;
    const struct plan *p = rs->plan;
    const struct coverage *c = &rs->cov;
    int n = 0;
    if (!rs->has_cov)
        return 0;
    for (int i = 0; i < p->nrules; i++, n++)
        if (n < max)
            out[n] = (struct rc_cover){RC_RULE,
                                       p->rules[i].id,
                                       p->rules[i].loc.src->name,
                                       p->rules[i].loc.first_line,
                                       c->rule_fired[i],
                                       c->rule_false[i]};
    for (int i = 0; i < p->nmeasures; i++, n++)
        if (n < max)
            out[n] = (struct rc_cover){RC_MEASURE,
                                       p->measures[i].id,
                                       p->measures[i].loc.src->name,
                                       p->measures[i].loc.first_line,
                                       c->measure_on[i],
                                       c->measure_false[i]};
    for (int i = 0; i < p->nlines; i++, n++)
        if (n < max)
            out[n] =
                (struct rc_cover){RC_VERDICT_TABLE,
                                  p->verdicts.names[p->lines[i].verdict],
                                  p->lines[i].loc.src->name,
                                  p->lines[i].loc.first_line,
                                  c->line_taken[i],
                                  p->lines[i].cond < 0 ? -1 : c->line_false[i]};
    return n;
}

/* Only the caller's reference goes: cases, streams and evaluations that
 * hold the rule set keep it until they are freed. */
void rc_ruleset_free(struct rc_ruleset *rs)
{
    if (handle_drop(rs, H_RULESET))
        api_ruleset_drop(rs);
}

enum rc_lang rc_ruleset_lang(const struct rc_ruleset *rs)
{
    return ruleset_ok(rs) ? (enum rc_lang)rs->plan->lang : RC_LANG_AUTO;
}

void rc_ruleset_counts(const struct rc_ruleset *rs, int *facts, int *rules,
                       int *conclusions, int *measures)
{
    bool ok = ruleset_ok(rs);
    if (facts)
        *facts = ok ? rs->plan->nfacts : -1;
    if (rules)
        *rules = ok ? rs->plan->nrules : -1;
    if (conclusions)
        *conclusions = ok ? rs->plan->nconcls : -1;
    if (measures)
        *measures = ok ? rs->plan->nmeasures : -1;
}

int rc_diags_errors(const struct rc_diags *d)
{
    return diags_ok(d) ? d->list.errors : -1;
}

int rc_diags_warnings(const struct rc_diags *d)
{
    return diags_ok(d) ? d->list.warnings : -1;
}

const char *rc_diags_text(struct rc_diags *d)
{
    if (!diags_ok(d))
        return NULL;
    const struct sbuf *t = &d->text[d->list.lang];
    return t->p ? t->p : "";
}

void rc_diags_set_lang(struct rc_diags *d, enum rc_lang lang)
{
    if (!diags_ok(d) || d == &oom_diags)
        return;
    enum lang l = lang == RC_LANG_ZH_HANT   ? LANG_ZH_HANT
                  : lang == RC_LANG_ZH_HANS ? LANG_ZH_HANS
                  : lang == RC_LANG_EN      ? LANG_EN
                                            : d->lang_auto;
    diag_localize(&d->list, l);
}

enum rc_lang rc_diags_lang(const struct rc_diags *d)
{
    if (!diags_ok(d))
        return RC_LANG_AUTO;
    return d->lang_auto == LANG_ZH_HANT   ? RC_LANG_ZH_HANT
           : d->lang_auto == LANG_ZH_HANS ? RC_LANG_ZH_HANS
                                          : RC_LANG_EN;
}

void rc_diags_free(struct rc_diags *d)
{
    if (handle_drop(d, H_DIAGS))
        api_diags_destroy(d);
}

/* The case rc_cases_next gives when memory runs out: made beforehand. */
static const struct case_facts *oom_case(struct rc_cases *cs)
{
    struct arena *a = &cs->file_arena;
    struct diag_list *dl = arena_alloc(a, sizeof *dl);
    diag_init(dl, a);
    DIAG(dl, DIAG_ERROR, NULL, case_out_of_memory_rest, cs->path);
    return caseread_error_case(a, cs->p, dl, cs->path, NULL);
}

static void open_work(void *ud)
{
    struct rc_cases *cs = ud;
    arena_init(&cs->file_arena);
    arena_init(&cs->case_arena);
    cs->path = arena_strdup(&cs->file_arena, cs->path);
    cs->oom = oom_case(cs);
    caseread_open(&cs->rd, &cs->file_arena, cs->p, cs->path);
}

static void cases_destroy(struct rc_cases *cs)
{
    caseread_close(&cs->rd);
    arena_free(&cs->file_arena);
    arena_free(&cs->case_arena);
    free(cs);
}

struct rc_cases *rc_cases_open(const struct rc_ruleset *rs, const char *path)
{
    if (!ruleset_ok(rs) || !path)
        return NULL;
    struct rc_cases *cs = calloc(1, sizeof *cs);
    if (!cs)
        return NULL;
    cs->p = cs->cur.p = rs->plan;
    cs->path = path;
    if (arena_protect(open_work, cs) != 0 || !handle_add(cs, H_CASES)) {
        cases_destroy(cs);
        return NULL;
    }
    if (!handle_add(&cs->cur, H_STREAM_CASE)) {
        handle_drop(cs, H_CASES);
        cases_destroy(cs);
        return NULL;
    }
    api_ruleset_hold(cs->rs = (struct rc_ruleset *)rs);
    return cs;
}

static const struct rc_case *cases_next(struct rc_cases *cs)
{
    cs->cur.cf = caseread_next(&cs->rd, &cs->case_arena);
    return cs->cur.cf ? &cs->cur : NULL;
}

struct next_args {
    struct rc_cases *cs;
    const struct rc_case *c;
};

static void next_work(void *ud)
{
    struct next_args *a = ud;
    a->c = cases_next(a->cs);
}

/* Out of memory: the stream gives one case that says so, then ends. */
const struct rc_case *rc_cases_next(struct rc_cases *cs)
{
    if (!handle_live(cs, H_CASES) || cs->gave_up)
        return NULL;
    cs->serial++;
    struct next_args a = {cs, NULL};
    if (arena_protect(next_work, &a) == 0)
        return a.c;
    arena_reset(&cs->case_arena);
    cs->gave_up = true;
    cs->cur.cf = (struct case_facts *)cs->oom;
    return &cs->cur;
}

double rc_cases_progress(const struct rc_cases *cs)
{
    return handle_live(cs, H_CASES) ? caseread_progress(&cs->rd) : -1;
}

long rc_cases_warnings(const struct rc_cases *cs)
{
    return cs ? cs->rd.warnings : 0;
}

void rc_cases_close(struct rc_cases *cs)
{
    if (!handle_drop(cs, H_CASES))
        return;
    handle_drop(&cs->cur, H_STREAM_CASE);
    api_ruleset_drop(cs->rs);
    cases_destroy(cs);
}

struct rc_cases *api_stream_of(const struct rc_case *c)
{
    if (!handle_live(c, H_STREAM_CASE))
        return NULL;
    return (struct rc_cases *)((char *)c - offsetof(struct rc_cases, cur));
}
