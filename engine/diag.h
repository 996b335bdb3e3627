#ifndef ENGINE_DIAG_H
#define ENGINE_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "engine/lang.h"
#include "engine/source.h"

struct arena;

enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag {
    struct diag *next;
    enum diag_severity severity;
    struct src_loc loc; /* loc.src == NULL: no position (e.g. a missing file) */
    const char *msg;    /* in the language lang */
    const char *hint;   /* "did you mean …", or NULL */
    const void *owner;  /* what it belongs to (a case block), or NULL */
    int code;           /* enum msg (engine/msg.h), or -1: not from the
                           catalog, msg is the same in every language */
    enum lang lang;     /* of msg, hint, and the words "error", "hint" */
    const char *msgs[3], *hints[3]; /* by language, when from the catalog */
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
    char *more[3];    /* the text of the note that counts them */
    enum lang lang;   /* of the diagnostics added (diag_localize) */
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
/* A diagnostic from the catalog (engine/msg.h: use the DIAG macros), in
 * every language; and its hint (HINT). */
struct diag *diag_msg(struct diag_list *dl, enum diag_severity sev,
                      const struct src_loc *loc, int m, ...);
void diag_hint(struct diag_list *dl, struct diag *d, int m, ...);
/* A diagnostic m ("… '%s': %s") about the file what that failed with the
 * system's reason err, each version with the reason in its language
 * (errstr_in). Use DIAG_OS. */
struct diag *diag_os(struct diag_list *dl, enum diag_severity sev,
                     const struct src_loc *loc, int m, const char *what,
                     int err);
/* Put the diagnostics of dl in the order of their files (as each first
 * appears), lines and columns; those without a place first; the note that
 * counts errors past the limit last. Stable: a diagnostic and the ones
 * that explain it keep their order. */
void diag_sort(struct diag_list *dl);
/* Show every diagnostic of dl, and those added later, in lang. */
void diag_localize(struct diag_list *dl, enum lang lang);
/* The message and hint of d in lang (those of d when it has no version
 * in lang). */
const char *diag_msg_in(const struct diag *d, enum lang lang);
const char *diag_hint_in(const struct diag *d, enum lang lang);
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
/* The same in lang. */
void diag_format_in(const struct diag *d, const char *indent, enum lang lang,
                    struct sbuf *out);
/* The caret line for loc: spaces by display width, then ^~~~. */
void diag_caret(const struct src_loc *loc, struct sbuf *out);

#endif
