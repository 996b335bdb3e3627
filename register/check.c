/*
 * rongcuo register check FILE.db: the hash chain verified, and every
 * entry evaluated again under its stored rule set.
 */
#include "register/reg_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

#define USAGE_REGISTER CLI_USAGE_TEXT(usage_register)

struct checker {
    struct reg *r;
    char prev[65];
    char *sha; /* the rule set loaded, cached for the next entry */
    struct rc_ruleset *rs;
    long entries, bad;
};

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static void problem(struct checker *k, sqlite3_int64 seq, const char *id,
                    const char *what)
{
    CLI_PRINT(stdout, reg_check_problem, k->r->path, (long)seq, id ? id : "?",
              what);
    putchar('\n');
}

/* The entry's verdict as its stored rule set gives it again. */
static bool check_verdict(struct checker *k, sqlite3_stmt *st,
                          const char *const f[REG_NF])
{
    char status[16], verdict[1024], measures[4096], what[2048];
    if (!k->sha || strcmp(k->sha, f[REG_F_RULESET]) != 0) {
        rc_ruleset_free(k->rs);
        free(k->sha);
        k->sha = strdup(f[REG_F_RULESET]);
        k->rs = reg_ruleset(k->r, f[REG_F_RULESET]);
    }
    sqlite3_int64 seq = sqlite3_column_int64(st, REG_NF);
    if (!k->rs ||
        reg_evaluate(k->rs, f[REG_F_KIND], f[REG_F_TEXT], status, verdict,
                     sizeof verdict, measures, sizeof measures) != 0) {
        problem(k, seq, f[REG_F_CASE], MSG(reg_check_not_rebuilt, cli_lang()));
        return false;
    }
    const char *rv = f[REG_F_VERDICT] ? f[REG_F_VERDICT] : "";
    if (strcmp(status, f[REG_F_STATUS]) == 0 && strcmp(verdict, rv) == 0 &&
        strcmp(measures, f[REG_F_MEASURES]) == 0)
        return true;
    snprintf(what, sizeof what, CLI_FMT(reg_check_differs, "", "", "", ""),
             *rv ? rv : f[REG_F_STATUS], f[REG_F_MEASURES],
             *verdict ? verdict : status, measures);
    problem(k, seq, f[REG_F_CASE], what);
    return false;
}

static void check_entry(struct checker *k, sqlite3_stmt *st)
{
    const char *f[REG_NF];
    char hash[65];
    for (int i = 0; i < REG_NF; i++)
        f[i] = col(st, i);
    sqlite3_int64 seq = sqlite3_column_int64(st, REG_NF);
    const char *stored = col(st, REG_NF + 1);
    bool ok = true;
    k->entries++;
    if (!f[REG_F_PREV] || strcmp(f[REG_F_PREV], k->prev) != 0) {
        problem(k, seq, f[REG_F_CASE], MSG(reg_check_link, cli_lang()));
        ok = false;
    }
    reg_entry_hash(f, hash);
    if (!stored || strcmp(stored, hash) != 0) {
        problem(k, seq, f[REG_F_CASE], MSG(reg_check_hash, cli_lang()));
        ok = false;
    }
    if (!f[REG_F_CASE] || !f[REG_F_STATUS] || !f[REG_F_MEASURES] ||
        !f[REG_F_RULESET] || !check_verdict(k, st, f))
        ok = false;
    snprintf(k->prev, sizeof k->prev, "%s", stored ? stored : "");
    k->bad += !ok;
}

static int check(struct reg *r)
{
    struct checker k = {.r = r};
    sqlite3_stmt *st;
    memset(k.prev, '0', 64);
    int rc = sqlite3_prepare_v2(
        r->db,
        "SELECT prev_hash, case_id, title, source_file, source_line,"
        " source_kind, source_text, status, verdict, measures, ruleset,"
        " recorded_at, explanation, seq, hash FROM entries ORDER BY seq",
        -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        check_entry(&k, st);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    reg_evaluate_end();
    rc_ruleset_free(k.rs);
    free(k.sha);
    if (rc != SQLITE_DONE && rc != SQLITE_OK) {
        reg_db_error(r);
        return EXIT_USAGE;
    }
    if (k.bad)
        CLI_PRINT(stdout, reg_check_failed, r->path, k.bad, k.entries);
    else
        CLI_PRINT(stdout, reg_check_ok, r->path, k.entries);
    putchar('\n');
    return k.bad ? EXIT_CASE_ERROR : EXIT_OK;
}

int reg_register_cmd(int argc, char **argv)
{
    const char *sub, *file;
    int rc = reg_two_args(argc, argv, USAGE_REGISTER, &sub, &file);
    if (rc != -1)
        return rc;
    if (!sub)
        return CLI_USAGE0(USAGE_REGISTER, reg_name_file);
    if (strcmp(sub, "check") != 0)
        return CLI_USAGE(USAGE_REGISTER, reg_name_subcommand, sub);
    if (!file)
        return CLI_USAGE0(USAGE_REGISTER, reg_name_file);
    struct reg *r = reg_open(file, false);
    if (!r)
        return EXIT_USAGE;
    rc = check(r);
    reg_close(r);
    return rc;
}
