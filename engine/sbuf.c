#include "engine/sbuf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/source.h"

void sb_grow(struct sbuf *b, size_t n)
{
    if (b->len + n + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1)
        cap *= 2;
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}

void sb_long(struct sbuf *b, long v)
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
    for (;;) {
        const char *run = f;
        while (*f && *f != '%')
            f++;
        if (f > run)
            sb_put(b, run, (size_t)(f - run));
        if (!*f)
            return true;
        f++;
        if (*f == '%') {
            sb_putc(b, '%');
        } else if (*f == 's') {
            sb_puts(b, va_arg(ap, const char *));
        } else if (*f == 'd') {
            sb_long(b, va_arg(ap, int));
        } else if (f[0] == 'l' && f[1] == 'd') {
            sb_long(b, va_arg(ap, long));
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
        f++;
    }
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
    sb_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* The escape for the n-byte character cp at s, or NULL when it needs none;
 * tmp holds the text when one is made. */
static const char *text_escape(const char *s, int n, uint32_t cp, char *tmp,
                               bool backslash)
{
    static const char hex[] = "0123456789abcdef";
    if (n == 0) {
        unsigned char c = (unsigned char)*s;
        snprintf(tmp, 8, "\\x%c%c", hex[c >> 4], hex[c & 15]);
        return tmp;
    }
    if (cp == '\\')
        return backslash ? "\\\\" : NULL;
    if (cp == '\t')
        return "\\t";
    if (cp == '\n')
        return "\\n";
    if (cp == '\r')
        return "\\r";
    if (cp < 0x20 || cp == 0x7f) {
        snprintf(tmp, 8, "\\x%c%c", hex[cp >> 4], hex[cp & 15]);
        return tmp;
    }
    if ((cp >= 0x80 && cp < 0xa0) || cp == 0x2028 || cp == 0x2029) {
        snprintf(tmp, 8, "\\u%04x", (unsigned)cp);
        return tmp;
    }
    return NULL;
}

static void text(struct sbuf *b, const char *s, bool backslash)
{
    const char *run = s;
    size_t left = strlen(s);
    while (left > 0) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c < 0x7f && (c != '\\' || !backslash)) {
            s++, left--;
            continue;
        }
        /* U+3000 to U+CFFF and U+E000 to U+FFFF (lead bytes E3 to EC, EE,
         * EF; the CJK range): never escaped, so skip them undecoded. */
        if (c >= 0xe3 && c != 0xed && c <= 0xef && left >= 3 &&
            ((unsigned char)s[1] & 0xc0) == 0x80 &&
            ((unsigned char)s[2] & 0xc0) == 0x80) {
            s += 3, left -= 3;
            continue;
        }
        uint32_t cp = 0;
        int n = utf8_decode(s, left, &cp);
        char tmp[8];
        const char *esc = text_escape(s, n, cp, tmp, backslash);
        size_t step = n ? (size_t)n : 1;
        if (esc) {
            sb_put(b, run, (size_t)(s - run));
            sb_puts(b, esc);
            run = s + step;
        }
        s += step, left -= step;
    }
    sb_put(b, run, (size_t)(s - run));
    if (!b->p)
        sb_put(b, "", 0);
}

bool sb_plain(const char *s)
{
    for (size_t left = strlen(s); left > 0;) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            s++, left--;
            continue;
        }
        uint32_t cp = 0;
        int n = utf8_decode(s, left, &cp);
        char tmp[8];
        if (text_escape(s, n, cp, tmp, true))
            return false;
        s += n, left -= (size_t)n;
    }
    return true;
}

void sb_text(struct sbuf *b, const char *s)
{
    text(b, s, true);
}

void sb_controls(struct sbuf *b, const char *s)
{
    text(b, s, false);
}

/* Bytes sb_json looks at: controls, DEL, '"', '\\' and the lead bytes of
 * C1 (C2) and of U+2028, U+2029 (E2). */
static const unsigned char json_special[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
    [0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1,
    [0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1,
    [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
    [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1,
    [0x1e] = 1, [0x1f] = 1, ['"'] = 1,  ['\\'] = 1, [0x7f] = 1, [0xc2] = 1,
    [0xe2] = 1,
};

/* \u00HH for the byte c. */
static void json_u(struct sbuf *b, unsigned c)
{
    static const char hex[] = "0123456789abcdef";
    char u[6] = {'\\', 'u', '0', '0', hex[c >> 4 & 15], hex[c & 15]};
    sb_put(b, u, sizeof u);
}

/* The escape of the special byte at s, written to b; returns the bytes of
 * s it stands for, or 0 when they need none. */
static size_t json_escape(struct sbuf *b, const char *s)
{
    unsigned char c = (unsigned char)*s, c1 = (unsigned char)s[1];
    if (c == 0xc2) {
        if (c1 < 0x80 || c1 >= 0xa0)
            return 0;
        json_u(b, c1); /* C1 */
        return 2;
    }
    if (c == 0xe2) {
        if (c1 != 0x80 || ((unsigned char)s[2] & 0xfe) != 0xa8)
            return 0;
        sb_put(b, s[2] == '\xa8' ? "\\u2028" : "\\u2029", 6);
        return 3;
    }
    switch (c) {
    case '"':
        sb_put(b, "\\\"", 2);
        break;
    case '\\':
        sb_put(b, "\\\\", 2);
        break;
    case '\n':
        sb_put(b, "\\n", 2);
        break;
    case '\t':
        sb_put(b, "\\t", 2);
        break;
    case '\r':
        sb_put(b, "\\r", 2);
        break;
    default:
        json_u(b, c);
    }
    return 1;
}

void sb_json(struct sbuf *b, const char *s)
{
    sb_putc(b, '"');
    sb_json_chars(b, s);
    sb_putc(b, '"');
}

void sb_json_chars(struct sbuf *b, const char *s)
{
    const char *run = s;
    for (;;) {
        while (!json_special[(unsigned char)*s])
            s++;
        if (!*s)
            break;
        sb_put(b, run, (size_t)(s - run));
        size_t n = json_escape(b, s);
        if (n == 0) { /* C2 or E2 that starts no escaped character */
            run = s++;
            continue;
        }
        s += n;
        run = s;
    }
    sb_put(b, run, (size_t)(s - run));
}

void sb_json_fix(struct sbuf *b, size_t start)
{
    size_t i = start;
    while (i < b->len && !json_special[(unsigned char)b->p[i]])
        i++;
    if (i == b->len)
        return;
    size_t n = b->len - i;
    char *tmp = xmalloc(n + 1);
    memcpy(tmp, b->p + i, n + 1); /* with the NUL */
    b->len = i;
    sb_json_chars(b, tmp);
    free(tmp);
}

void sb_free(struct sbuf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

void sb_quoted(struct sbuf *b, const char *s)
{
    sb_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            sb_putc(b, '\\');
        sb_putc(b, *s);
    }
    sb_putc(b, '"');
}
