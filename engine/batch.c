#include "engine/rongcuo.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "engine/api_int.h"
#include "engine/jsonl.h"
#include "engine/limits.h"

/*
 * Batch evaluation: the reader takes up to BATCH cases, the workers each
 * read, evaluate and render a contiguous slice of them, and the traces go
 * out in input order. One thread or many, the output is the same bytes.
 */

#define BATCH 512

struct record {
    struct case_facts *ready; /* a case of a .case file */
    size_t off, len;          /* a JSON line in the batch text */
    int lineno;
    bool too_long;
};

struct worker {
    struct rc_cases *cs;
    const struct record *rec; /* the batch being evaluated */
    const char *text;         /* its lines */
    int from, to;
    struct result *r;
    struct arena arena;
    struct sbuf out;
    size_t ends[BATCH]; /* where each case's trace ends in out */
    struct rc_counts counts;
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
        if (rec->too_long) {
            cf = api_long_line(&w->arena, cs->p, cs->path, w->text + rec->off,
                               rec->lineno, errors);
        } else {
            struct source *src = src_from_line(
                &w->arena, strcmp(cs->path, "-") == 0 ? "<stdin>" : cs->path,
                w->text + rec->off, rec->len, rec->lineno);
            cf = jsonl_case(&w->arena, cs->p, src, errors);
        }
    }
    eval_case(w->r, cf);
    long *n = w->r->status == ST_DECIDED        ? &w->counts.decided
              : w->r->status == ST_UNDETERMINED ? &w->counts.undetermined
                                                : &w->counts.errors;
    (*n)++;
    api_render(w->r, w->format, w->lang, &w->out);
}

static void *work(void *arg)
{
    struct worker *w = arg;
    w->out.len = 0;
    for (int i = w->from; i < w->to; i++) {
        one(w, &w->rec[i]);
        w->ends[i - w->from] = w->out.len;
    }
    return NULL;
}

/* Up to BATCH records; their JSON lines go into text. */
static int fill(struct rc_cases *cs, struct record *rec, struct sbuf *text)
{
    int n = 0;
    text->len = 0;
    if (!cs->jsonl) {
        while (n < BATCH && cs->next < cs->ncases)
            rec[n++] = (struct record){.ready = cs->cases[cs->next++]};
        return n;
    }
    ssize_t got;
    while (n < BATCH && (got = api_read_line(cs)) >= 0) {
        cs->lineno++;
        bool too_long = got > LIMIT_LINE_BYTES;
        size_t len = too_long ? 64 : (size_t)got; /* a long one: its start */
        bool blank = true;
        for (size_t i = 0; i < len && blank; i++)
            blank = strchr(" \t\r\n", cs->line[i]) != NULL;
        if (blank && !too_long)
            continue;
        while (!too_long && len &&
               (cs->line[len - 1] == '\n' || cs->line[len - 1] == '\r'))
            len--;
        rec[n] = (struct record){.off = text->len,
                                 .len = len,
                                 .lineno = cs->lineno,
                                 .too_long = too_long};
        sb_put(text, cs->line, len);
        n++;
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

static void *read_batch(void *arg)
{
    struct batch *b = arg;
    b->n = fill(b->cs, b->rec, &b->text);
    return NULL;
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
    }
    int rc = 0, cur = 0;
    read_batch(&b[0]);
    while (!rc && b[cur].n > 0) {
        struct batch *now = &b[cur], *next = &b[1 - cur];
        /* with more than one thread, the next batch is read meanwhile */
        pthread_t reader;
        bool ahead =
            threads > 1 && pthread_create(&reader, NULL, read_batch, next) == 0;
        int n = now->n, used = n < threads ? n : threads;
        for (int t = 0; t < used; t++) {
            w[t].rec = now->rec;
            w[t].text = now->text.p;
            w[t].from = n * t / used;
            w[t].to = n * (t + 1) / used;
        }
        for (int t = 1; t < used; t++) {
            started[t] = pthread_create(&tid[t], NULL, work, &w[t]) == 0;
            if (!started[t])
                work(&w[t]); /* no thread to be had: do it here */
        }
        work(&w[0]);
        for (int t = 1; t < used; t++)
            if (started[t])
                pthread_join(tid[t], NULL);
        for (int t = 0; t < used && !rc; t++) {
            size_t start = 0;
            for (int i = 0; i < w[t].to - w[t].from && !rc; i++) {
                rc = write(ctx, w[t].out.p + start, w[t].ends[i] - start);
                start = w[t].ends[i];
            }
        }
        if (ahead)
            pthread_join(reader, NULL);
        else if (!rc)
            read_batch(next);
        cur = 1 - cur;
    }
    for (int t = 0; t < threads; t++) {
        counts->decided += w[t].counts.decided;
        counts->undetermined += w[t].counts.undetermined;
        counts->errors += w[t].counts.errors;
        eval_free(w[t].r);
        arena_free(&w[t].arena);
        sb_free(&w[t].out);
    }
    for (int i = 0; i < 2; i++) {
        sb_free(&b[i].text);
        free(b[i].rec);
    }
    free(w);
    free(tid);
    free(started);
    return rc;
}
