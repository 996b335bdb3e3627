/*
 * rongcuo run --register: every case evaluated is added to the register,
 * with the rule set that gave its verdict, one transaction per batch.
 */
#include "register/reg_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "engine/sha256.h"

enum { BATCH = 1000 };

/* The whole file at path, NUL-terminated; NULL when it cannot be read. */
char *reg_slurp(const char *path, size_t *len);
char *reg_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    char *b = malloc(cap);
    for (size_t k; b && (k = fread(b + n, 1, cap - n - 1, f)) > 0;) {
        n += k;
        if (cap - n < 2) {
            char *m = realloc(b, cap *= 2);
            if (!m)
                free(b);
            b = m;
        }
    }
    fclose(f);
    if (!b)
        cli_out_of_memory();
    b[n] = '\0';
    *len = n;
    return b;
}

static int exec_bind(struct reg *r, const char *sql, int n, const char **v)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(r->db, sql, -1, &st, NULL);
    for (int i = 0; rc == SQLITE_OK && i < n; i++)
        rc = sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_finalize(st);
    return rc;
}

/* The rule set and its files' texts, each text once per hash. */
static int store_ruleset(struct reg *r, const struct rc_ruleset *rs)
{
    const char *sha = rc_ruleset_sha256(rs);
    const char *v[4] = {sha, rc_ruleset_policy(rs), rc_ruleset_version(rs)};
    int rc = exec_bind(r, "INSERT OR IGNORE INTO rulesets VALUES(?,?,?)", 3, v);
    const char *name;
    for (int i = 0; rc == SQLITE_OK && (name = rc_ruleset_file(rs, i)); i++) {
        size_t len;
        char *text = reg_slurp(name, &len), hex[65], idx[16];
        if (!text)
            return SQLITE_ERROR;
        struct sha256 s;
        sha256_init(&s);
        sha256_update(&s, text, len);
        sha256_hex(&s, hex);
        const char *t[2] = {hex, text};
        rc = exec_bind(r, "INSERT OR IGNORE INTO rule_texts VALUES(?,?)", 2, t);
        snprintf(idx, sizeof idx, "%d", i);
        const char *f[4] = {sha, idx, name, hex};
        if (rc == SQLITE_OK)
            rc = exec_bind(r,
                           "INSERT OR IGNORE INTO ruleset_files"
                           " VALUES(?,?,?,?)",
                           4, f);
        free(text);
    }
    return rc;
}

/* The hash of the last entry (64 zeros for the first) into prev. */
static int last_hash(struct reg *r, char prev[65])
{
    sqlite3_stmt *st;
    memset(prev, '0', 64);
    prev[64] = '\0';
    int rc = sqlite3_prepare_v2(
        r->db, "SELECT hash FROM entries ORDER BY seq DESC LIMIT 1", -1, &st,
        NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *h = (const char *)sqlite3_column_text(st, 0);
        snprintf(prev, 65, "%s", h ? h : "");
        rc = SQLITE_DONE;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A case file's text and where its lines start. */
struct text {
    char *s;
    size_t len;
    const char **line; /* line[i]: the start of line i + 1 */
    int nlines;
    const char *kind;
};

static void text_open(struct text *t, const char *path)
{
    memset(t, 0, sizeof *t);
    t->s = reg_slurp(path, &t->len);
    if (!t->s)
        return;
    t->line = malloc((t->len + 2) * sizeof *t->line);
    if (!t->line)
        cli_out_of_memory();
    t->line[t->nlines++] = t->s;
    for (char *p = t->s; (p = strchr(p, '\n')); p++)
        t->line[t->nlines++] = p + 1;
    const char *q = t->s + strspn(t->s, " \t\r\n");
    bool json = cli_has_suffix(path, ".jsonl") ||
                cli_has_suffix(path, ".ndjson") ||
                cli_has_suffix(path, ".json");
    t->kind = json || (!cli_has_suffix(path, ".case") && *q == '{') ? "jsonl"
                                                                    : "case";
}

/* Whether the head line [a, end) of a .case block closes it too: a '}'
 * after its last '{'. */
static bool one_line(const char *a, const char *end)
{
    const char *open = NULL;
    for (const char *p = a; p < end; p++)
        if (*p == '{')
            open = p;
    return open && memchr(open, '}', (size_t)(end - open)) != NULL;
}

/* The text of the case that starts on line (1-based): one JSON line, or
 * a .case block up to its closing brace. Newly allocated; NULL if none. */
static char *case_text(const struct text *t, int line)
{
    if (!t->s || line < 1 || line > t->nlines)
        return NULL;
    const char *a = t->line[line - 1], *b = a;
    int i = line;
    for (;;) {
        const char *nl = strchr(b, '\n');
        const char *end = nl ? nl : b + strlen(b);
        const char *q = b + strspn(b, " \t");
        if (strcmp(t->kind, "jsonl") == 0 || !nl || (*q == '}' && i > line) ||
            (i == line && one_line(b, end))) {
            b = end;
            break;
        }
        b = nl + 1;
        i++;
    }
    return strndup(a, (size_t)(b - a));
}

/* The names in list which of ev as a JSON array, into a new string. */
static char *json_names(const struct rc_eval *ev, enum rc_list which)
{
    int n = rc_eval_list(ev, which, NULL, 0);
    const char **v = calloc((size_t)(n > 0 ? n : 1), sizeof *v);
    size_t cap = 3;
    if (!v)
        cli_out_of_memory();
    rc_eval_list(ev, which, v, n);
    for (int i = 0; i < n; i++)
        cap += 2 * strlen(v[i]) + 3;
    char *s = malloc(cap), *p = s;
    if (!s)
        cli_out_of_memory();
    *p++ = '[';
    for (int i = 0; i < n; i++) {
        if (i)
            *p++ = ',';
        *p++ = '"';
        for (const char *c = v[i]; *c; c++) {
            if (*c == '"' || *c == '\\')
                *p++ = '\\';
            *p++ = *c;
        }
        *p++ = '"';
    }
    strcpy(p, "]");
    free(v);
    return s;
}

struct batch {
    struct reg *r;
    const struct rc_ruleset *rs;
    char prev[65], when[32];
    sqlite3_stmt *entry, *fact;
    long added;
    sqlite3_int64 seq;
    int err;
};

static void add_fact(void *ctx, const char *name, const char *value, int line)
{
    struct batch *b = ctx;
    sqlite3_stmt *st = b->fact;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, b->seq);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, value, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, line);
    if (sqlite3_step(st) != SQLITE_DONE)
        b->err = 1;
}

/* One entry: the fields f (f[REG_F_PREV] is b->prev), hashed and
 * inserted, then its facts. */
static void add_entry(struct batch *b, const char *f[REG_NF], int line)
{
    char hash[65];
    reg_entry_hash(f, hash);
    sqlite3_stmt *st = b->entry;
    sqlite3_reset(st);
    for (int i = REG_F_CASE; i < REG_NF; i++)
        sqlite3_bind_text(st, i, f[i], -1, SQLITE_STATIC);
    sqlite3_bind_int(st, REG_F_LINE, line);
    sqlite3_bind_text(st, REG_NF, f[REG_F_PREV], -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, REG_NF + 1, hash, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) {
        b->err = 1;
        return;
    }
    b->seq = sqlite3_last_insert_rowid(b->r->db);
    if (f[REG_F_TEXT])
        reg_facts(f[REG_F_KIND], f[REG_F_TEXT], line, add_fact, b);
    memcpy(b->prev, hash, sizeof hash);
    b->added++;
}

/* The case c as evaluated by ev, added to the batch. */
static void add_case(struct batch *b, struct rc_eval *ev,
                     const struct rc_case *c, const struct text *t)
{
    int line = 0;
    const char *src = rc_case_source(c, &line), *f[REG_NF] = {NULL};
    char lines[16];
    size_t len = 0;
    const char *json = rc_eval_render(ev, RC_JSON, RC_LANG_AUTO, &len);
    char *expl =
        json ? strndup(json, len && json[len - 1] == '\n' ? len - 1 : len)
             : strdup("null");
    char *text = case_text(t, line), *measures = json_names(ev, RC_MEASURES);
    if (!expl)
        cli_out_of_memory();
    snprintf(lines, sizeof lines, "%d", line);
    f[REG_F_PREV] = b->prev;
    f[REG_F_CASE] = rc_case_id(c);
    f[REG_F_TITLE] = rc_case_title(c);
    f[REG_F_FILE] = src;
    f[REG_F_LINE] = lines;
    f[REG_F_KIND] = text ? t->kind : NULL;
    f[REG_F_TEXT] = text;
    f[REG_F_STATUS] = reg_status_word(rc_eval_status(ev));
    f[REG_F_VERDICT] = rc_eval_verdict(ev);
    f[REG_F_MEASURES] = measures;
    f[REG_F_RULESET] = rc_ruleset_sha256(b->rs);
    f[REG_F_TIME] = b->when;
    f[REG_F_EXPLANATION] = expl;
    add_entry(b, f, line);
    free(expl);
    free(text);
    free(measures);
}

static const char insert_entry[] =
    "INSERT INTO entries(case_id, title, source_file, source_line,"
    " source_kind, source_text, status, verdict, measures, ruleset,"
    " recorded_at, explanation, prev_hash, hash)"
    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

/* Begin a batch: the write lock, the rule set, the last hash. */
static int batch_begin(struct batch *b)
{
    int rc = sqlite3_exec(b->r->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = store_ruleset(b->r, b->rs);
    if (rc == SQLITE_OK)
        rc = last_hash(b->r, b->prev);
    return rc;
}

static int batch_end(struct batch *b, int rc)
{
    if (rc == SQLITE_OK && !b->err)
        return sqlite3_exec(b->r->db, "COMMIT", NULL, NULL, NULL);
    sqlite3_exec(b->r->db, "ROLLBACK", NULL, NULL, NULL);
    return SQLITE_ERROR;
}

/* Every case of one file, BATCH a transaction. */
static int record_file(struct batch *b, struct rc_eval *ev, const char *path)
{
    struct text t;
    text_open(&t, path);
    struct rc_cases *cs = rc_cases_open(b->rs, path);
    if (!cs)
        cli_out_of_memory();
    int rc = SQLITE_OK, n = 0;
    for (const struct rc_case *c;
         rc == SQLITE_OK && !b->err && (c = rc_cases_next(cs));) {
        if (!rc_case_id(c))
            continue; /* not read far enough to be a case */
        if (n == 0 && (rc = batch_begin(b)) != SQLITE_OK)
            break;
        rc_evaluate(ev, c);
        add_case(b, ev, c, &t);
        if (++n == BATCH) {
            rc = batch_end(b, rc);
            n = 0;
        }
    }
    if (n > 0 || rc != SQLITE_OK)
        rc = batch_end(b, rc);
    rc_cases_close(cs);
    free(t.line);
    free(t.s);
    return rc;
}

long reg_record(struct reg *r, struct rc_ruleset *rs, const char *why_not,
                const char *const *files, int nfiles)
{
    struct batch b = {.r = r, .rs = rs};
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(b.when, sizeof b.when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    struct rc_eval *ev = rc_eval_new(rs);
    if (!ev)
        cli_out_of_memory();
    if (why_not)
        rc_eval_why_not(ev, why_not, NULL);
    int rc = sqlite3_prepare_v2(r->db, insert_entry, -1, &b.entry, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(r->db, "INSERT INTO facts VALUES(?,?,?,?)", -1,
                                &b.fact, NULL);
    for (int i = 0; rc == SQLITE_OK && i < nfiles; i++)
        rc = record_file(&b, ev, files[i]);
    if (rc != SQLITE_OK)
        reg_db_error(r);
    sqlite3_finalize(b.entry);
    sqlite3_finalize(b.fact);
    rc_eval_free(ev);
    return rc == SQLITE_OK ? b.added : -1;
}
