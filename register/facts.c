/*
 * What the register keeps of a case and of a rule set, read back: the
 * facts a case gives, the rule set rebuilt from its stored texts, and a
 * case evaluated again from its stored text.
 */
#include "register/reg_int.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yajl/yajl_tree.h>

#include <sys/stat.h>

#include "cli/cli.h"

/* A .case block read fact by fact: where it is, and on which line. */
struct scan {
    const char *p;
    int line;
};

size_t reg_quote(const char *p)
{
    return *p == '"'                            ? 1
           : strncmp(p, "\xe3\x80\x8c", 3) == 0 ? 3 /* 「 */
           : strncmp(p, "\xe2\x80\x9c", 3) == 0 ? 3 /* “ */
                                                : 0;
}

const char *reg_quote_end(const char *p, const char *end)
{
    size_t k = reg_quote(p);
    const char *close = k == 1                  ? "\""
                        : (uint8_t)p[0] == 0xe3 ? "\xe3\x80\x8d"  /* 」 */
                                                : "\xe2\x80\x9d"; /* ” */
    size_t cl = strlen(close);
    for (p += k; p < end && *p && *p != '\n'; p++) {
        if (*p == '\\' && p + 1 < end && (p[1] == '\\' || p[1] == '"'))
            p++;
        else if ((size_t)(end - p) >= cl && memcmp(p, close, cl) == 0)
            return p + cl;
    }
    return p;
}

size_t reg_brace(const char *p, bool open)
{
    if (*p == (open ? '{' : '}'))
        return 1;
    return strncmp(p, open ? "\xef\xbd\x9b" : "\xef\xbd\x9d", 3) == 0 ? 3 : 0;
}

/* A separator between facts at p (, ; and the full-width ，；、): its
 * length, or 0. */
static size_t separator(const char *p)
{
    if (*p == ',' || *p == ';')
        return 1;
    return strncmp(p, "\xef\xbc\x8c", 3) == 0 ||         /* ， */
                   strncmp(p, "\xef\xbc\x9b", 3) == 0 || /* ； */
                   strncmp(p, "\xe3\x80\x81", 3) == 0    /* 、 */
               ? 3
               : 0;
}

/* p past a string (from its opening quote), on its line. */
static void skip_string(struct scan *s)
{
    s->p = reg_quote_end(s->p, s->p + strcspn(s->p, "\n"));
}

/* Spaces, commas, semicolons, comments and line ends skipped, lines
 * counted. */
static void skip_blank(struct scan *s)
{
    for (;;) {
        if (*s->p == '\n')
            s->line++;
        size_t k = separator(s->p);
        if (k)
            s->p += k;
        else if (*s->p && strchr(" \t\r\n", *s->p))
            s->p++;
        else if (*s->p == '#')
            s->p += strcspn(s->p, "\n");
        else
            return;
    }
}

/* "=" or the full-width "＝" at p: its length, or 0. */
static size_t equals(const char *p)
{
    return *p == '=' ? 1 : strncmp(p, "\xef\xbc\x9d", 3) == 0 ? 3 : 0;
}

/* Whether the word at p ends there: a space, a separator, a comment or
 * a closing brace. */
static bool word_ends(const char *p)
{
    return !*p || strchr(" \t\r\n#", *p) || separator(p) || reg_brace(p, false);
}

/* The value at s->p, as written, up to where it ends on its line: a
 * quoted string, a set {…}, or a word. Its end. */
static const char *value_end(struct scan *s)
{
    size_t k;
    if (reg_quote(s->p))
        skip_string(s);
    else if ((k = reg_brace(s->p, true))) {
        const char *end = s->p + strcspn(s->p, "\n");
        for (s->p += k; s->p < end && !(k = reg_brace(s->p, false));)
            s->p = reg_quote(s->p) ? reg_quote_end(s->p, end) : s->p + 1;
        s->p += s->p < end ? k : 0;
    } else
        while (!word_ends(s->p))
            s->p++;
    return s->p;
}

/* One fact NAME = VALUE at s->p, given to fn; false at the end of the
 * block. What cannot be read is skipped to the end of its line. */
static bool case_fact(struct scan *s, reg_fact_fn fn, void *ctx)
{
    skip_blank(s);
    if (!*s->p || reg_brace(s->p, false))
        return false;
    const char *name = s->p;
    while (!word_ends(s->p) && !equals(s->p))
        s->p++;
    const char *name_end = s->p;
    s->p += strspn(s->p, " \t");
    size_t eq = equals(s->p);
    if (!eq || name_end == name) {
        s->p += strcspn(s->p, "\n");
        return true;
    }
    s->p += eq;
    s->p += strspn(s->p, " \t");
    const char *v = s->p, *v_end = value_end(s);
    char *n = strndup(name, (size_t)(name_end - name));
    char *val = strndup(v, (size_t)(v_end - v));
    if (!n || !val)
        cli_out_of_memory();
    fn(ctx, n, val, s->line);
    free(n);
    free(val);
    return true;
}

/* The facts NAME = VALUE of a .case block, the head line's too (a block
 * may be written on one line), each with its line. */
static void case_facts(const char *text, int first, reg_fact_fn fn, void *ctx)
{
    struct scan s = {text, first};
    size_t k = 0;
    while (*s.p && !(k = reg_brace(s.p, true))) { /* case "ID" "title" */
        if (reg_quote(s.p))
            skip_string(&s);
        else
            s.line += *s.p++ == '\n';
    }
    s.p += k;
    while (case_fact(&s, fn, ctx))
        ;
}

/* A JSON value as a .case file writes it, into buf. */
static void json_value(yajl_val v, char *buf, size_t size)
{
    if (YAJL_IS_STRING(v))
        snprintf(buf, size, "%s", YAJL_GET_STRING(v));
    else if (YAJL_IS_NUMBER(v))
        snprintf(buf, size, "%s", YAJL_GET_NUMBER(v));
    else if (YAJL_IS_TRUE(v) || YAJL_IS_FALSE(v))
        snprintf(buf, size, "%s", YAJL_IS_TRUE(v) ? "true" : "false");
    else if (YAJL_IS_ARRAY(v)) {
        size_t k = (size_t)snprintf(buf, size, "{");
        for (size_t i = 0; i < v->u.array.len && k < size; i++) {
            const char *s = YAJL_GET_STRING(v->u.array.values[i]);
            k += (size_t)snprintf(buf + k, size - k, "%s%s", i ? ", " : "",
                                  s ? s : "?");
        }
        if (k < size)
            snprintf(buf + k, size - k, "}");
    } else
        snprintf(buf, size, "unknown");
}

static void jsonl_facts(const char *text, int line, reg_fact_fn fn, void *ctx)
{
    yajl_val doc = yajl_tree_parse(text, NULL, 0);
    const char *path[] = {"facts", NULL};
    yajl_val facts = doc ? yajl_tree_get(doc, path, yajl_t_object) : NULL;
    for (size_t i = 0; facts && i < facts->u.object.len; i++) {
        char buf[4096];
        json_value(facts->u.object.values[i], buf, sizeof buf);
        fn(ctx, facts->u.object.keys[i], buf, line);
    }
    yajl_tree_free(doc);
}

void reg_facts(const char *kind, const char *text, int first, reg_fact_fn fn,
               void *ctx)
{
    if (kind && strcmp(kind, "jsonl") == 0)
        jsonl_facts(text, first, fn, ctx);
    else if (kind)
        case_facts(text, first, fn, ctx);
}

int reg_tmp_open(struct reg_tmp *t)
{
    const char *base = getenv("TMPDIR");
    snprintf(t->dir, sizeof t->dir, "%s/rongcuo-register-XXXXXX",
             base && *base ? base : "/tmp");
    memset(&t->made, 0, sizeof t->made);
    return mkdtemp(t->dir) ? 0 : -1;
}

void reg_tmp_close(struct reg_tmp *t)
{
    for (size_t i = t->made.n; i-- > 0;)
        remove(t->made.v[i]);
    cli_paths_free(&t->made);
    rmdir(t->dir);
}

/* name (relative, without "..") written under the folder with its
 * folders; the path into out. */
int reg_tmp_write(struct reg_tmp *t, const char *name, const char *text,
                  size_t len, char *out, size_t size)
{
    while (*name == '/')
        name++;
    if (strstr(name, "..") ||
        (size_t)snprintf(out, size, "%s/%s", t->dir, name) >= size)
        return -1;
    for (char *p = out + strlen(t->dir) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        if (mkdir(out, 0700) == 0)
            cli_paths_add(&t->made, out);
        *p = '/';
    }
    bool again = access(out, F_OK) == 0; /* written before: listed */
    if (again)
        remove(out); /* a new file, not one truncated: the file system
                        need not write the old one out on close */
    FILE *f = fopen(out, "wb");
    if (!f)
        return -1;
    if (!again)
        cli_paths_add(&t->made, out);
    size_t w = fwrite(text, 1, len, f);
    return fclose(f) == 0 && w == len ? 0 : -1;
}

int reg_ruleset_files(struct reg *r, const char *sha256, struct reg_tmp *t,
                      char *first, size_t size)
{
    sqlite3_stmt *st;
    char path[1024];
    int ok = sqlite3_prepare_v2(r->db,
                                "SELECT f.name, t.text FROM ruleset_files f"
                                " JOIN rule_texts t ON t.sha256 = f.text_sha256"
                                " WHERE f.ruleset = ? ORDER BY f.idx",
                                -1, &st, NULL) == SQLITE_OK;
    *first = '\0';
    if (ok)
        sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
    while (ok && sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *text = sqlite3_column_blob(st, 1);
        size_t len = (size_t)sqlite3_column_bytes(st, 1);
        ok = name && reg_tmp_write(t, name, text ? text : "", len, path,
                                   sizeof path) == 0;
        if (ok && !*first)
            snprintf(first, size, "%s", path);
    }
    sqlite3_finalize(st);
    return ok && *first ? 0 : -1;
}

struct rc_ruleset *reg_ruleset(struct reg *r, const char *sha256)
{
    struct reg_tmp t;
    char first[1024];
    if (reg_tmp_open(&t) != 0)
        return NULL;
    struct rc_ruleset *rs =
        reg_ruleset_files(r, sha256, &t, first, sizeof first) == 0
            ? rc_ruleset_load(first, NULL)
            : NULL;
    const char *got = rs ? rc_ruleset_sha256(rs) : NULL;
    if (rs && (!got || strcmp(got, sha256) != 0)) {
        rc_ruleset_free(rs);
        rs = NULL;
    }
    reg_tmp_close(&t);
    return rs;
}

/* The folder where cases are written to be evaluated again, made once
 * for a check (reg_evaluate_end removes it). */
static struct reg_tmp eval_tmp;
static int eval_tmp_open;

void reg_evaluate_end(void)
{
    if (eval_tmp_open)
        reg_tmp_close(&eval_tmp);
    eval_tmp_open = 0;
}

/* The status word, verdict and measures of ev into the buffers. */
static void outcome(const struct rc_eval *ev, char status[16], char *verdict,
                    size_t vsize, char *measures, size_t msize)
{
    const char *v = rc_eval_verdict(ev), *m[64];
    snprintf(status, 16, "%s", reg_status_word(rc_eval_status(ev)));
    snprintf(verdict, vsize, "%s", v ? v : "");
    int n = rc_eval_list(ev, RC_MEASURES, m, 64);
    size_t k = (size_t)snprintf(measures, msize, "[");
    for (int i = 0; i < n && i < 64 && k < msize; i++)
        k += (size_t)snprintf(measures + k, msize - k, "%s\"%s\"", i ? "," : "",
                              m[i]);
    if (k < msize)
        snprintf(measures + k, msize - k, "]");
}

int reg_evaluate(const struct rc_ruleset *rs, const char *kind,
                 const char *text, char status[16], char *verdict, size_t vsize,
                 char *measures, size_t msize)
{
    char path[1024];
    if (!kind || !text || (!eval_tmp_open && reg_tmp_open(&eval_tmp) != 0))
        return -1;
    eval_tmp_open = 1;
    const char *name = strcmp(kind, "jsonl") == 0 ? "c.jsonl" : "c.case";
    struct rc_cases *cs = reg_tmp_write(&eval_tmp, name, text, strlen(text),
                                        path, sizeof path) == 0
                              ? rc_cases_open(rs, path)
                              : NULL;
    const struct rc_case *c = cs ? rc_cases_next(cs) : NULL;
    struct rc_eval *ev = c ? rc_eval_new(rs) : NULL;
    if (ev) {
        rc_evaluate(ev, c);
        outcome(ev, status, verdict, vsize, measures, msize);
    }
    rc_eval_free(ev);
    rc_cases_close(cs);
    return ev ? 0 : -1;
}
