#include "engine/api_int.h"

#include <errno.h>
#include <string.h>

#include "engine/errstr.h"
#include "engine/limits.h"

/*
 * Reading JSON Lines input for rc_cases_next and rc_cases_run: a line at a
 * time, each kept to LIMIT_LINE_BYTES while it is read; the cases that
 * stand for a line too long and for a read error; the case IDs seen.
 */

bool api_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

size_t api_chomp(const char *s, size_t n)
{
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    return n;
}

/* More input into cs->in; false at the end of the file, at a read error
 * (cs->read_err is set) or when the reading was given up. */
static bool api_refill(struct rc_cases *cs)
{
    cs->pos = cs->fill = 0;
    if (cs->ended)
        return false;
    for (;;) {
        errno = 0;
        cs->fill +=
            fread(cs->in + cs->fill, 1, sizeof cs->in - cs->fill, cs->f);
        if (cs->fill == sizeof cs->in || !ferror(cs->f) || errno != EINTR)
            break;
        clearerr(cs->f); /* a signal, not a read error: read on */
    }
    if (cs->fill < sizeof cs->in) { /* fread stops short only at the end */
        cs->ended = true;
        if (ferror(cs->f))
            cs->read_err = errno ? errno : EIO;
    }
    return cs->fill > 0;
}

/* The first line end (LF, or CR alone or before LF) in s[0..n), or NULL. */
static const char *api_line_end(const char *s, size_t n)
{
    const char *lf = memchr(s, '\n', n);
    const char *cr = memchr(s, '\r', lf ? (size_t)(lf - s) : n);
    return cr ? cr : lf;
}

/* The next line into cs->line (NUL bytes and all), at most
 * LIMIT_LINE_BYTES of it kept; its full length is returned, so that a
 * longer one can be refused. A line end is LF, CRLF or a lone CR. A line
 * with no end within LIMIT_FILE_BYTES sets cs->endless and ends the input
 * (a symlink to /dev/zero). -1 at the end, and at a read error: the line
 * it cut is not returned. */
ssize_t api_read_line(struct rc_cases *cs)
{
    size_t len = 0, total = 0;
    bool ended = false; /* the line has its line end */
    cs->endless = false;
    for (;;) {
        if (cs->pos == cs->fill && !api_refill(cs))
            break;
        if (cs->after_cr) { /* the LF of a CRLF split across two reads */
            cs->after_cr = false;
            if (cs->in[cs->pos] == '\n' && ++cs->pos == cs->fill)
                continue;
        }
        const char *start = cs->in + cs->pos;
        const char *nl = api_line_end(start, cs->fill - cs->pos);
        size_t n = nl ? (size_t)(nl - start) + 1 : cs->fill - cs->pos;
        if (nl && *nl == '\r') {
            if (cs->pos + n < cs->fill && nl[1] == '\n')
                n++; /* CRLF */
            else if (cs->pos + n == cs->fill)
                cs->after_cr = true;
        }
        size_t keep = total + n <= LIMIT_LINE_BYTES ? n
                      : total < LIMIT_LINE_BYTES    ? LIMIT_LINE_BYTES - total
                                                    : 0;
        if (len + keep + 1 > cs->linecap) {
            cs->linecap = (len + keep + 1) * 2;
            cs->line = xrealloc(cs->line, cs->linecap);
        }
        memcpy(cs->line + len, start, keep);
        len += keep;
        total += n;
        cs->pos += n;
        if ((ended = nl != NULL))
            break;
        if (total > LIMIT_FILE_BYTES) {
            cs->endless = cs->ended = true; /* give up: no more reads */
            cs->pos = cs->fill = 0;
            break;
        }
    }
    if (total == 0 || (cs->read_err && !ended && !cs->endless))
        return -1;
    cs->line[len] = '\0';
    return (ssize_t)total;
}

const char *api_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* The rest of the line was skipped; the case is an error. */
struct case_facts *api_long_line(struct arena *a, const struct plan *p,
                                 const char *path, const char *start,
                                 int lineno, bool endless,
                                 struct diag_list *errors)
{
    struct source *src = src_from_text(a, api_name(path), start, 64, lineno);
    struct src_loc loc = {src, lineno, 1, lineno, 2};
    struct diag *d;
    if (endless) {
        d = diag_addf(errors, DIAG_ERROR, &loc,
                      "line longer than %ld MiB, with no line end in %ld "
                      "MiB; the rest of the input is not read",
                      LIMIT_LINE_BYTES / (1024 * 1024),
                      LIMIT_FILE_BYTES / (1024 * 1024));
        d->hint = "JSON Lines input holds one case per line";
    } else {
        diag_addf(errors, DIAG_ERROR, &loc,
                  "line longer than %ld MiB; the case is not read",
                  LIMIT_LINE_BYTES / (1024 * 1024));
    }
    struct case_facts *cf = cases_new(a, p, errors);
    cf->loc = loc;
    return cf;
}

struct case_facts *api_read_error(struct arena *a, const struct plan *p,
                                  const char *path, int err, int lineno,
                                  struct diag_list *errors)
{
    struct source *src = src_from_text(a, api_name(path), "", 0, lineno);
    struct src_loc loc = {src, lineno, 1, lineno, 1};
    struct diag *d = diag_addf(errors, DIAG_ERROR, &loc, "cannot read '%s': %s",
                               api_name(path), errstr(err).s);
    if (lineno > 1)
        diag_hintf(errors, d,
                   "the cases before line %d were read, the rest were not",
                   lineno);
    struct case_facts *cf = cases_new(a, p, errors);
    cf->loc = loc;
    return cf;
}

void api_check_id(struct rc_cases *cs, struct case_facts *cf)
{
    if (!cf->id || cf->loc.first_line < 1)
        return;
    int first = cases_ids_add(&cs->ids, cf->id, cf->loc.first_line);
    if (first) {
        cases_id_twice(cf, first);
        cs->warnings++;
    }
}

long rc_cases_warnings(const struct rc_cases *cs)
{
    return cs ? cs->warnings : 0;
}
