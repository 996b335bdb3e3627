#ifndef ENGINE_SBUF_H
#define ENGINE_SBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* A growable byte buffer for building output. */
struct sbuf {
    char *p;
    size_t len, cap;
};

/* Make room for n more bytes and the terminating NUL. */
void sb_grow(struct sbuf *b, size_t n);

/* The appends are inline: the traces make a great many small ones. The
 * buffer always ends in a NUL once anything was put. */
static inline void sb_put(struct sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap)
        sb_grow(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static inline void sb_puts(struct sbuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

static inline void sb_putc(struct sbuf *b, char c)
{
    if (b->len + 2 > b->cap)
        sb_grow(b, 1);
    b->p[b->len++] = c;
    b->p[b->len] = '\0';
}

/* b[off..off + n), a part of b itself, appended again. */
static inline void sb_again(struct sbuf *b, size_t off, size_t n)
{
    if (b->len + n + 1 > b->cap)
        sb_grow(b, n);
    memcpy(b->p + b->len, b->p + off, n);
    b->len += n;
    b->p[b->len] = '\0';
}

/* n decimal, with a minus sign when negative. */
void sb_long(struct sbuf *b, long n);
/* s in double quotes, with " and \\ escaped: a string as rule and case
 * files write it. */
void sb_quoted(struct sbuf *b, const char *s);
void sb_printf(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* s as text on one line: a backslash, a control character (C0, DEL, C1),
 * U+2028, U+2029 and a byte that is not UTF-8 are written escaped, as
 * \\, \t, \n, \r, \xHH (a byte) or \uHHHH (a code point), so that data
 * never starts a line, moves the cursor or sends a terminal command. */
void sb_text(struct sbuf *b, const char *s);
/* The same, but a backslash is left as it is: for a message of our own
 * that quotes a line of a file (a diagnostic), where the backslash is the
 * user's and the caret points at it. */
void sb_controls(struct sbuf *b, const char *s);
/* Whether sb_text writes s as it is (nothing in it is escaped). */
bool sb_plain(const char *s);
/* s as a JSON string, quotes included; every control character (C0, DEL,
 * C1) and U+2028, U+2029 escaped as \uHHHH (\n, \t, \r as such). */
void sb_json(struct sbuf *b, const char *s);
/* What sb_json writes between the quotes. */
void sb_json_chars(struct sbuf *b, const char *s);
/* b[start..len), which holds no NUL, rewritten as sb_json_chars writes
 * it. */
void sb_json_fix(struct sbuf *b, size_t start);
void sb_free(struct sbuf *b);

#endif
