/*
 * rongcuo history FILE.db CASE-ID: a case's entries, each with its rule
 * set, facts and verdict, and what changed from the entry before.
 */
#include "register/reg_int.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

#define USAGE_HISTORY CLI_USAGE_TEXT(usage_history)

/* The facts of one entry: names and values, in the order given. */
struct factset {
    struct cli_paths name, value;
};

static void factset_free(struct factset *s)
{
    cli_paths_free(&s->name);
    cli_paths_free(&s->value);
}

static const char *factset_get(const struct factset *s, const char *name)
{
    for (size_t i = 0; i < s->name.n; i++)
        if (strcmp(s->name.v[i], name) == 0)
            return s->value.v[i];
    return NULL;
}

/* The facts of entry seq, printed and read into *s. */
static void entry_facts(struct reg *r, sqlite3_int64 seq, struct factset *s)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(r->db,
                           "SELECT e.source_file, f.name, f.value, f.line"
                           " FROM facts f JOIN entries e ON e.seq = f.entry"
                           " WHERE f.entry = ? ORDER BY f.rowid",
                           -1, &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_int64(st, 1, seq);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *file = (const char *)sqlite3_column_text(st, 0);
        const char *name = (const char *)sqlite3_column_text(st, 1);
        const char *value = (const char *)sqlite3_column_text(st, 2);
        CLI_PRINT(stdout, reg_hist_fact, name, value, file ? file : "-",
                  sqlite3_column_int(st, 3));
        putchar('\n');
        cli_paths_add(&s->name, name);
        cli_paths_add(&s->value, value);
    }
    sqlite3_finalize(st);
}

/* What changed from the entry before (was) to this one (now). */
static void changes(const struct factset *was, const struct factset *now,
                    const char *was_rules, const char *rules)
{
    if (strcmp(was_rules, rules) != 0) {
        CLI_PRINT(stdout, reg_hist_rules_changed, was_rules, rules);
        putchar('\n');
    }
    for (size_t i = 0; i < now->name.n; i++) {
        const char *old = factset_get(was, now->name.v[i]);
        if (!old)
            CLI_PRINT(stdout, reg_hist_fact_added, now->name.v[i],
                      now->value.v[i]);
        else if (strcmp(old, now->value.v[i]) != 0)
            CLI_PRINT(stdout, reg_hist_fact_changed, now->name.v[i], old,
                      now->value.v[i]);
        else
            continue;
        putchar('\n');
    }
    for (size_t i = 0; i < was->name.n; i++)
        if (!factset_get(now, was->name.v[i])) {
            CLI_PRINT(stdout, reg_hist_fact_removed, was->name.v[i],
                      was->value.v[i]);
            putchar('\n');
        }
}

/* The status word of the register (decided, …) in the command's
 * language. */
static const char *status_text(const char *w)
{
    enum lang l = cli_lang();
    return !w                               ? ""
           : strcmp(w, "decided") == 0      ? MSG(reg_status_decided, l)
           : strcmp(w, "undetermined") == 0 ? MSG(reg_status_undetermined, l)
           : strcmp(w, "error") == 0        ? MSG(reg_status_error, l)
                                            : w;
}

static const char *text_or(sqlite3_stmt *st, int i, const char *none)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : none;
}

/* One entry printed, its facts into *now; the changes from *was. */
static void entry(struct reg *r, sqlite3_stmt *st, struct factset *was,
                  struct factset *now, char *rules, bool first)
{
    sqlite3_int64 seq = sqlite3_column_int64(st, 0);
    const char *none = MSG(reg_none, cli_lang());
    const char *sha = text_or(st, 2, "");
    CLI_PRINT(stdout, reg_hist_entry, (long)seq, text_or(st, 1, ""));
    putchar('\n');
    CLI_PRINT(stdout, reg_hist_rules, text_or(st, 3, none),
              text_or(st, 4, none), sha);
    putchar('\n');
    entry_facts(r, seq, now);
    CLI_PRINT(stdout, reg_hist_outcome,
              status_text((const char *)sqlite3_column_text(st, 5)),
              text_or(st, 6, none), text_or(st, 7, "[]"));
    putchar('\n');
    if (!first)
        changes(was, now, rules, sha);
    snprintf(rules, 65, "%s", sha);
}

static int history(struct reg *r, const char *id)
{
    sqlite3_stmt *st;
    struct factset a = {0}, b = {0}, *was = &a, *now = &b;
    char rules[65] = "";
    long n = 0;
    int rc = sqlite3_prepare_v2(
        r->db,
        "SELECT e.seq, e.recorded_at, e.ruleset, s.policy, s.version,"
        " e.status, e.verdict, e.measures FROM entries e"
        " JOIN rulesets s ON s.sha256 = e.ruleset WHERE e.case_id = ?"
        " ORDER BY e.seq",
        -1, &st, NULL);
    if (rc == SQLITE_OK)
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n)
            putchar('\n');
        entry(r, st, was, now, rules, n++ == 0);
        struct factset *t = was;
        was = now;
        now = t;
        factset_free(now);
        memset(now, 0, sizeof *now);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    factset_free(was);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        reg_db_error(r);
        return EXIT_USAGE;
    }
    if (n == 0) {
        CLI_PRINT(stderr, cli_prefixed, "");
        CLI_PRINT(stderr, reg_no_such_case, r->path, id);
        fputc('\n', stderr);
        return EXIT_CASE_ERROR;
    }
    return EXIT_OK;
}

int reg_two_args(int argc, char **argv, const char *usage, const char **a,
                 const char **b)
{
    static const struct option longs[] = {
        {"lang", required_argument, NULL, 'L'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *v;
    struct cli_args args;
    *a = *b = NULL;
    cli_args_init(&args, argc, argv, "h", longs, usage);
    for (int c; (c = cli_args_next(&args, &v)) != CLI_END;) {
        if (c == CLI_BAD)
            return EXIT_USAGE;
        if (c == 'h')
            return cli_help(usage);
        if (c == CLI_FILE && !*a)
            *a = v;
        else if (c == CLI_FILE && !*b)
            *b = v;
        else if (c == CLI_FILE)
            return CLI_USAGE(usage, reg_extra_argument, v);
    }
    return -1;
}

int reg_history_cmd(int argc, char **argv)
{
    const char *file, *id;
    int rc = reg_two_args(argc, argv, USAGE_HISTORY, &file, &id);
    if (rc != -1)
        return rc;
    if (!file || !id)
        return CLI_USAGE0(USAGE_HISTORY, reg_name_file_and_case);
    struct reg *r = reg_open(file, false);
    if (!r)
        return EXIT_USAGE;
    rc = history(r, id);
    reg_close(r);
    return rc;
}
