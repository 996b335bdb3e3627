/*
 * Opening the register: the schema (docs/register.md), its version, and
 * the hash that chains the entries.
 */
#include "register/reg_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <sys/stat.h>

#include "cli/cli.h"
#include "engine/sha256.h"

static const char schema_sql[] =
    "CREATE TABLE rule_texts(sha256 TEXT PRIMARY KEY, text BLOB NOT NULL);"
    "CREATE TABLE rulesets(sha256 TEXT PRIMARY KEY, policy TEXT,"
    " version TEXT);"
    "CREATE TABLE ruleset_files(ruleset TEXT NOT NULL REFERENCES rulesets,"
    " idx INTEGER NOT NULL, name TEXT NOT NULL,"
    " text_sha256 TEXT NOT NULL REFERENCES rule_texts,"
    " PRIMARY KEY(ruleset, idx));"
    "CREATE TABLE entries(seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " case_id TEXT NOT NULL, title TEXT, source_file TEXT,"
    " source_line INTEGER, source_kind TEXT, source_text TEXT,"
    " status TEXT NOT NULL, verdict TEXT, measures TEXT NOT NULL,"
    " ruleset TEXT NOT NULL REFERENCES rulesets, recorded_at TEXT NOT NULL,"
    " explanation TEXT NOT NULL, prev_hash TEXT NOT NULL,"
    " hash TEXT NOT NULL);"
    "CREATE INDEX entries_case ON entries(case_id, seq);"
    "CREATE TABLE facts(entry INTEGER NOT NULL REFERENCES entries(seq),"
    " name TEXT NOT NULL, value TEXT NOT NULL, line INTEGER);"
    "CREATE INDEX facts_entry ON facts(entry);"
    "CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries BEGIN"
    " SELECT RAISE(ABORT, 'the register only grows'); END;"
    "CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries BEGIN"
    " SELECT RAISE(ABORT, 'the register only grows'); END;"
    "CREATE TRIGGER facts_no_update BEFORE UPDATE ON facts BEGIN"
    " SELECT RAISE(ABORT, 'the register only grows'); END;"
    "CREATE TRIGGER facts_no_delete BEFORE DELETE ON facts BEGIN"
    " SELECT RAISE(ABORT, 'the register only grows'); END;"
    "CREATE VIEW decisions AS SELECT e.seq, e.case_id, e.title,"
    " e.recorded_at, substr(e.recorded_at, 1, 7) AS month, e.status,"
    " e.verdict, e.measures, r.policy, r.version, e.ruleset,"
    " e.source_file, e.source_line FROM entries e"
    " JOIN rulesets r ON r.sha256 = e.ruleset;"
    "CREATE VIEW latest AS SELECT d.* FROM decisions d"
    " WHERE d.seq = (SELECT max(seq) FROM entries x"
    " WHERE x.case_id = d.case_id);"
    "CREATE VIEW verdicts_by_month AS SELECT month, policy, version,"
    " coalesce(verdict, status) AS outcome, count(*) AS n FROM decisions"
    " GROUP BY month, policy, version, outcome;"
    "PRAGMA user_version = 1;";

/* What SQLite's result code means to the user, with SQLite's own text
 * in parentheses, into buf; its text alone for a code not named here. */
static const char *db_reason(int code, const char *text, char *buf, size_t size)
{
    enum lang l = cli_lang();
    const char *why;
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        why = MSG(reg_db_busy, l);
        break;
    case SQLITE_READONLY:
        why = MSG(reg_db_readonly, l);
        break;
    case SQLITE_CANTOPEN:
        why = MSG(reg_db_cantopen, l);
        break;
    case SQLITE_NOTADB:
        why = MSG(reg_not_sqlite, l);
        break;
    case SQLITE_CORRUPT:
        why = MSG(reg_db_corrupt, l);
        break;
    case SQLITE_FULL:
        why = MSG(reg_db_full, l);
        break;
    case SQLITE_IOERR:
        why = MSG(reg_db_ioerr, l);
        break;
    default:
        return text;
    }
    snprintf(buf, size, CLI_FMT(reg_db_detail, why, text), why, text);
    return buf;
}

void reg_db_fail(struct reg *r, int code, const char *text)
{
    char buf[1024];
    CLI_PRINT(stderr, cli_prefixed, "");
    CLI_PRINT(stderr, reg_db_failed, r->path,
              db_reason(code, text ? text : "?", buf, sizeof buf));
    fputc('\n', stderr);
}

void reg_db_error(struct reg *r)
{
    reg_db_fail(r, sqlite3_extended_errcode(r->db), sqlite3_errmsg(r->db));
}

static int user_version(struct reg *r, int *v)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(r->db, "PRAGMA user_version", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        *v = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

static int table_count(struct reg *r)
{
    sqlite3_stmt *st;
    int n = -1;
    if (sqlite3_prepare_v2(r->db, "SELECT count(*) FROM sqlite_master", -1, &st,
                           NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* WAL mode, set before the schema's transaction and outside any other:
 * two runs that open a new register at once would otherwise each hold a
 * lock the other's switch to WAL waits for. SQLite does not always wait
 * for that switch (sqlite3_busy_timeout), so it is tried again here, for
 * as long. A failure is left to the schema's transaction to report (a
 * file that is not a register, one that cannot be written). */
static void wal_mode(struct reg *r)
{
    for (int waited = 0; waited < 60000; waited += 50) {
        int rc =
            sqlite3_exec(r->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
        if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
            return;
        sqlite3_sleep(50);
    }
}

/* The schema made (in a new file) or checked: 0, or -1 after a message. */
static int schema(struct reg *r, bool create)
{
    int v = 0;
    /* A new register's pages: 16 KiB, so that an entry's explanation (6
     * to 9 KiB with the bench's rules) fits in its page instead of a
     * chain of overflow pages. Only an empty file takes it, before its
     * first transaction; a register made with other pages keeps them. */
    if (create)
        sqlite3_exec(r->db, "PRAGMA page_size = 16384", NULL, NULL, NULL);
    wal_mode(r);
    if (sqlite3_exec(r->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
        user_version(r, &v) != SQLITE_OK) {
        if (sqlite3_errcode(r->db) != SQLITE_NOTADB) {
            reg_db_error(r);
            return -1;
        }
        CLI_PRINT(stderr, cli_prefixed, "");
        CLI_PRINT(stderr, reg_not_register, r->path,
                  MSG(reg_not_sqlite, cli_lang()));
        fputc('\n', stderr);
        return -1;
    }
    int rc = 0;
    if (v > REG_SCHEMA) {
        CLI_PRINT(stderr, cli_prefixed, "");
        CLI_PRINT(stderr, reg_newer_schema, r->path, v, REG_SCHEMA);
        fputc('\n', stderr);
        rc = -1;
    } else if (v == 0 && (!create || table_count(r) != 0)) {
        CLI_PRINT(stderr, cli_prefixed, "");
        CLI_PRINT(stderr, reg_not_register, r->path,
                  MSG(reg_no_schema, cli_lang()));
        fputc('\n', stderr);
        rc = -1;
    } else if (v == 0 &&
               sqlite3_exec(r->db, schema_sql, NULL, NULL, NULL) != SQLITE_OK) {
        reg_db_error(r);
        rc = -1;
    }
    sqlite3_exec(r->db, rc ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL);
    return rc;
}

struct reg *reg_open(const char *path, bool create)
{
    static struct reg r;
    /* one connection, used by one thread at a time: no locks of SQLite's
     * own around it, nor around its count of memory used */
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                (create ? SQLITE_OPEN_CREATE : 0);
    struct stat st;
    r.path = path;
    r.db = NULL;
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); /* before SQLite starts */
    if (!create && stat(path, &st) != 0) {
        CLI_PRINT(stderr, cli_prefixed, "");
        CLI_PRINT(stderr, reg_cannot_open, path, CLI_ERRSTR(errno));
        fputc('\n', stderr);
        return NULL;
    }
    if (sqlite3_open_v2(path, &r.db, flags, NULL) != SQLITE_OK) {
        CLI_PRINT(stderr, cli_prefixed, "");
        char buf[1024];
        CLI_PRINT(stderr, reg_cannot_open, path,
                  r.db ? db_reason(sqlite3_extended_errcode(r.db),
                                   sqlite3_errmsg(r.db), buf, sizeof buf)
                       : "out of memory");
        fputc('\n', stderr);
        sqlite3_close(r.db);
        return NULL;
    }
    sqlite3_busy_timeout(r.db, 60000);
    if (schema(&r, create) != 0) {
        sqlite3_close(r.db);
        return NULL;
    }
    if (sqlite3_exec(r.db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL",
                     NULL, NULL, NULL) != SQLITE_OK) {
        reg_db_error(&r);
        sqlite3_close(r.db);
        return NULL;
    }
    return &r;
}

void reg_close(struct reg *r)
{
    if (r)
        sqlite3_close(r->db);
}

void reg_entry_hash(const char *const f[REG_NF], char out[65])
{
    struct sha256 s;
    sha256_init(&s);
    for (int i = 0; i < REG_NF; i++) {
        char head[32];
        if (!f[i]) {
            sha256_update(&s, "N", 1);
            continue;
        }
        size_t n = strlen(f[i]);
        int k = snprintf(head, sizeof head, "%zu:", n);
        sha256_update(&s, head, (size_t)k);
        sha256_update(&s, f[i], n);
    }
    sha256_hex(&s, out);
}

const char *reg_status_word(enum rc_status s)
{
    return s == RC_DECIDED        ? "decided"
           : s == RC_UNDETERMINED ? "undetermined"
                                  : "error";
}
