#include "engine/caseread.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/errstr.h"
#include "engine/jsonl.h"
#include "engine/limits.h"
#include "engine/msg.h"
#include "engine/source.h"
#include "parser/parse.h"

/*
 * The one reader of case input. A .case file is read whole and parsed one
 * case block at a time (parser/parse.h); JSON Lines are read a line at a
 * time, each kept to LIMIT_LINE_BYTES while it is read, and parsed by
 * engine/jsonl.c. A line too long and a read error each become a case
 * that says so; the case IDs are kept in input order, to warn of one used
 * twice.
 */

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* The length of a line without its trailing "\n" or "\r\n". */
static size_t chomp(const char *s, size_t n)
{
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    return n;
}

/* More input into r->in; false at the end of the file, at a read error
 * (r->read_err is set) or when the reading was given up. */
static bool refill(struct case_reader *r)
{
    r->pos = r->fill = 0;
    if (r->ended)
        return false;
    for (;;) {
        errno = 0;
        r->fill += fread(r->in + r->fill, 1, sizeof r->in - r->fill, r->f);
        if (r->fill == sizeof r->in || !ferror(r->f) || errno != EINTR)
            break;
        clearerr(r->f); /* a signal, not a read error: read on */
    }
    if (r->fill < sizeof r->in) { /* fread stops short only at the end */
        r->ended = true;
        if (ferror(r->f))
            r->read_err = errno ? errno : EIO;
    }
    return r->fill > 0;
}

/* The first line end (LF, or CR alone or before LF) in s[0..n), or NULL. */
static const char *line_end(const char *s, size_t n)
{
    const char *lf = memchr(s, '\n', n);
    const char *cr = memchr(s, '\r', lf ? (size_t)(lf - s) : n);
    return cr ? cr : lf;
}

/* Append s[0..n) to r->line, as much of it as keeps the line, whose
 * bytes so far are total, to LIMIT_LINE_BYTES; the new length. */
static size_t line_keep(struct case_reader *r, size_t len, size_t total,
                        const char *s, size_t n)
{
    size_t keep = total + n <= LIMIT_LINE_BYTES ? n
                  : total < LIMIT_LINE_BYTES    ? LIMIT_LINE_BYTES - total
                                                : 0;
    if (len + keep + 1 > r->linecap) {
        r->linecap = (len + keep + 1) * 2;
        r->line = xrealloc(r->line, r->linecap);
    }
    memcpy(r->line + len, s, keep);
    return len + keep;
}

/* The next line into r->line (NUL bytes and all), at most
 * LIMIT_LINE_BYTES of it kept; its full length is returned, so that a
 * longer one can be refused. A line end is LF, CRLF or a lone CR. A line
 * with no end within LIMIT_FILE_BYTES sets r->endless and ends the input
 * (a symlink to /dev/zero). -1 at the end, and at a read error: the line
 * it cut is not returned. */
static ssize_t read_line(struct case_reader *r)
{
    size_t len = 0, total = 0;
    bool ended = false; /* the line has its line end */
    r->endless = false;
    for (;;) {
        if (r->pos == r->fill && !refill(r))
            break;
        if (r->after_cr) { /* the LF of a CRLF split across two reads */
            r->after_cr = false;
            if (r->in[r->pos] == '\n' && ++r->pos == r->fill)
                continue;
        }
        const char *start = r->in + r->pos;
        const char *nl = line_end(start, r->fill - r->pos);
        size_t n = nl ? (size_t)(nl - start) + 1 : r->fill - r->pos;
        if (nl && *nl == '\r') {
            if (r->pos + n < r->fill && nl[1] == '\n')
                n++; /* CRLF */
            else if (r->pos + n == r->fill)
                r->after_cr = true;
        }
        len = line_keep(r, len, total, start, n);
        total += n;
        r->pos += n;
        if ((ended = nl != NULL))
            break;
        if (total > LIMIT_FILE_BYTES) {
            r->endless = r->ended = true; /* give up: no more reads */
            r->pos = r->fill = 0;
            break;
        }
    }
    if (total == 0 || (r->read_err && !ended && !r->endless))
        return -1;
    r->line[len] = '\0';
    return (ssize_t)total;
}

/* A copy of d in to, every language of it (the texts are shared). */
static void caseread_copy_diag(struct diag_list *to, const struct diag *d)
{
    struct diag *c = diag_add(to, d->severity, &d->loc, d->msg);
    if (c == &to->sink)
        return;
    c->hint = d->hint;
    c->code = d->code;
    for (int k = 0; k < 3; k++) {
        c->msgs[k] = d->msgs[k];
        c->hints[k] = d->hints[k];
    }
}

/* The case for a line that was too long (start: its first 64 bytes);
 * endless: it had no end within LIMIT_FILE_BYTES, and the rest of the
 * input is not read. */
static struct case_facts *long_line(struct arena *a, const struct plan *p,
                                    const char *name, const char *start,
                                    int lineno, bool endless,
                                    struct diag_list *errors)
{
    struct source *src = src_from_text(a, name, start, 64, lineno);
    struct src_loc loc = {src, lineno, 1, lineno, 2};
    struct diag *d;
    if (endless) {
        d = DIAG(errors, DIAG_ERROR, &loc, case_line_too_long_endless,
                 LIMIT_LINE_BYTES / (1024 * 1024),
                 LIMIT_FILE_BYTES / (1024 * 1024));
        HINT0(errors, d, case_hint_one_per_line);
    } else {
        DIAG(errors, DIAG_ERROR, &loc, case_line_too_long,
             LIMIT_LINE_BYTES / (1024 * 1024));
    }
    struct case_facts *cf = cases_new(a, p, errors);
    cf->loc = loc;
    return cf;
}

/* The case for a read error at line lineno. */
static struct case_facts *read_error(struct arena *a, const struct plan *p,
                                     const char *name, int err, int lineno,
                                     struct diag_list *errors)
{
    struct source *src = src_from_text(a, name, "", 0, lineno);
    struct src_loc loc = {src, lineno, 1, lineno, 1};
    struct diag *d =
        DIAG_OS(errors, DIAG_ERROR, &loc, case_cannot_read, name, err);
    if (lineno > 1)
        HINT(errors, d, case_hint_read_before, lineno);
    struct case_facts *cf = cases_new(a, p, errors);
    cf->loc = loc;
    return cf;
}

/* A warning on cf when an earlier case had its ID. */
static void check_id(struct case_reader *r, struct case_facts *cf)
{
    if (!cf->id || cf->loc.first_line < 1)
        return;
    int first = cases_ids_add(&r->ids, cf->id, cf->loc.first_line);
    if (first) {
        cases_id_twice(cf, first);
        r->warnings++;
    }
}

struct case_facts *caseread_error_case(struct arena *a, const struct plan *p,
                                       struct diag_list *dl, const char *name,
                                       const struct src_loc *loc)
{
    struct case_facts *cf = cases_new(a, p, dl);
    if (loc && loc->src) {
        cf->loc = *loc;
    } else {
        cf->loc.src = src_from_text(a, name, "", 0, 0);
    }
    return cf;
}

/* The next entries of a .case file, read one case block at a time into
 * a: errors outside every block (a broken case header, a declaration)
 * become an error entry of their own, before the case that follows;
 * each syntax error inside a block goes to its case. */
static int block_next(struct case_reader *r, struct arena *a,
                      struct case_facts *out[2])
{
    struct diag_list syntax, *gap = arena_alloc(a, sizeof *gap),
                             *own = arena_alloc(a, sizeof *own);
    diag_init(&syntax, a);
    diag_init(gap, a);
    diag_init(own, a);
    struct ast_case *c = parse_stream_next(r->stream, a, &syntax);
    for (const struct diag *d = syntax.head; d; d = d->next) {
        caseread_copy_diag(c && d->owner == c ? own : gap, d);
    }
    int k = 0;
    if (gap->errors)
        out[k++] = caseread_error_case(a, r->p, gap, r->path, &gap->head->loc);
    if (c) {
        struct case_facts *cf = cases_new(a, r->p, own);
        cf->sugg = r->sugg;
        cf->id = c->id.text;
        cf->title = c->title;
        cf->loc = c->loc;
        for (struct ast_assign *s = c->facts; s; s = s->next)
            cases_set(a, r->p, cf, &s->name, s->value);
        out[k++] = cf;
    }
    return k;
}

/* Whether an earlier line had the ID id of rec's line: the reader knows
 * the order, the thread that parses the line may not. */
static void note_id_is(struct case_reader *r, struct case_record *rec,
                       struct sbuf *text, char *id)
{
    if (!id)
        return;
    rec->twice = cases_ids_add(&r->ids, id, rec->lineno);
    if (rec->twice) {
        rec->id_off = text->len;
        sb_put(text, id, strlen(id) + 1);
    }
}

/* note_id_is for rec's line (the last in text). */
static void note_id(struct case_reader *r, struct case_record *rec,
                    struct sbuf *text, struct arena *scratch)
{
    note_id_is(r, rec, text, jsonl_id(scratch, text->p + rec->off, rec->len));
}

/* The IDs of the n lines of rec noted in order, the slot of each in the
 * ID table fetched a few lines ahead: a line does not wait for memory. */
static void note_ids(struct case_reader *r, struct case_record *rec, int n,
                     struct sbuf *text)
{
    enum { AHEAD = 8 };
    for (int i = 0; i < n && i < AHEAD; i++)
        if (rec[i].id)
            cases_ids_prefetch(&r->ids, rec[i].id);
    for (int i = 0; i < n; i++) {
        if (i + AHEAD < n && rec[i + AHEAD].id)
            cases_ids_prefetch(&r->ids, rec[i + AHEAD].id);
        note_id_is(r, &rec[i], text, rec[i].id);
    }
}

/* The next JSON line that is not blank, or the read error that ended
 * the input; 0 at the end. */
static int line_record(struct case_reader *r, struct arena *a,
                       struct sbuf *text, struct case_record *rec)
{
    ssize_t got;
    while ((got = read_line(r)) >= 0) {
        r->lineno++;
        bool too_long = got > LIMIT_LINE_BYTES;
        size_t len = too_long ? 64 : (size_t)got; /* a long one: its start */
        if (!too_long) {
            if (blank(r->line, len))
                continue;
            len = chomp(r->line, len);
        }
        *rec = (struct case_record){.off = text->len,
                                    .len = len,
                                    .lineno = r->lineno,
                                    .too_long = too_long,
                                    .endless = r->endless};
        sb_put(text, r->line, len);
        if (!too_long && r->ids_later) /* noted by caseread_batch */
            rec->id = jsonl_id(a, text->p + rec->off, rec->len);
        else if (!too_long)
            note_id(r, rec, text, a);
        return 1;
    }
    if (!r->read_err || r->told)
        return 0;
    r->told = true;
    *rec =
        (struct case_record){.lineno = r->lineno + 1, .read_err = r->read_err};
    return 1;
}

int caseread_records(struct case_reader *r, struct arena *a, struct sbuf *text,
                     struct case_record out[2])
{
    if (r->failed) { /* a file that could not be read: its error */
        out[0] = (struct case_record){.ready = r->failed};
        r->failed = NULL;
        return 1;
    }
    if (r->jsonl)
        return line_record(r, a, text, &out[0]);
    if (!r->stream)
        return 0;
    struct case_facts *cf[2];
    int k = block_next(r, a, cf);
    for (int i = 0; i < k; i++) {
        check_id(r, cf[i]);
        diag_sort(cf[i]->errors); /* lexical, syntax, value: in line order */
        out[i] = (struct case_record){.ready = cf[i]};
    }
    return k;
}

int caseread_batch(struct case_reader *r, struct arena *a, struct sbuf *text,
                   struct case_record *rec, int max, size_t bytes)
{
    int n = 0, k;
    text->len = 0;
    r->ids_later = true;
    while (n + 2 <= max && text->len < bytes &&
           (k = caseread_records(r, a, text, &rec[n])) > 0)
        n += k;
    r->ids_later = false;
    note_ids(r, rec, n, text);
    return n;
}

struct case_facts *caseread_case(const struct case_reader *r, struct arena *a,
                                 const char *text,
                                 const struct case_record *rec, long *warnings)
{
    if (rec->ready)
        return rec->ready;
    struct diag_list *errors = arena_alloc(a, sizeof *errors);
    diag_init(errors, a);
    if (rec->read_err)
        return read_error(a, r->p, r->name, rec->read_err, rec->lineno, errors);
    if (rec->too_long)
        return long_line(a, r->p, r->name, text + rec->off, rec->lineno,
                         rec->endless, errors);
    struct source *src = src_from_line(a, r->name, r->plain_name,
                                       text + rec->off, rec->len, rec->lineno);
    src->json = true;
    struct case_facts *cf = jsonl_case(a, r->p, src, errors, r->sugg);
    diag_sort(errors);
    if (rec->twice && cf->id && strcmp(cf->id, text + rec->id_off) == 0) {
        cases_id_twice(cf, rec->twice);
        (*warnings)++;
    }
    return cf;
}

struct case_facts *caseread_next(struct case_reader *r, struct arena *a)
{
    struct case_facts *cf = r->queued;
    if (cf) { /* read with the error entry before it */
        r->queued = NULL;
        return cf;
    }
    arena_reset(a);
    r->text.len = 0;
    struct case_record rec[2];
    int k = caseread_records(r, a, &r->text, rec);
    if (k == 0)
        return NULL;
    if (k == 2)
        r->queued = caseread_case(r, a, r->text.p, &rec[1], &r->warnings);
    return caseread_case(r, a, r->text.p, &rec[0], &r->warnings);
}

double caseread_progress(const struct case_reader *r)
{
    if (!r->jsonl && r->stream)
        return parse_stream_progress(r->stream);
    if (!r->jsonl)
        return r->failed ? 0.0 : 1.0;
    if (!r->f || r->f == stdin || r->size <= 0)
        return -1;
    long at = ftell(r->f);
    if (at < 0)
        return -1;
    double done = (double)at - (double)(r->fill - r->pos);
    return done / (double)r->size;
}

struct ast_value *caseread_value(struct arena *a, struct diag_list *dl,
                                 const char *name, const char *text, size_t len)
{
    struct source *src = src_from_text(a, name, text, len, 1);
    return parse_value(a, dl, src);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The first byte that is not a byte-order mark or a space, or -1. */
static int first_byte(const char *s, size_t n)
{
    size_t i = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && strchr(" \t\r\n", s[i]))
        i++;
    return i < n ? (unsigned char)s[i] : -1;
}

/* Whether the input named path, which starts with s[0..n), is JSON Lines. */
static bool is_jsonl(const char *path, const char *s, size_t n)
{
    if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson") ||
        ends_with(path, ".json"))
        return true;
    return !ends_with(path, ".case") && first_byte(s, n) == '{';
}

static void reader_init(struct case_reader *r, struct arena *keep,
                        const struct plan *p, const char *path)
{
    memset(r, 0, sizeof *r);
    r->p = p;
    r->keep = keep;
    r->path = arena_strdup(keep, path);
    r->name = strcmp(path, "-") == 0 ? "<stdin>" : r->path;
    r->plain_name = sb_plain(r->name);
    r->sugg = cases_sugg_index(keep, p);
}

/* The one entry of a file that cannot be read: the error in dl. */
static void fail(struct case_reader *r, struct diag_list *dl)
{
    r->failed = caseread_error_case(r->keep, r->p, dl, r->path, NULL);
}

/* The rest of a .case file after the r->fill bytes read ahead, whole,
 * then the stream of its case blocks. */
static void open_blocks(struct case_reader *r, struct diag_list *dl)
{
    struct sbuf *all = &r->text; /* freed by caseread_close, come what may */
    all->len = 0;
    sb_put(all, r->in, r->fill);
    char chunk[65536];
    size_t n;
    while (all->len <= LIMIT_FILE_BYTES &&
           (n = fread(chunk, 1, sizeof chunk, r->f)) > 0)
        sb_put(all, chunk, n);
    int err = errno;
    bool bad = ferror(r->f) || all->len > LIMIT_FILE_BYTES;
    if (all->len > LIMIT_FILE_BYTES)
        DIAG(dl, DIAG_ERROR, NULL, case_file_too_large, r->path,
             LIMIT_FILE_BYTES / (1024 * 1024));
    else if (bad)
        DIAG_OS(dl, DIAG_ERROR, NULL, case_cannot_read, r->path, err);
    if (r->own_f)
        fclose(r->f);
    r->f = NULL;
    if (bad) {
        sb_free(all);
        fail(r, dl);
        return;
    }
    struct source *src =
        src_from_text(r->keep, r->name, all->p ? all->p : "", all->len, 1);
    sb_free(all);
    src->hidden = !src_rule_text(src->text, src->len); /* not quoted */
    r->stream = parse_stream_open(src);
}

void caseread_open(struct case_reader *r, struct arena *keep,
                   const struct plan *p, const char *path)
{
    reader_init(r, keep, p, path);
    struct diag_list *dl = arena_alloc(keep, sizeof *dl);
    diag_init(dl, keep);
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        src_read_file(keep, path, dl); /* why */
        fail(r, dl);
        return;
    }
    r->f = f;
    r->own_f = !is_stdin;
    if (!is_stdin && fseek(f, 0, SEEK_END) == 0) {
        r->size = ftell(f);
        rewind(f);
    }
    /* what was read to choose the format stays in the read-ahead buffer,
       so that standard input loses nothing */
    errno = 0;
    r->fill = fread(r->in, 1, sizeof r->in, f);
    int read_err = ferror(f) ? (errno ? errno : EIO) : 0;
    r->jsonl = is_jsonl(path, r->in, r->fill);
    if (!r->jsonl) {
        open_blocks(r, dl);
        return;
    }
    r->ended = r->fill < sizeof r->in;
    r->read_err = read_err;
}

void caseread_open_source(struct case_reader *r, struct arena *keep,
                          const struct plan *p, const struct source *src)
{
    reader_init(r, keep, p, src->name);
    r->jsonl = is_jsonl(src->name, src->text, src->len);
    if (!r->jsonl) {
        r->stream = parse_stream_open(src);
        return;
    }
    r->ended = true; /* when there is nothing to read */
    if (src->len == 0)
        return;
    r->f = fmemopen((void *)src->text, src->len, "r");
    if (!r->f)
        arena_oom(); /* its only failure with a text and a length */
    r->own_f = true;
    r->ended = false;
}

void caseread_close(struct case_reader *r)
{
    if (r->f && r->own_f)
        fclose(r->f);
    r->f = NULL;
    free(r->line);
    r->line = NULL;
    cases_ids_free(&r->ids);
    sb_free(&r->text);
    parse_stream_free(r->stream);
    r->stream = NULL;
}

struct given_args {
    struct case_reader *r;
    struct arena *a;
    const struct plan *p;
    const struct source *src;
    const char *id;
    struct diag_list *errors;
    const struct case_facts *found;
    int n, outside;
};

static void copy_diags(struct diag_list *to, const struct diag_list *from)
{
    for (const struct diag *d = from->head; d; d = d->next)
        caseread_copy_diag(to, d);
}

static void given_work(void *ud)
{
    struct given_args *g = ud;
    struct case_record rec[2];
    struct sbuf *text = &g->r->text;
    int k;
    caseread_open_source(g->r, g->a, g->p, g->src);
    while ((k = caseread_records(g->r, g->a, text, rec)) > 0)
        for (int i = 0; i < k; i++) {
            long warnings = 0;
            struct case_facts *cf =
                caseread_case(g->r, g->a, text->p, &rec[i], &warnings);
            if (!cf->id && cf->errors->errors) { /* outside every case */
                g->outside += cf->errors->errors;
                copy_diags(g->errors, cf->errors);
                continue;
            }
            g->n++;
            if (!g->found && (!g->id || (cf->id && strcmp(cf->id, g->id) == 0)))
                g->found = cf;
        }
    if (g->found)
        copy_diags(g->errors, g->found->errors);
}

int caseread_given(struct arena *a, const struct plan *p,
                   const struct source *src, const char *id,
                   struct diag_list *errors, const struct case_facts **out,
                   int *outside)
{
    struct case_reader *r = xcalloc(1, sizeof *r);
    struct given_args g = {r, a, p, src, id, errors, NULL, 0, 0};
    int oom = arena_protect(given_work, &g);
    caseread_close(r);
    free(r);
    if (oom)
        arena_oom(); /* on, now that the reader's memory is freed */
    *out = g.found;
    *outside = g.outside;
    return g.n;
}
