/*
 * rongcuo run --register: every case evaluated is added to the register,
 * with the rule set that gave its verdict, one transaction per batch of
 * the run, from the JSON trace the run's workers render beside the
 * user's output (rc_cases_run_also), on the thread that hands them out.
 */
#include "register/reg_int.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "engine/sha256.h"

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

/* A fact of a case, held until the facts are inserted together. */
struct reg_fact {
    char *name, *value;
    int line;
};
enum { REG_FACT_ROWS = 32 }; /* facts inserted by one statement at most */

struct reg_run {
    struct reg *r;
    const struct rc_ruleset *rs;
    char prev[65], when[32];
    sqlite3_stmt *entry;
    sqlite3_stmt *facts[REG_FACT_ROWS + 1]; /* [n]: n rows, made when needed */
    long added;
    sqlite3_int64 seq;
    bool open;    /* a transaction is open */
    int err;      /* SQLite's code for the first failure, or 0 */
    char *errmsg; /* and its text */
    struct reg_src src;
    char *expl; /* the explanation of the case being added */
    size_t ecap;
    int fact_err;
    struct reg_fact pend[REG_FACT_ROWS]; /* facts not yet inserted */
    int npend;
};

/* The first failure kept (the recording stops there), its transaction
 * rolled back. */
static void run_fail(struct reg_run *rr, int rc)
{
    if (!rr->err) {
        int code = sqlite3_errcode(rr->r->db);
        rr->err = code != SQLITE_OK ? code : rc != SQLITE_OK ? rc : 1;
        rr->errmsg = strdup(sqlite3_errmsg(rr->r->db));
    }
    if (rr->open)
        sqlite3_exec(rr->r->db, "ROLLBACK", NULL, NULL, NULL);
    rr->open = false;
}

/* The statement inserting n facts at once, prepared on first use. */
static sqlite3_stmt *facts_stmt(struct reg_run *rr, int n)
{
    if (!rr->facts[n]) {
        char sql[sizeof "INSERT INTO facts VALUES" +
                 REG_FACT_ROWS * sizeof ",(?,?,?,?)"] =
            "INSERT INTO facts VALUES";
        for (int i = 0; i < n; i++)
            strcat(sql, i ? ",(?,?,?,?)" : "(?,?,?,?)");
        if (sqlite3_prepare_v2(rr->r->db, sql, -1, &rr->facts[n], NULL) !=
            SQLITE_OK)
            rr->facts[n] = NULL;
    }
    return rr->facts[n];
}

/* The facts held inserted, in one statement; their copies freed. */
static void flush_facts(struct reg_run *rr)
{
    int n = rr->npend;
    sqlite3_stmt *st = n && !rr->fact_err ? facts_stmt(rr, n) : NULL;
    for (int i = 0; st && i < n; i++) {
        struct reg_fact *f = &rr->pend[i];
        sqlite3_bind_int64(st, 4 * i + 1, rr->seq);
        sqlite3_bind_text(st, 4 * i + 2, f->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4 * i + 3, f->value, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4 * i + 4, f->line);
    }
    if (n && (!st || sqlite3_step(st) != SQLITE_DONE))
        rr->fact_err = 1;
    if (st)
        sqlite3_reset(st);
    for (int i = 0; i < n; i++) {
        free(rr->pend[i].name);
        free(rr->pend[i].value);
    }
    rr->npend = 0;
}

/* A fact of the case held, to be inserted with the ones after it. */
static void add_fact(void *ctx, const char *name, const char *value, int line)
{
    struct reg_run *rr = ctx;
    struct reg_fact *f = &rr->pend[rr->npend++];
    f->name = strdup(name);
    f->value = strdup(value);
    f->line = line;
    if (!f->name || !f->value)
        cli_out_of_memory();
    if (rr->npend == REG_FACT_ROWS)
        flush_facts(rr);
}

/* One entry: the fields f (f[REG_F_PREV] is rr->prev), hashed and
 * inserted, then its facts. SQLITE_OK, or the failure. */
static int add_entry(struct reg_run *rr, const char *f[REG_NF], int line)
{
    char hash[65];
    reg_entry_hash(f, hash);
    sqlite3_stmt *st = rr->entry;
    sqlite3_reset(st);
    for (int i = REG_F_CASE; i < REG_NF; i++)
        sqlite3_bind_text(st, i, f[i], -1, SQLITE_STATIC);
    sqlite3_bind_int(st, REG_F_LINE, line);
    sqlite3_bind_text(st, REG_NF, f[REG_F_PREV], -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, REG_NF + 1, hash, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return rc;
    rr->seq = sqlite3_last_insert_rowid(rr->r->db);
    if (f[REG_F_TEXT])
        reg_facts(f[REG_F_KIND], f[REG_F_TEXT], line, add_fact, rr);
    flush_facts(rr);
    if (rr->fact_err)
        return SQLITE_ERROR;
    memcpy(rr->prev, hash, sizeof hash);
    rr->added++;
    return SQLITE_OK;
}

/* The explanation: the trace without its newline, NUL-terminated. */
static const char *explanation(struct reg_run *rr, const char *json, size_t len)
{
    if (len && json[len - 1] == '\n')
        len--;
    if (len + 1 > rr->ecap) {
        char *m = realloc(rr->expl, len + 1);
        if (!m)
            cli_out_of_memory();
        rr->expl = m;
        rr->ecap = len + 1;
    }
    memcpy(rr->expl, json, len);
    rr->expl[len] = '\0';
    return rr->expl;
}

static const char insert_entry[] =
    "INSERT INTO entries(case_id, title, source_file, source_line,"
    " source_kind, source_text, status, verdict, measures, ruleset,"
    " recorded_at, explanation, prev_hash, hash)"
    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

/* The case whose trace is h (and json) added, in the transaction. */
static int add_case(struct reg_run *rr, const struct reg_head *h,
                    const char *json, size_t len)
{
    const char *f[REG_NF] = {NULL}, *kind = NULL;
    char lines[16];
    char *text = reg_src_case(&rr->src, h->file, h->line, &kind);
    snprintf(lines, sizeof lines, "%d", h->line);
    f[REG_F_PREV] = rr->prev;
    f[REG_F_CASE] = h->id;
    f[REG_F_TITLE] = h->title;
    f[REG_F_FILE] = h->file;
    f[REG_F_LINE] = lines;
    f[REG_F_KIND] = text ? kind : NULL;
    f[REG_F_TEXT] = text;
    f[REG_F_STATUS] = h->status;
    f[REG_F_VERDICT] = h->verdict;
    f[REG_F_MEASURES] = h->measures;
    f[REG_F_RULESET] = rc_ruleset_sha256(rr->rs);
    f[REG_F_TIME] = rr->when;
    f[REG_F_EXPLANATION] = explanation(rr, json, len);
    int rc = add_entry(rr, f, h->line);
    free(text);
    return rc;
}

/* Each case's JSON trace, in input order: an entry. A case whose ID
 * could not be read is not one. */
static int run_case(void *ctx, const char *json, size_t len)
{
    struct reg_run *rr = ctx;
    struct reg_head h;
    if (rr->err || reg_trace_head(json, len, &h) != 0 || !h.id) {
        reg_head_free(&h);
        return 0;
    }
    int rc = SQLITE_OK;
    if (!rr->open) { /* the write lock first, then the last hash */
        rc = sqlite3_exec(rr->r->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        rr->open = rc == SQLITE_OK;
        if (rc == SQLITE_OK)
            rc = last_hash(rr->r, rr->prev);
    }
    if (rc == SQLITE_OK)
        rc = add_case(rr, &h, json, len);
    if (rc != SQLITE_OK)
        run_fail(rr, rc);
    reg_head_free(&h);
    return 0;
}

/* The end of a batch of the run: its transaction committed. */
static int run_batch_end(void *ctx)
{
    struct reg_run *rr = ctx;
    if (rr->open) {
        int rc = sqlite3_exec(rr->r->db, "COMMIT", NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            run_fail(rr, rc);
        rr->open = false;
    }
    return 0;
}

struct reg_run *reg_run_begin(struct reg *r, const struct rc_ruleset *rs)
{
    struct reg_run *rr = calloc(1, sizeof *rr);
    if (!rr)
        cli_out_of_memory();
    rr->r = r;
    rr->rs = rs;
    rr->src.held = -1;
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(rr->when, sizeof rr->when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    int rc = sqlite3_prepare_v2(r->db, insert_entry, -1, &rr->entry, NULL);
    /* the rule set once, in its own transaction */
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(r->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc == SQLITE_OK) {
        rr->open = true;
        rc = store_ruleset(r, rs);
    }
    if (rc == SQLITE_OK)
        run_batch_end(rr);
    else
        run_fail(rr, rc);
    if (rr->err) {
        reg_run_end(rr);
        return NULL;
    }
    return rr;
}

void reg_run_also(struct reg_run *rr, struct rc_also *also)
{
    *also =
        (struct rc_also){RC_JSON, RC_LANG_AUTO, run_case, run_batch_end, rr};
}

long reg_run_end(struct reg_run *rr)
{
    run_batch_end(rr);
    long n = rr->err ? -1 : rr->added;
    if (rr->err)
        reg_db_fail(rr->r, rr->err, rr->errmsg);
    sqlite3_finalize(rr->entry);
    for (int i = 0; i <= REG_FACT_ROWS; i++)
        sqlite3_finalize(rr->facts[i]);
    reg_src_free(&rr->src);
    free(rr->errmsg);
    free(rr->expl);
    free(rr);
    return n;
}
