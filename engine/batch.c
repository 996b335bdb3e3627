#include "engine/rongcuo.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "engine/api_int.h"
#include "engine/jsonl.h"
#include "engine/limits.h"

/*
 * Batch evaluation: up to BATCH cases are read at a time; the workers each
 * parse, evaluate and render a contiguous slice of them; the traces go out
 * in input order. While the workers are at one batch, a helper hands out
 * the traces of the batch before and reads the next. One thread or many,
 * the output is the same bytes, and memory is bounded by two batches (and
 * the case IDs, kept by the reader to find one used twice).
 */

#define BATCH 2048

struct record {
    struct case_facts *ready; /* a case of a .case file */
    size_t off, len;          /* a JSON line in the batch text */
    int lineno;
    bool too_long, endless;
    int read_err; /* a read error at lineno: the input ends */
    int twice;    /* the line of an earlier case with the ID at id_off */
    size_t id_off;
};

struct worker {
    struct rc_cases *cs;
    const struct record *rec; /* the batch being evaluated */
    const char *text;         /* its lines */
    int from, to;
    struct result *r;
    struct arena arena;
    int buf;               /* which of out[] this batch goes to */
    struct sbuf out[2];    /* one being written, one being filled */
    size_t ends[2][BATCH]; /* where each case's trace ends in out[] */
    int nout[2];           /* how many cases out[] holds */
    struct rc_counts counts;
    long warnings; /* cases given a warning for their ID */
    enum rc_format format;
    enum rc_lang lang;
};

static void one(struct worker *w, const struct record *rec)
{
    struct rc_cases *cs = w->cs;
    struct case_facts *cf = rec->ready;
    if (!cf) {
        arena_reset(&w->arena);
        struct diag_list *errors = arena_alloc(&w->arena, sizeof *errors);
        diag_init(errors, &w->arena);
        if (rec->read_err) {
            cf = api_read_error(&w->arena, cs->p, cs->path, rec->read_err,
                                rec->lineno, errors);
        } else if (rec->too_long) {
            cf = api_long_line(&w->arena, cs->p, cs->path, w->text + rec->off,
                               rec->lineno, rec->endless, errors);
        } else {
            struct source *src = src_from_line(
                &w->arena, strcmp(cs->path, "-") == 0 ? "<stdin>" : cs->path,
                w->text + rec->off, rec->len, rec->lineno);
            cf = jsonl_case(&w->arena, cs->p, src, errors);
            if (rec->twice && cf->id &&
                strcmp(cf->id, w->text + rec->id_off) == 0) {
                cases_id_twice(cf, rec->twice);
                w->warnings++;
            }
        }
    }
    eval_case(w->r, cf);
    long *n = w->r->status == ST_DECIDED        ? &w->counts.decided
              : w->r->status == ST_UNDETERMINED ? &w->counts.undetermined
                                                : &w->counts.errors;
    (*n)++;
    api_render(w->r, w->format, w->lang, &w->out[w->buf]);
}

static void *work(void *arg)
{
    struct worker *w = arg;
    struct sbuf *out = &w->out[w->buf];
    out->len = 0;
    for (int i = w->from; i < w->to; i++) {
        one(w, &w->rec[i]);
        w->ends[w->buf][i - w->from] = out->len;
    }
    w->nout[w->buf] = w->to - w->from;
    return NULL;
}

/* Whether an earlier line had the ID of rec's line (the last in text):
 * the reader knows the order, the worker who parses the line does not. */
static void note_id(struct rc_cases *cs, struct record *rec, struct sbuf *text)
{
    char *id = jsonl_id(text->p + rec->off, rec->len);
    if (!id)
        return;
    rec->twice = cases_ids_add(&cs->ids, id, rec->lineno);
    if (rec->twice) {
        rec->id_off = text->len;
        sb_put(text, id, strlen(id) + 1);
    }
    free(id);
}

/* Up to BATCH records; their JSON lines go into text. */
static int fill(struct rc_cases *cs, struct record *rec, struct sbuf *text)
{
    int n = 0;
    text->len = 0;
    if (!cs->jsonl) {
        while (n < BATCH && cs->next < cs->ncases) {
            api_check_id(cs, cs->cases[cs->next]);
            rec[n++] = (struct record){.ready = cs->cases[cs->next++]};
        }
        return n;
    }
    ssize_t got;
    while (n < BATCH && (got = api_read_line(cs)) >= 0) {
        cs->lineno++;
        bool too_long = got > LIMIT_LINE_BYTES;
        size_t len = too_long ? 64 : (size_t)got; /* a long one: its start */
        if (!too_long) {
            if (api_blank(cs->line, len))
                continue;
            len = api_chomp(cs->line, len);
        }
        rec[n] = (struct record){.off = text->len,
                                 .len = len,
                                 .lineno = cs->lineno,
                                 .too_long = too_long,
                                 .endless = cs->endless};
        sb_put(text, cs->line, len);
        if (!too_long)
            note_id(cs, &rec[n], text);
        n++;
    }
    if (n < BATCH && cs->read_err && !cs->told) {
        cs->told = true;
        rec[n++] =
            (struct record){.lineno = cs->lineno + 1, .read_err = cs->read_err};
    }
    return n;
}

/* A batch being read while the one before it is evaluated. */
struct batch {
    struct rc_cases *cs;
    struct record *rec;
    struct sbuf text;
    int n;
};

/* What runs beside the workers: hand out the traces of the batch before,
 * then read the next one. */
struct aside {
    struct worker *w;
    int used, buf; /* the workers and buffer to hand out */
    rc_write_fn write;
    void *ctx;
    int rc;             /* what write returned */
    struct batch *next; /* to read, or NULL */
};

static void hand_out(struct aside *a)
{
    for (int t = 0; t < a->used && !a->rc; t++) {
        const struct worker *w = &a->w[t];
        size_t start = 0;
        for (int i = 0; i < w->nout[a->buf] && !a->rc; i++) {
            a->rc = a->write(a->ctx, w->out[a->buf].p + start,
                             w->ends[a->buf][i] - start);
            start = w->ends[a->buf][i];
        }
    }
    a->used = 0;
}

static void *beside(void *arg)
{
    struct aside *a = arg;
    hand_out(a);
    if (a->next && !a->rc)
        a->next->n = fill(a->next->cs, a->next->rec, &a->next->text);
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

int rc_cases_run(struct rc_cases *cs, int threads, enum rc_format f,
                 enum rc_lang lang, const char *why_not, rc_write_fn write,
                 void *ctx, struct rc_counts *counts)
{
    if (threads < 1)
        threads = 1;
    if (threads > 64)
        threads = 64;
    struct batch b[2] = {{cs, xcalloc(BATCH, sizeof(struct record)), {0}, 0},
                         {cs, xcalloc(BATCH, sizeof(struct record)), {0}, 0}};
    struct worker *w = xcalloc((size_t)threads, sizeof *w);
    pthread_t *tid = xcalloc((size_t)threads, sizeof *tid);
    bool *started = xcalloc((size_t)threads, sizeof *started);
    struct member *mem = xcalloc((size_t)threads, sizeof *mem);
    struct pool pool = {.generation = 0};
    pthread_mutex_init(&pool.m, NULL);
    pthread_cond_init(&pool.go, NULL);
    pthread_cond_init(&pool.done, NULL);
    int pooled = 0;
    for (int t = 0; t < threads; t++) {
        w[t].cs = cs;
        w[t].r = eval_new(cs->p);
        w[t].format = f;
        w[t].lang = lang;
        arena_init(&w[t].arena);
        if (why_not) {
            w[t].r->why_not = plan_option(&cs->p->verdicts, why_not);
            w[t].r->explain = w[t].r->why_not >= 0;
        }
        mem[t] = (struct member){&pool, &w[t]};
        started[t] =
            t > 0 && pthread_create(&tid[t], NULL, serve, &mem[t]) == 0;
        pooled += started[t];
    }
    /* the traces of one batch are handed out, and the next batch read,
       while the workers evaluate the batch between them */
    struct aside a = {w, 0, 0, write, ctx, 0, NULL};
    int cur = 0, buf = 0;
    b[0].n = fill(cs, b[0].rec, &b[0].text);
    while (!a.rc && b[cur].n > 0) {
        struct batch *now = &b[cur];
        a.next = &b[1 - cur];
        pthread_t helper;
        bool aside =
            threads > 1 && pthread_create(&helper, NULL, beside, &a) == 0;
        int n = now->n, used = n < threads ? n : threads;
        for (int t = 0; t < threads; t++) {
            w[t].rec = now->rec;
            w[t].text = now->text.p;
            w[t].from = t < used ? n * t / used : 0;
            w[t].to = t < used ? n * (t + 1) / used : 0;
            w[t].buf = buf;
        }
        pthread_mutex_lock(&pool.m);
        pool.generation++;
        pool.pending = pooled;
        pthread_cond_broadcast(&pool.go);
        pthread_mutex_unlock(&pool.m);
        work(&w[0]);
        for (int t = 1; t < threads; t++)
            if (!started[t])
                work(&w[t]); /* no thread to be had: do it here */
        pthread_mutex_lock(&pool.m);
        while (pool.pending > 0)
            pthread_cond_wait(&pool.done, &pool.m);
        pthread_mutex_unlock(&pool.m);
        if (aside)
            pthread_join(helper, NULL);
        else
            beside(&a); /* one thread: in turn */
        a.used = used;
        a.buf = buf;
        buf = 1 - buf;
        cur = 1 - cur;
    }
    pthread_mutex_lock(&pool.m);
    pool.quit = true;
    pthread_cond_broadcast(&pool.go);
    pthread_mutex_unlock(&pool.m);
    for (int t = 1; t < threads; t++)
        if (started[t])
            pthread_join(tid[t], NULL);
    pthread_mutex_destroy(&pool.m);
    pthread_cond_destroy(&pool.go);
    pthread_cond_destroy(&pool.done);
    free(mem);
    a.next = NULL;
    hand_out(&a); /* the last batch */
    for (int t = 0; t < threads; t++) {
        counts->decided += w[t].counts.decided;
        counts->undetermined += w[t].counts.undetermined;
        counts->errors += w[t].counts.errors;
        cs->warnings += w[t].warnings;
        eval_free(w[t].r);
        arena_free(&w[t].arena);
        sb_free(&w[t].out[0]);
        sb_free(&w[t].out[1]);
    }
    for (int i = 0; i < 2; i++) {
        sb_free(&b[i].text);
        free(b[i].rec);
    }
    free(w);
    free(tid);
    free(started);
    return a.rc;
}
