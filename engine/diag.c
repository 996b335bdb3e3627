#include "engine/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/errstr.h"
#include "engine/limits.h"
#include "engine/msg.h"
#include "engine/sbuf.h"

void diag_init(struct diag_list *dl, struct arena *a)
{
    memset(dl, 0, sizeof *dl);
    dl->arena = a;
}

static bool past_limit(const struct diag_list *dl, enum diag_severity sev)
{
    return sev == DIAG_ERROR && dl->errors >= LIMIT_ERRORS;
}

/* Past LIMIT_ERRORS errors a list keeps counting but stores no more: one
 * last note says so, and the error is handed back as the list's sink. */
struct diag *diag_add(struct diag_list *dl, enum diag_severity sev,
                      const struct src_loc *loc, const char *msg)
{
    if (past_limit(dl, sev)) {
        enum { MORE = 128 };
        if (dl->errors++ == LIMIT_ERRORS) {
            for (int k = 0; k < 3; k++)
                dl->more[k] = arena_alloc(dl->arena, MORE);
            struct diag *n = diag_add(dl, DIAG_NOTE, loc, dl->more[0]);
            n->code = MSG_more_errors;
            for (int k = 0; k < 3; k++)
                n->msgs[k] = dl->more[k];
            n->msg = n->msgs[dl->lang];
        }
        int left = dl->errors - LIMIT_ERRORS; /* rewritten as more come */
        enum msg m = left == 1 ? MSG_ID(more_error, left, LIMIT_ERRORS)
                               : MSG_ID(more_errors, left, LIMIT_ERRORS);
        for (int k = 0; k < 3; k++)
            snprintf(dl->more[k], MORE, msg_fmt(m, (enum lang)k), left,
                     LIMIT_ERRORS);
        dl->sink = (struct diag){.severity = sev, .msg = msg, .code = -1};
        return &dl->sink;
    }
    struct diag *d = arena_alloc(dl->arena, sizeof *d);
    d->severity = sev;
    if (loc)
        d->loc = *loc;
    d->msg = msg;
    d->code = -1;
    d->lang = dl->lang;
    if (dl->tail)
        dl->tail->next = d;
    else
        dl->head = d;
    dl->tail = d;
    if (sev == DIAG_ERROR)
        dl->errors++;
    else if (sev == DIAG_WARNING)
        dl->warnings++;
    return d;
}

static char *vfmt(struct arena *a, const char *fmt, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (n < 0)
        n = 0;
    char *s = arena_alloc(a, (size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

struct diag *diag_vaddf(struct diag_list *dl, enum diag_severity sev,
                        const struct src_loc *loc, const char *fmt, va_list ap)
{
    if (past_limit(dl, sev)) /* not kept: not formatted */
        return diag_add(dl, sev, loc, "");
    return diag_add(dl, sev, loc, vfmt(dl->arena, fmt, ap));
}

struct diag *diag_addf(struct diag_list *dl, enum diag_severity sev,
                       const struct src_loc *loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    struct diag *d = diag_vaddf(dl, sev, loc, fmt, ap);
    va_end(ap);
    return d;
}

void diag_hintf(struct diag_list *dl, struct diag *d, const char *fmt, ...)
{
    if (d == &dl->sink)
        return;
    va_list ap;
    va_start(ap, fmt);
    d->hint = vfmt(dl->arena, fmt, ap);
    va_end(ap);
}

struct diag *diag_msg(struct diag_list *dl, enum diag_severity sev,
                      const struct src_loc *loc, int m, ...)
{
    if (past_limit(dl, sev)) /* not kept: not formatted */
        return diag_add(dl, sev, loc, "");
    const char *t[3];
    for (int k = 0; k < 3; k++) {
        va_list ap;
        va_start(ap, m);
        t[k] = vfmt(dl->arena, msg_fmt((enum msg)m, (enum lang)k), ap);
        va_end(ap);
    }
    struct diag *d = diag_add(dl, sev, loc, t[dl->lang]);
    d->code = m;
    for (int k = 0; k < 3; k++)
        d->msgs[k] = t[k];
    return d;
}

static __attribute__((format(printf, 2, 3))) char *afmt(struct arena *a,
                                                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *t = vfmt(a, fmt, ap);
    va_end(ap);
    return t;
}

struct diag *diag_os(struct diag_list *dl, enum diag_severity sev,
                     const struct src_loc *loc, int m, const char *what,
                     int err)
{
    struct diag *d = diag_msg(dl, sev, loc, m, what, errstr(err).s);
    if (d == &dl->sink || !d->msgs[0])
        return d;
    for (int k = 1; k < 3; k++)
        d->msgs[k] = afmt(dl->arena, msg_fmt((enum msg)m, (enum lang)k), what,
                          errstr_in(err, (enum lang)k).s);
    d->msg = d->msgs[dl->lang];
    return d;
}

void diag_hint(struct diag_list *dl, struct diag *d, int m, ...)
{
    if (d == &dl->sink)
        return;
    for (int k = 0; k < 3; k++) {
        va_list ap;
        va_start(ap, m);
        d->hints[k] = vfmt(dl->arena, msg_fmt((enum msg)m, (enum lang)k), ap);
        va_end(ap);
    }
    d->hint = d->hints[d->lang];
}

static int lang_index(enum lang lang)
{
    return lang == LANG_ZH_HANS ? 2 : lang == LANG_EN ? 0 : 1;
}

const char *diag_msg_in(const struct diag *d, enum lang lang)
{
    const char *m = d->msgs[lang_index(lang)];
    return m ? m : d->msg;
}

const char *diag_hint_in(const struct diag *d, enum lang lang)
{
    const char *h = d->hints[lang_index(lang)];
    return h ? h : d->hint;
}

/* The sort key of d: the rank of its file, line, column. */
struct diag_key {
    int file, line, col;
};

static bool key_less(const struct diag_key *a, const struct diag_key *b)
{
    if (a->file != b->file)
        return a->file < b->file;
    if (a->line != b->line)
        return a->line < b->line;
    return a->col < b->col;
}

void diag_sort(struct diag_list *dl)
{
    int n = 0;
    for (const struct diag *d = dl->head; d; d = d->next)
        n++;
    if (n < 2 || n > LIMIT_ERRORS * 4)
        return; /* a list that long is cut short: left as found */
    struct diag **v = arena_calloc(dl->arena, (size_t)n, sizeof *v);
    struct diag_key *k = arena_calloc(dl->arena, (size_t)n, sizeof *k);
    const char **files = arena_calloc(dl->arena, (size_t)n, sizeof *files);
    int nfiles = 0, i = 0;
    for (struct diag *d = dl->head; d; d = d->next, i++) {
        v[i] = d;
        int rank = -1; /* no place: first */
        if (d->code == MSG_more_errors || d->code == MSG_more_error) {
            rank = n; /* the note that counts the rest: last */
        } else if (d->loc.src) {
            for (rank = 0; rank < nfiles; rank++)
                if (strcmp(files[rank], d->loc.src->name) == 0)
                    break;
            if (rank == nfiles)
                files[nfiles++] = d->loc.src->name;
        }
        k[i] = (struct diag_key){rank, d->loc.first_line, d->loc.first_column};
    }
    for (int a = 1; a < n; a++) { /* insertion sort: stable, lists short */
        struct diag *d = v[a];
        struct diag_key kd = k[a];
        int b = a;
        for (; b > 0 && key_less(&kd, &k[b - 1]); b--) {
            v[b] = v[b - 1];
            k[b] = k[b - 1];
        }
        v[b] = d;
        k[b] = kd;
    }
    for (i = 0; i < n; i++)
        v[i]->next = i + 1 < n ? v[i + 1] : NULL;
    dl->head = v[0];
    dl->tail = v[n - 1];
}

void diag_localize(struct diag_list *dl, enum lang lang)
{
    dl->lang = (enum lang)lang_index(lang);
    for (struct diag *d = dl->head; d; d = d->next) {
        d->msg = diag_msg_in(d, dl->lang);
        d->hint = diag_hint_in(d, dl->lang);
        d->lang = dl->lang;
    }
}

static const char *sev_name(enum diag_severity s, enum lang lang)
{
    switch (s) {
    case DIAG_ERROR:
        return MSG(sev_error, lang);
    case DIAG_WARNING:
        return MSG(sev_warning, lang);
    case DIAG_NOTE:
        return MSG(sev_note, lang);
    }
    return MSG(sev_error, lang);
}

/* Long lines are shown as a window of this many code points around the
 * column, marked with "…". */
#define WINDOW 120

static const char *window(const struct src_loc *loc, size_t *len, int *col)
{
    const char *line = src_line(loc->src, loc->first_line, len);
    *col = 1;
    if (utf8_count(line, *len) <= WINDOW)
        return line;
    int start =
        loc->first_column > WINDOW / 2 ? loc->first_column - WINDOW / 2 : 1;
    size_t b = utf8_offset(line, *len, start);
    size_t e = b + utf8_offset(line + b, *len - b, WINDOW + 1);
    *col = start;
    *len = e - b;
    return line + b;
}

/* The caret line: tabs kept, other code points padded by display width. */
void diag_caret(const struct src_loc *loc, struct sbuf *out)
{
    size_t len;
    int col;
    const char *line = window(loc, &len, &col);
    size_t i = 0;
    if (col > 1)
        sb_putc(out, ' '); /* under the "…" */
    while (i < len && col < loc->first_column) {
        uint32_t cp;
        int n = utf8_decode(line + i, len - i, &cp);
        if (n == 0) {
            n = 1;
            cp = '?';
        }
        if (cp == '\t')
            sb_putc(out, '\t');
        else
            for (int w = utf8_width(cp); w > 0; w--)
                sb_putc(out, ' ');
        i += (size_t)n;
        col++;
    }
    sb_putc(out, '^');
    int end = loc->last_line == loc->first_line ? loc->last_column
                                                : utf8_count(line, len) + 1;
    int first = 1;
    while (i < len && col < end) {
        uint32_t cp;
        int n = utf8_decode(line + i, len - i, &cp);
        if (n == 0) {
            n = 1;
            cp = '?';
        }
        for (int k = first; k < utf8_width(cp); k++)
            sb_putc(out, '~');
        first = 0;
        i += (size_t)n;
        col++;
    }
    sb_putc(out, '\n');
}

void diag_format(const struct diag *d, const char *indent, struct sbuf *out)
{
    diag_format_in(d, indent, d->lang, out);
}

void diag_format_in(const struct diag *d, const char *indent, enum lang lang,
                    struct sbuf *out)
{
    const struct src_loc *l = &d->loc;
    /* a message not yet in the catalog is English, and so are its words */
    enum lang wl = d->code >= 0 ? lang : LANG_EN;
    sb_puts(out, indent);
    if (l->src) {
        sb_controls(out, l->src->name);
        sb_printf(out, ":%d:%d: %s: ", l->first_line, l->first_column,
                  sev_name(d->severity, wl));
    } else {
        sb_printf(out, "rongcuo: %s: ", sev_name(d->severity, wl));
    }
    sb_controls(out, diag_msg_in(d, lang)); /* it may quote case data */
    sb_putc(out, '\n');
    if (l->src && l->first_line > 0 && !l->src->hidden) {
        size_t len, full;
        int col;
        const char *line = window(l, &len, &col);
        src_line(l->src, l->first_line, &full);
        char num[16];
        int w = snprintf(num, sizeof num, "%d", l->first_line);
        sb_printf(out, "%s %s | %s", indent, num, col > 1 ? "…" : "");
        /* keep control characters and broken UTF-8 out of the terminal */
        for (size_t i = 0; i < len;) {
            uint32_t cp;
            int n = utf8_decode(line + i, len - i, &cp);
            if (n == 0 || (cp < 0x20 && cp != '\t') || cp == 0x7f ||
                (cp >= 0x80 && cp < 0xa0)) {
                sb_putc(out, '?');
                i += n ? (size_t)n : 1;
            } else {
                sb_put(out, line + i, (size_t)n);
                i += (size_t)n;
            }
        }
        if (line + len < src_line(l->src, l->first_line, &full) + full)
            sb_puts(out, "…");
        sb_printf(out, "\n%s %*s | ", indent, w, "");
        diag_caret(l, out);
    }
    const char *hint = diag_hint_in(d, lang);
    if (hint) {
        sb_printf(out, "%s  %s: ", indent, MSG(sev_hint, wl));
        sb_controls(out, hint);
        sb_putc(out, '\n');
    }
}

void diag_print(const struct diag *d, FILE *out)
{
    struct sbuf b = {0};
    diag_format(d, "", &b);
    fwrite(b.p, 1, b.len, out);
    sb_free(&b);
}

void diag_print_all(const struct diag_list *dl, FILE *out)
{
    for (const struct diag *d = dl->head; d; d = d->next)
        diag_print(d, out);
}
