#include "engine/rongcuo.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "engine/api_int.h"
#include "engine/handle.h"

/*
 * Batch evaluation: up to BATCH cases are read at a time; the workers each
 * parse, evaluate and render runs of CHUNK of them, taking the next run as
 * they finish one, so that a worker slowed (by the helper on its core, or
 * by harder cases) takes fewer; the traces go out in input order. While the
 * workers are at one batch, a helper hands out the traces of the batch before
 * and reads the next, and then works on the batch as the last worker: on N
 * threads, N threads run at once, not N + 1. One thread or many, the output is
 * the same bytes, and memory is bounded by two batches, each of at most BATCH
 * lines and about BATCH_BYTES of them (and the case IDs, kept by the reader to
 * find one used twice).
 */

#define BATCH       2048
#define BATCH_BYTES (4 * 1024 * 1024) /* and one line more, at most */
#define CHUNK       16

/* Where case i of a batch was rendered: worker w's output, up to end
 * (from where the worker's case before it ended), and its second output
 * (rc_cases_run_also) up to end2; w -1: not rendered (memory ran out). */
struct span {
    int w;
    size_t end, end2;
};
struct worker {
    struct rc_cases *cs;
    int id;
    const struct case_record *rec; /* the batch being evaluated */
    const char *text;              /* its lines */
    int n;                         /* its cases */
    atomic_int *next;              /* the first case no worker has taken */
    struct span *spans;            /* of the batch's cases */
    struct result *r;
    struct arena arena;
    int buf;                   /* which of out[] this batch goes to */
    struct sbuf out[2];        /* one being written, one being filled */
    struct sbuf also[2];       /* the same, for the second rendering */
    const struct rc_also *alt; /* or NULL */
    struct rc_counts counts;
    long warnings; /* cases given a warning for their ID */
    enum rc_format format;
    enum rc_lang lang;
};

static void one(struct worker *w, const struct case_record *rec)
{
    if (!rec->ready)
        arena_reset(&w->arena);
    struct case_facts *cf =
        caseread_case(&w->cs->rd, &w->arena, w->text, rec, &w->warnings);
    eval_case(w->r, cf);
    long *n = w->r->status == ST_DECIDED        ? &w->counts.decided
              : w->r->status == ST_UNDETERMINED ? &w->counts.undetermined
                                                : &w->counts.errors;
    (*n)++;
    api_render(w->r, w->format, w->lang, &w->out[w->buf]);
    if (w->alt)
        api_render(w->r, w->alt->format, w->alt->lang, &w->also[w->buf]);
}

struct one_args {
    struct worker *w;
    const struct case_record *rec;
};

static void one_work(void *ud)
{
    struct one_args *a = ud;
    one(a->w, a->rec);
}

/* Runs of cases until none is left. Out of memory at a case: this worker
 * stops there (and the run, once the traces before it are out). */
static void *work(void *arg)
{
    struct worker *w = arg;
    struct sbuf *out = &w->out[w->buf], *also = &w->also[w->buf];
    out->len = 0;
    also->len = 0;
    int from;
    while ((from = atomic_fetch_add(w->next, CHUNK)) < w->n) {
        int to = from + CHUNK < w->n ? from + CHUNK : w->n;
        for (int i = from; i < to; i++) {
            size_t before = out->len, before2 = also->len;
            struct one_args a = {w, &w->rec[i]};
            if (arena_protect(one_work, &a) != 0) {
                out->len = before;
                also->len = before2;
                atomic_store(w->next, w->n); /* no more for anyone */
                return NULL;
            }
            w->spans[i] = (struct span){w->id, out->len, also->len};
        }
    }
    return NULL;
}

/* Up to BATCH records, and up to about BATCH_BYTES of their JSON lines,
 * which go into text; the cases of a .case file into arena. */
static int fill(struct rc_cases *cs, struct case_record *rec, struct sbuf *text,
                struct arena *arena)
{
    arena_reset(arena); /* the cases of a .case file, or scratch */
    return caseread_batch(&cs->rd, arena, text, rec, BATCH, BATCH_BYTES);
}

/* A batch being read while the one before it is evaluated. */
struct batch {
    struct rc_cases *cs;
    struct case_record *rec;
    struct sbuf text;
    int n;
    struct arena arena; /* the cases of a .case file */
    bool oom;           /* memory ran out reading it: the run ends after it */
};

static void fill_work(void *ud)
{
    struct batch *b = ud;
    b->n = fill(b->cs, b->rec, &b->text, &b->arena);
}

/* Read the next batch; out of memory keeps what was read. */
static void batch_fill(struct batch *b)
{
    b->n = 0;
    b->oom = arena_protect(fill_work, b) != 0;
}

/* What runs beside the workers: hand out the traces of the batch before,
 * then read the next one. */
struct aside {
    struct worker *w;
    int n, buf;         /* the cases to hand out, and their buffer */
    struct span *spans; /* of those cases */
    rc_write_fn write;
    void *ctx;
    const struct rc_also *alt; /* or NULL */
    int rc;                    /* what write returned */
    struct batch *next;        /* to read, or NULL */
    struct worker *extra;      /* whose runs to take then, or NULL */
};

/* The second trace of case sp (rc_cases_run_also), from at2. */
static int hand_also(struct aside *a, const struct span *sp, size_t *at2)
{
    const struct sbuf *also = &a->w[sp->w].also[a->buf];
    int rc = a->alt->write(a->alt->ctx, also->p + *at2, sp->end2 - *at2);
    *at2 = sp->end2;
    return rc;
}

/* In input order, up to the first case that ran out of memory; then the
 * end of the batch, when some case of it was handed out. */
static void hand_out(struct aside *a)
{
    size_t at[64] = {0}, at2[64] = {0}; /* where each worker's next trace
                                           starts */
    int handed = 0;
    for (int i = 0; i < a->n && !a->rc; i++) {
        const struct span *sp = &a->spans[i];
        if (sp->w < 0) {
            a->rc = RC_RUN_NO_MEMORY;
            break;
        }
        const struct sbuf *out = &a->w[sp->w].out[a->buf];
        a->rc = a->write(a->ctx, out->p + at[sp->w], sp->end - at[sp->w]);
        at[sp->w] = sp->end;
        handed++;
        if (a->alt && !a->rc)
            a->rc = hand_also(a, sp, &at2[sp->w]);
    }
    if (handed && a->alt && a->alt->batch_end) {
        int rc = a->alt->batch_end(a->alt->ctx);
        a->rc = a->rc ? a->rc : rc;
    }
    a->n = 0;
}

static void *beside(void *arg)
{
    struct aside *a = arg;
    hand_out(a);
    if (a->next && !a->rc)
        batch_fill(a->next);
    if (a->extra)
        work(a->extra);
    return NULL;
}

/* The worker threads, started once for a run: each batch, the main thread
 * raises the generation and waits until every worker has done its slice. */
struct pool {
    pthread_mutex_t m;
    pthread_cond_t go, done;
    unsigned generation;
    int pending;
    bool quit;
};

struct member {
    struct pool *pool;
    struct worker *w;
};

static void *serve(void *arg)
{
    struct member *me = arg;
    struct pool *pl = me->pool;
    unsigned seen = 0;
    for (;;) {
        pthread_mutex_lock(&pl->m);
        while (pl->generation == seen && !pl->quit)
            pthread_cond_wait(&pl->go, &pl->m);
        if (pl->quit) {
            pthread_mutex_unlock(&pl->m);
            return NULL;
        }
        seen = pl->generation;
        pthread_mutex_unlock(&pl->m);
        work(me->w);
        pthread_mutex_lock(&pl->m);
        if (--pl->pending == 0)
            pthread_cond_signal(&pl->done);
        pthread_mutex_unlock(&pl->m);
    }
}

/* Everything a run owns. */
struct run {
    struct rc_cases *cs;
    int threads;
    struct batch b[2];
    struct span *spans[2]; /* of the cases in each worker buffer */
    atomic_int next;
    struct worker *w;
    pthread_t *tid;
    bool *started;
    struct member *mem;
    struct pool pool;
    const char *why_not;
    const struct rc_also *alt;
};

static void run_alloc(void *ud)
{
    struct run *r = ud;
    size_t n = (size_t)r->threads;
    for (int i = 0; i < 2; i++)
        r->b[i] = (struct batch){
            r->cs, xcalloc(BATCH, sizeof(struct case_record)), {0}, 0, {0},
            false};
    for (int i = 0; i < 2; i++)
        r->spans[i] = xcalloc(BATCH, sizeof *r->spans[i]);
    r->w = xcalloc(n, sizeof *r->w);
    r->tid = xcalloc(n, sizeof *r->tid);
    r->started = xcalloc(n, sizeof *r->started);
    r->mem = xcalloc(n, sizeof *r->mem);
    for (int t = 0; t < r->threads; t++) {
        arena_init(&r->w[t].arena);
        r->w[t].r = eval_new(r->cs->p);
        if (r->why_not) {
            r->w[t].r->why_not = plan_option(&r->cs->p->verdicts, r->why_not);
            r->w[t].r->explain = r->w[t].r->why_not >= 0;
        }
    }
}

static void run_free(struct run *r)
{
    for (int t = 0; r->w && t < r->threads; t++) {
        eval_free(r->w[t].r);
        arena_free(&r->w[t].arena);
        sb_free(&r->w[t].out[0]);
        sb_free(&r->w[t].out[1]);
        sb_free(&r->w[t].also[0]);
        sb_free(&r->w[t].also[1]);
    }
    for (int i = 0; i < 2; i++) {
        sb_free(&r->b[i].text);
        free(r->b[i].rec);
        free(r->spans[i]);
        arena_free(&r->b[i].arena);
    }
    free(r->w);
    free(r->tid);
    free(r->started);
    free(r->mem);
}

/* Start the pool: threads that cannot be had are done in the main one. */
static int run_start(struct run *r, enum rc_format f, enum rc_lang lang)
{
    r->pool = (struct pool){.generation = 0};
    pthread_mutex_init(&r->pool.m, NULL);
    pthread_cond_init(&r->pool.go, NULL);
    pthread_cond_init(&r->pool.done, NULL);
    int pooled = 0;
    for (int t = 0; t < r->threads; t++) {
        r->w[t].cs = r->cs;
        r->w[t].id = t;
        r->w[t].next = &r->next;
        r->w[t].format = f;
        r->w[t].lang = lang;
        r->w[t].alt = r->alt;
        r->w[t].r->brief =
            (f == RC_TEXT_BRIEF || f == RC_JSON_BRIEF) && !r->alt;
        r->mem[t] = (struct member){&r->pool, &r->w[t]};
        /* the last worker is the helper's, when there is more than one */
        r->started[t] =
            t > 0 && t < r->threads - 1 &&
            pthread_create(&r->tid[t], NULL, serve, &r->mem[t]) == 0;
        pooled += r->started[t];
    }
    return pooled;
}

static void run_stop(struct run *r)
{
    pthread_mutex_lock(&r->pool.m);
    r->pool.quit = true;
    pthread_cond_broadcast(&r->pool.go);
    pthread_mutex_unlock(&r->pool.m);
    for (int t = 1; t < r->threads; t++)
        if (r->started[t])
            pthread_join(r->tid[t], NULL);
    pthread_mutex_destroy(&r->pool.m);
    pthread_cond_destroy(&r->pool.go);
    pthread_cond_destroy(&r->pool.done);
}

/* Each worker set to batch now, into its buffer buf. */
static void run_prepare(struct run *r, const struct batch *now, int buf)
{
    struct worker *w = r->w;
    int n = now->n;
    for (int i = 0; i < n; i++)
        r->spans[buf][i].w = -1;
    atomic_store(&r->next, 0);
    for (int t = 0; t < r->threads; t++) {
        w[t].rec = now->rec;
        w[t].text = now->text.p;
        w[t].n = n;
        w[t].spans = r->spans[buf];
        w[t].buf = buf;
    }
}

/* One batch, prepared, on the pool, while the helper hands out the one
 * before; the last worker's runs are the helper's when aside. */
static void run_batch(struct run *r, int pooled, bool aside)
{
    struct worker *w = r->w;
    pthread_mutex_lock(&r->pool.m);
    r->pool.generation++;
    r->pool.pending = pooled;
    pthread_cond_broadcast(&r->pool.go);
    pthread_mutex_unlock(&r->pool.m);
    work(&w[0]);
    for (int t = 1; t < r->threads - aside; t++)
        if (!r->started[t])
            work(&w[t]); /* no thread to be had: do it here */
    pthread_mutex_lock(&r->pool.m);
    while (r->pool.pending > 0)
        pthread_cond_wait(&r->pool.done, &r->pool.m);
    pthread_mutex_unlock(&r->pool.m);
}

int rc_cases_run(struct rc_cases *cs, int threads, enum rc_format f,
                 enum rc_lang lang, const char *why_not, rc_write_fn write,
                 void *ctx, struct rc_counts *counts)
{
    return rc_cases_run_also(cs, threads, f, lang, why_not, write, ctx, NULL,
                             counts);
}

static bool also_ok(const struct rc_also *also)
{
    return !also || (api_format_ok(also->format) && api_lang_ok(also->lang) &&
                     also->write);
}

int rc_cases_run_also(struct rc_cases *cs, int threads, enum rc_format f,
                      enum rc_lang lang, const char *why_not, rc_write_fn write,
                      void *ctx, const struct rc_also *also,
                      struct rc_counts *counts)
{
    if (!handle_live(cs, H_CASES) || !api_format_ok(f) || !api_lang_ok(lang) ||
        !write || !counts || !also_ok(also))
        return RC_RUN_BAD_ARGUMENT;
    struct run r = {.cs = cs, .why_not = why_not, .alt = also};
    r.threads = threads < 1 ? 1 : threads > 64 ? 64 : threads;
    if (arena_protect(run_alloc, &r) != 0) {
        run_free(&r);
        return RC_RUN_NO_MEMORY;
    }
    int pooled = run_start(&r, f, lang);
    /* the traces of one batch are handed out, and the next batch read,
       while the workers evaluate the batch between them */
    struct aside a = {r.w, 0, 0, NULL, write, ctx, also, 0, NULL, NULL};
    int cur = 0, buf = 0;
    batch_fill(&r.b[0]);
    bool read_oom = false;
    while (!a.rc && !read_oom && r.b[cur].n > 0) {
        struct batch *now = &r.b[cur];
        a.next = now->oom ? NULL : &r.b[1 - cur];
        run_prepare(&r, now, buf);
        pthread_t helper;
        a.extra = r.threads > 1 ? &r.w[r.threads - 1] : NULL;
        bool aside = a.extra && pthread_create(&helper, NULL, beside, &a) == 0;
        if (!aside)
            a.extra = NULL; /* run_batch does the last worker's runs */
        run_batch(&r, pooled, aside);
        if (aside)
            pthread_join(helper, NULL);
        else
            beside(&a); /* one thread: in turn */
        read_oom = now->oom;
        a.n = now->n;
        a.buf = buf;
        a.spans = r.spans[buf];
        buf = 1 - buf;
        cur = 1 - cur;
    }
    run_stop(&r);
    a.next = NULL;
    hand_out(&a); /* the last batch */
    if (!a.rc && (read_oom || r.b[cur].oom))
        a.rc = RC_RUN_NO_MEMORY;
    for (int t = 0; t < r.threads; t++) {
        counts->decided += r.w[t].counts.decided;
        counts->undetermined += r.w[t].counts.undetermined;
        counts->errors += r.w[t].counts.errors;
        cs->rd.warnings += r.w[t].warnings;
    }
    run_free(&r);
    return a.rc;
}
