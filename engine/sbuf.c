#include "engine/sbuf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"

static void reserve(struct sbuf *b, size_t n)
{
    if (b->len + n + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1)
        cap *= 2;
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}

void sb_put(struct sbuf *b, const char *s, size_t n)
{
    reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void sb_puts(struct sbuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

void sb_putc(struct sbuf *b, char c)
{
    sb_put(b, &c, 1);
}

static void put_long(struct sbuf *b, long v)
{
    char tmp[24];
    int i = (int)sizeof tmp;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[--i] = '-';
    sb_put(b, tmp + i, sizeof tmp - (size_t)i);
}

/* The traces print a great deal: %s, %d, %ld, %c, %.*s, %.Ns, %*s and %%
 * are done here; anything else goes to vsnprintf. */
static bool quick(struct sbuf *b, const char *f, va_list ap)
{
    for (; *f; f++) {
        const char *pct = strchr(f, '%');
        if (!pct) {
            sb_puts(b, f);
            return true;
        }
        sb_put(b, f, (size_t)(pct - f));
        f = pct + 1;
        if (*f == '%') {
            sb_putc(b, '%');
        } else if (*f == 's') {
            sb_puts(b, va_arg(ap, const char *));
        } else if (*f == 'd') {
            put_long(b, va_arg(ap, int));
        } else if (f[0] == 'l' && f[1] == 'd') {
            put_long(b, va_arg(ap, long));
            f++;
        } else if (*f == 'c') {
            sb_putc(b, (char)va_arg(ap, int));
        } else if (f[0] == '.' && f[1] == '*' && f[2] == 's') {
            int n = va_arg(ap, int);
            const char *s = va_arg(ap, const char *);
            sb_put(b, s, strnlen(s, (size_t)(n < 0 ? 0 : n)));
            f += 2;
        } else if (f[0] == '*' && f[1] == 's') {
            int w = va_arg(ap, int);
            const char *s = va_arg(ap, const char *);
            for (int k = (int)strlen(s); k < w; k++)
                sb_putc(b, ' ');
            sb_puts(b, s);
            f++;
        } else if (f[0] == '.' && f[1] >= '0' && f[1] <= '9') {
            char *end;
            long n = strtol(f + 1, &end, 10);
            if (*end != 's')
                return false;
            const char *s = va_arg(ap, const char *);
            sb_put(b, s, strnlen(s, (size_t)n));
            f = end;
        } else {
            return false;
        }
    }
    return true;
}

void sb_printf(struct sbuf *b, const char *fmt, ...)
{
    size_t start = b->len;
    va_list ap;
    va_start(ap, fmt);
    bool done = quick(b, fmt, ap);
    va_end(ap);
    if (done)
        return;
    b->len = start;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        sb_put(b, tmp, (size_t)n);
        return;
    }
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_json(struct sbuf *b, const char *s)
{
    sb_putc(b, '"');
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        sb_put(b, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"':
            sb_puts(b, "\\\"");
            break;
        case '\\':
            sb_puts(b, "\\\\");
            break;
        case '\n':
            sb_puts(b, "\\n");
            break;
        case '\t':
            sb_puts(b, "\\t");
            break;
        case '\r':
            sb_puts(b, "\\r");
            break;
        default:
            sb_printf(b, "\\u%04x", c);
        }
    }
    sb_put(b, run, (size_t)(s - run));
    sb_putc(b, '"');
}

void sb_free(struct sbuf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}
