#ifndef ENGINE_DIAG_H
#define ENGINE_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "engine/source.h"

struct arena;

enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag {
    struct diag *next;
    enum diag_severity severity;
    struct src_loc loc; /* loc.src == NULL: no position (e.g. a missing file) */
    const char *msg;
    const char *hint;  /* "did you mean …", or NULL */
    const void *owner; /* what it belongs to (a case block), or NULL */
};

/* Diagnostics in the order they were found; strings live in the arena.
 * Past LIMIT_ERRORS errors the list counts errors but keeps no more: one
 * note says so, and each error after it is handed back as the list's
 * sink, which nothing reads, so that setting its hint or owner is
 * harmless and costs no memory. */
struct diag_list {
    struct arena *arena;
    struct diag *head, *tail;
    int errors, warnings;
    struct diag sink; /* an error past the limit */
    char *more;       /* the text of the note that counts them */
};

void diag_init(struct diag_list *dl, struct arena *a);
/* The diagnostic added, whose hint and owner the caller may set: they
 * belong to it alone (the sink past the limit). */
struct diag *diag_add(struct diag_list *dl, enum diag_severity sev,
                      const struct src_loc *loc, const char *msg);
struct diag *diag_addf(struct diag_list *dl, enum diag_severity sev,
                       const struct src_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
struct diag *diag_vaddf(struct diag_list *dl, enum diag_severity sev,
                        const struct src_loc *loc, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
/* Attach a hint to d (printed as "hint: …" under the caret); nothing is
 * formatted for the sink. */
void diag_hintf(struct diag_list *dl, struct diag *d, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* file:line:col: severity: message, the source line, a caret line. */
void diag_print(const struct diag *d, FILE *out);
void diag_print_all(const struct diag_list *dl, FILE *out);

struct sbuf;
/* d as text, each line prefixed by indent. */
void diag_format(const struct diag *d, const char *indent, struct sbuf *out);
/* The caret line for loc: spaces by display width, then ^~~~. */
void diag_caret(const struct src_loc *loc, struct sbuf *out);

#endif
