#include "engine/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/errstr.h"
#include "engine/limits.h"
#include "engine/msg.h"
#include "engine/sbuf.h"
#include "engine/lang.h"

#include <sys/stat.h>
#include <unistd.h>

/* The first line end (src_eol) in t[i..len), or len: memchr finds the
 * "\n" of a file with no "\r" in it. */
static size_t next_eol(const char *t, size_t len, size_t i)
{
    if (i >= len)
        return len;
    const char *nl = memchr(t + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - t) : len;
    const char *cr = memchr(t + i, '\r', e - i);
    while (cr && !src_eol(t, len, (size_t)(cr - t)))
        cr = memchr(cr + 1, '\r', e - (size_t)(cr + 1 - t));
    return cr ? (size_t)(cr - t) : e;
}

struct source *src_from_text(struct arena *a, const char *name,
                             const char *text, size_t len, int first_line)
{
    struct source *s = arena_alloc(a, sizeof *s);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    char *t = arena_strndup(a, text, len);
    s->name = arena_strdup(a, name);
    s->plain_name = sb_plain(name);
    s->text = t;
    s->len = len;
    s->first_line = first_line;
    int n = 1;
    for (size_t i = 0; (i = next_eol(t, len, i)) < len; i++)
        n++;
    s->line_start = arena_calloc(a, (size_t)n, sizeof *s->line_start);
    s->nlines = n;
    int k = 1;
    for (size_t i = 0; (i = next_eol(t, len, i)) < len; i++)
        s->line_start[k++] = i + 1;
    return s;
}

struct source *src_from_line(struct arena *a, const char *name, bool plain_name,
                             const char *text, size_t len, int line)
{
    struct source *s = arena_alloc(a, sizeof *s);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    s->name = name;
    s->plain_name = plain_name;
    s->text = arena_strndup(a, text, len);
    s->len = len;
    s->first_line = line;
    s->nlines = 1;
    s->line_start = arena_alloc(a, sizeof *s->line_start);
    return s;
}

struct copy_args {
    struct arena *a;
    const char *name, *text;
    size_t len;
    struct source *s;
};

static void copy_text(void *ud)
{
    struct copy_args *c = ud;
    c->s = src_from_text(c->a, c->name, c->text, c->len, 1);
}

/* Out of memory while reading: close and free, then arena_oom. */
static _Noreturn void src_read_oom(FILE *f, char *buf)
{
    free(buf);
    if (f != stdin)
        fclose(f);
    arena_oom();
}

/* The error for a file that is not a regular one. */
static void not_regular(struct diag_list *dl, const char *path, mode_t m)
{
    struct diag *d = S_ISDIR(m) ? DIAG(dl, DIAG_ERROR, NULL, read_folder, path)
                     : S_ISFIFO(m) ? DIAG(dl, DIAG_ERROR, NULL, read_fifo, path)
                     : S_ISCHR(m) || S_ISBLK(m)
                         ? DIAG(dl, DIAG_ERROR, NULL, read_device, path)
                     : S_ISSOCK(m)
                         ? DIAG(dl, DIAG_ERROR, NULL, read_socket, path)
                         : DIAG(dl, DIAG_ERROR, NULL, read_not_regular, path);
    HINT0(dl, d, read_name_a_file);
}

/* Open path for reading, refusing anything but a regular file; opened
 * without blocking, so that a FIFO with no writer is refused, not
 * waited on. */
static FILE *open_regular(const char *path, struct diag_list *dl)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        DIAG_OS(dl, DIAG_ERROR, NULL, cannot_open, path, errno);
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        not_regular(dl, path, st.st_mode);
        close(fd);
        return NULL;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl != -1)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        DIAG_OS(dl, DIAG_ERROR, NULL, cannot_open, path, errno);
        close(fd);
    }
    return f;
}

struct source *src_read_file(struct arena *a, const char *path,
                             struct diag_list *dl)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : open_regular(path, dl);
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        src_read_oom(f, NULL);
    size_t n;
    bool big = false;
    while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len > LIMIT_FILE_BYTES) {
            big = true;
            break;
        }
        if (len == cap) {
            char *more = realloc(buf, cap *= 2);
            if (!more)
                src_read_oom(f, buf);
            buf = more;
        }
    }
    int err = ferror(f);
    int saved = errno;
    if (f != stdin)
        fclose(f);
    if (err || big) {
        if (big)
            DIAG(dl, DIAG_ERROR, NULL, file_too_large, path,
                 LIMIT_FILE_BYTES / (1024 * 1024));
        else
            DIAG_OS(dl, DIAG_ERROR, NULL, cannot_read, path, saved);
        free(buf);
        return NULL;
    }
    struct copy_args c = {a, strcmp(path, "-") == 0 ? "<stdin>" : path, buf,
                          len, NULL};
    int oom = arena_protect(copy_text, &c);
    bool hidden = !src_rule_text(buf, len);
    free(buf);
    if (oom)
        arena_oom(); /* on, now that the buffer is freed */
    c.s->hidden = hidden;
    return c.s;
}

/* Past spaces, line ends and # comments from i; SIZE_MAX on a byte that
 * is not UTF-8. */
static size_t skip_blank(const char *t, size_t len, size_t i)
{
    bool comment = false;
    while (i < len) {
        uint32_t cp;
        int n = utf8_decode(t + i, len - i, &cp);
        if (n == 0)
            return SIZE_MAX;
        if (cp == '\n' || cp == '\r')
            comment = false;
        else if (cp == '#')
            comment = true;
        else if (!comment && cp != ' ' && cp != '\t' && cp != 0x3000)
            return i;
        i += (size_t)n;
    }
    return i;
}

bool src_policy_word(const char *t, size_t len)
{
    static const char *const words[] = {"政策", "規定", "规定", "細則",
                                        "细则", "標題", "标题"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == len && memcmp(t, words[i], len) == 0)
            return true;
    return false;
}

bool src_legacy_cjk(const char *text, size_t len)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t n = len < 4096 ? len : 4096, pairs = 0;
    bool utf8 = true;
    for (size_t i = 0; i < n; i++) {
        if (t[i] < 0x20 && t[i] != '\t' && t[i] != '\n' && t[i] != '\r')
            return false; /* a binary file */
        if (t[i] < 0x80)
            continue;
        uint32_t cp;
        int u = utf8_decode(text + i, len - i, &cp);
        if (u == 0)
            utf8 = false;
        if (i + 1 >= len || t[i] < 0x81 || t[i] == 0xFF || t[i + 1] < 0x40 ||
            t[i + 1] == 0x7F || t[i + 1] == 0xFF)
            return false; /* not a double-byte GBK or Big5 character */
        pairs++;
        i++;
    }
    return !utf8 && pairs > 0;
}

bool src_rule_text(const char *t, size_t len)
{
    size_t i = len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    i = skip_blank(t, len, i);
    if (i == SIZE_MAX)
        return false;
    if (i == len)
        return true;
    size_t w = i; /* the word: letters, digits, _ (as names are) */
    while (w < len) {
        uint32_t cp;
        int n = utf8_decode(t + w, len - w, &cp);
        bool letter =
            cp < 0x80 ? (cp == '_' || (cp | 0x20) - 'a' < 26 || cp - '0' < 10)
                      : !(cp < 0xC0 || (cp >= 0x2000 && cp < 0x2C00) ||
                          (cp >= 0x3000 && cp < 0x3040) ||
                          (cp >= 0xFE00 && cp < 0x10000));
        if (n == 0 || !letter)
            break;
        w += (size_t)n;
    }
    static const enum kw starts[] = {
        KW_POLICY,  KW_EXTENDS, KW_FACT,  KW_CONCLUSION, KW_LIST, KW_RULE,
        KW_MEASURE, KW_VERDICT, KW_AMEND, KW_REPEAL,     KW_CASE, KW_TEST,
    };
    if (src_policy_word(t + i, w - i))
        return true;
    int k = kw_lookup(t + i, w - i, NULL);
    for (size_t j = 0; j < sizeof starts / sizeof *starts; j++)
        if (k == (int)starts[j])
            return true;
    return false;
}

bool src_eol(const char *text, size_t len, size_t i)
{
    return text[i] == '\n' ||
           (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'));
}

const char *src_line(const struct source *s, int line, size_t *len)
{
    int i = line - s->first_line;
    if (i < 0 || i >= s->nlines) {
        *len = 0;
        return "";
    }
    size_t b = s->line_start[i];
    size_t e = i + 1 < s->nlines ? s->line_start[i + 1] - 1 : s->len;
    if (e > b && s->text[e] == '\n' && s->text[e - 1] == '\r')
        e--;
    *len = e - b;
    return s->text + b;
}

int utf8_decode(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0)
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    int n;
    uint32_t c, min;
    if ((s[0] & 0xE0) == 0xC0) {
        n = 2, c = s[0] & 0x1F, min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        n = 3, c = s[0] & 0x0F, min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        n = 4, c = s[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)n > len)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

int utf8_width(uint32_t c)
{
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
        (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
        (c >= 0x20000 && c <= 0x3FFFD))
        return 2;
    return 1;
}

int utf8_count(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

size_t utf8_offset(const char *s, size_t len, int col)
{
    size_t i = 0;
    for (int c = 1; c < col && i < len; c++) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

char *src_relative(struct arena *a, const char *from, const char *rel)
{
    const char *slash = strrchr(from, '/');
    char *joined =
        rel[0] == '/' || !slash
            ? arena_strdup(a, rel)
            : arena_printf(a, "%.*s/%s", (int)(slash - from), from, rel);
    size_t n = strlen(joined);
    char *out = arena_alloc(a, n + 1);
    size_t o = 0;
    int kept = 0; /* segments in out that ".." may remove */
    for (char *seg = joined; seg <= joined + n;) {
        char *end = strchr(seg, '/');
        if (!end)
            end = joined + n;
        size_t len = (size_t)(end - seg);
        bool dots = len == 2 && seg[0] == '.' && seg[1] == '.';
        if ((len == 1 && seg[0] == '.') || (len == 0 && seg != joined)) {
            /* "." and empty segments add nothing */
        } else if (dots && kept > 0) {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--;
            kept--;
        } else {
            if ((o > 0 && out[o - 1] != '/') || (seg == joined && len == 0))
                out[o++] = '/';
            memcpy(out + o, seg, len);
            o += len;
            kept += !dots && len;
        }
        seg = end + 1;
    }
    out[o] = '\0';
    return out;
}
