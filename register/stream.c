/*
 * What run --register reads of each case as the run goes: the head of its
 * JSON trace (ID, title, source, status, verdict, measures), and its text
 * from its file, read forward (the cases come in input order), one case at
 * a time.
 */
#include "register/reg_int.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "cli/cli.h"

/* A growing string. */
static void grow(char **s, size_t *len, size_t *cap, const char *p, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t c = *cap ? *cap : 256;
        while (c < *len + n + 1)
            c *= 2;
        char *m = realloc(*s, c);
        if (!m)
            cli_out_of_memory();
        *s = m;
        *cap = c;
    }
    memcpy(*s + *len, p, n);
    *len += n;
    (*s)[*len] = '\0';
}

enum key {
    K_OTHER,
    K_CASE,
    K_TITLE,
    K_SOURCE,
    K_STATUS,
    K_VERDICT,
    K_MEASURES,
    K_FILE,
    K_LINE,
    K_ID
};

/* Where the parser is in the head of a trace. */
struct head_parse {
    struct reg_head *h;
    int depth;
    enum key key[4]; /* the key at each depth */
    size_t mlen, mcap;
};

static enum key key_of(const unsigned char *s, size_t n)
{
    static const char *const names[] = {"case",   "title",   "source",
                                        "status", "verdict", "measures",
                                        "file",   "line",    "id"};
    for (int i = 0; i < 9; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return (enum key)(i + 1);
    return K_OTHER;
}

static char *copy(const unsigned char *s, size_t n)
{
    char *c = strndup((const char *)s, n);
    if (!c)
        cli_out_of_memory();
    return c;
}

/* A measure's name added to the JSON array, escaped as the check
 * writes it (register/facts.c). */
static void add_measure(struct head_parse *p, const unsigned char *s, size_t n)
{
    struct reg_head *h = p->h;
    grow(&h->measures, &p->mlen, &p->mcap, p->mlen > 1 ? ",\"" : "\"",
         p->mlen > 1 ? 2 : 1);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"' || s[i] == '\\')
            grow(&h->measures, &p->mlen, &p->mcap, "\\", 1);
        grow(&h->measures, &p->mlen, &p->mcap, (const char *)s + i, 1);
    }
    grow(&h->measures, &p->mlen, &p->mcap, "\"", 1);
}

static int on_string(void *ctx, const unsigned char *s, size_t n)
{
    struct head_parse *p = ctx;
    struct reg_head *h = p->h;
    enum key k = p->key[1];
    if (p->depth == 1 && k == K_CASE)
        h->id = copy(s, n);
    else if (p->depth == 1 && k == K_TITLE)
        h->title = copy(s, n);
    else if (p->depth == 1 && k == K_STATUS)
        snprintf(h->status, sizeof h->status, "%.*s", (int)n, (const char *)s);
    else if (p->depth == 1 && k == K_VERDICT)
        h->verdict = copy(s, n);
    else if (p->depth == 2 && k == K_SOURCE && p->key[2] == K_FILE)
        h->file = copy(s, n);
    else if (k == K_MEASURES &&
             (p->depth == 2 || (p->depth == 3 && p->key[3] == K_ID)))
        add_measure(p, s, n);
    return 1;
}

static int on_integer(void *ctx, long long v)
{
    struct head_parse *p = ctx;
    if (p->depth == 2 && p->key[1] == K_SOURCE && p->key[2] == K_LINE)
        p->h->line = v > 0 && v < 2147483647 ? (int)v : 0;
    return 1;
}

static int on_key(void *ctx, const unsigned char *s, size_t n)
{
    struct head_parse *p = ctx;
    if (p->depth >= 1 && p->depth <= 3)
        p->key[p->depth] = key_of(s, n);
    return 1;
}

static int on_open(void *ctx)
{
    struct head_parse *p = ctx;
    p->depth++;
    if (p->depth <= 3)
        p->key[p->depth] = K_OTHER;
    return 1;
}

/* The end of the measures ends the head: stop there. */
static int on_close(void *ctx)
{
    struct head_parse *p = ctx;
    p->depth--;
    return !(p->depth == 1 && p->key[1] == K_MEASURES);
}

static const yajl_callbacks head_callbacks = {
    NULL,    NULL,   on_integer, NULL,    NULL,    on_string,
    on_open, on_key, on_close,   on_open, on_close};

int reg_trace_head(const char *json, size_t len, struct reg_head *h)
{
    memset(h, 0, sizeof *h);
    struct head_parse p = {.h = h};
    yajl_handle y = yajl_alloc(&head_callbacks, NULL, &p);
    if (!y)
        cli_out_of_memory();
    grow(&h->measures, &p.mlen, &p.mcap, "[", 1);
    yajl_status s = yajl_parse(y, (const unsigned char *)json, len);
    yajl_free(y);
    grow(&h->measures, &p.mlen, &p.mcap, "]", 1);
    return s == yajl_status_client_canceled && h->status[0] ? 0 : -1;
}

void reg_head_free(struct reg_head *h)
{
    free(h->id);
    free(h->title);
    free(h->file);
    free(h->verdict);
    free(h->measures);
    memset(h, 0, sizeof *h);
}

/* The next line of s->f into s->buf (with its newline, if any); its
 * length, or -1 at the end. */
static ssize_t next_line(struct reg_src *s)
{
    ssize_t n = getline(&s->buf, &s->cap, s->f);
    if (n >= 0)
        s->line++;
    return n;
}

/* path opened (again) from its start, and its kind found: JSON Lines by
 * its name, or by a first character '{' in a file not named .case. */
static bool src_open(struct reg_src *s, const char *path)
{
    reg_src_close(s);
    s->path = strdup(path);
    if (!s->path)
        cli_out_of_memory();
    if (!(s->f = fopen(path, "rb")))
        return false;
    int c;
    while ((c = getc(s->f)) == ' ' || c == '\t' || c == '\r' || c == '\n')
        ;
    rewind(s->f);
    bool json = cli_has_suffix(path, ".jsonl") ||
                cli_has_suffix(path, ".ndjson") ||
                cli_has_suffix(path, ".json");
    s->kind =
        json || (!cli_has_suffix(path, ".case") && c == '{') ? "jsonl" : "case";
    return true;
}

/* The braces of line [a, a + n) of a .case block counted into *depth,
 * outside strings and comments: whether the block ends on it. */
static bool block_ends(const char *a, size_t n, int *depth)
{
    bool ended = false;
    const char *end = a + n;
    for (const char *p = a; p < end && *p != '#';) {
        size_t k;
        if (reg_quote(p))
            p = reg_quote_end(p, end);
        else if ((k = reg_brace(p, true))) {
            (*depth)++;
            p += k;
        } else if ((k = reg_brace(p, false))) {
            if (*depth > 0)
                ended = --*depth == 0;
            p += k;
        } else
            p++;
    }
    return ended;
}

/* Whether line l starts a case (`case` or 案件, then a space or a
 * quote): the head of the next case after a block left open. */
static bool starts_case(const char *l)
{
    l += strspn(l, " \t");
    size_t k = strncmp(l, "case", 4) == 0                       ? 4
               : strncmp(l, "\xe6\xa1\x88\xe4\xbb\xb6", 6) == 0 ? 6
                                                                : 0;
    return k && (l[k] == ' ' || l[k] == '\t' || reg_quote(l + k));
}

/* The case's text from its head line, already in s->buf (n bytes): one
 * JSON line, or a .case block up to the line that closes its brace (or,
 * left open, up to the line before the next case's head, which is held
 * for it). */
static char *case_from(struct reg_src *s, ssize_t n)
{
    char *t = NULL;
    size_t len = 0, cap = 0;
    bool json = strcmp(s->kind, "jsonl") == 0, head = true;
    int depth = 0;
    for (; n >= 0; n = next_line(s), head = false) {
        const char *l = s->buf;
        bool nl = n > 0 && l[n - 1] == '\n';
        size_t body = (size_t)n - (nl ? 1 : 0);
        if (!json && !head && starts_case(l)) {
            s->held = n;
            if (len && t[len - 1] == '\n')
                t[--len] = '\0';
            return t;
        }
        if (json || !nl || block_ends(l, body, &depth)) {
            grow(&t, &len, &cap, l, body);
            return t;
        }
        grow(&t, &len, &cap, l, (size_t)n);
    }
    return t ? t : strdup("");
}

char *reg_src_case(struct reg_src *s, const char *path, int line,
                   const char **kind)
{
    *kind = NULL;
    if (!path || line < 1)
        return NULL;
    bool same = s->path && strcmp(s->path, path) == 0;
    bool held = same && s->f && s->held >= 0 && line == s->line;
    if (!held && (!same || !s->f || line <= s->line) && !src_open(s, path))
        return NULL;
    ssize_t n = held ? s->held : 0;
    s->held = -1;
    while (s->line < line && (n = next_line(s)) >= 0)
        ;
    if (s->line < line || n < 0)
        return NULL;
    *kind = s->kind;
    char *t = case_from(s, n);
    if (!t)
        cli_out_of_memory();
    return t;
}

void reg_src_close(struct reg_src *s)
{
    if (s->f)
        fclose(s->f);
    free(s->path);
    s->f = NULL;
    s->path = NULL;
    s->line = 0;
    s->held = -1;
}

void reg_src_free(struct reg_src *s)
{
    reg_src_close(s);
    free(s->buf);
    s->buf = NULL;
    s->cap = 0;
}
