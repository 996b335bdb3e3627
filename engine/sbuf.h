#ifndef ENGINE_SBUF_H
#define ENGINE_SBUF_H

#include <stddef.h>

/* A growable byte buffer for building output. */
struct sbuf {
    char *p;
    size_t len, cap;
};

void sb_put(struct sbuf *b, const char *s, size_t n);
void sb_puts(struct sbuf *b, const char *s);
void sb_putc(struct sbuf *b, char c);
void sb_printf(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* s as a JSON string, quotes included. */
void sb_json(struct sbuf *b, const char *s);
void sb_free(struct sbuf *b);

#endif
