/*
 * rongcuo replay FILE.db NEW.rules: the latest facts of every case in the
 * register evaluated under NEW.rules and compared, as rongcuo diff
 * compares, with the rule set each was last recorded under. Nothing is
 * written to the register.
 */
#include "register/reg_int.h"

#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE_REPLAY CLI_USAGE_TEXT(usage_replay)

/* The latest text of every case last recorded under sha256, into
 * cases.case and cases.jsonl in t; their names into files (n of them). */
static int write_cases(struct reg *r, const char *sha256, struct reg_tmp *t,
                       char files[2][1024], int *n)
{
    sqlite3_stmt *st;
    FILE *f[2] = {NULL, NULL};
    *n = 0;
    if (sqlite3_prepare_v2(r->db,
                           "SELECT e.source_kind, e.source_text FROM latest l"
                           " JOIN entries e ON e.seq = l.seq"
                           " WHERE l.ruleset = ? AND e.source_text IS NOT NULL"
                           " ORDER BY l.seq",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(st, 0);
        int k = kind && strcmp(kind, "jsonl") == 0;
        if (!f[k]) {
            if (reg_tmp_write(t, k ? "cases.jsonl" : "cases.case", "", 0,
                              files[*n], sizeof files[0]) != 0 ||
                !(f[k] = fopen(files[(*n)++], "ab")))
                break;
        }
        fprintf(f[k], "%s\n", (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    for (int k = 0; k < 2; k++)
        if (f[k])
            fclose(f[k]);
    return 0;
}

/* diff of the cases last recorded under sha256, old: their rule set
 * rebuilt, new: path; opts: diff's options. Its exit status. */
static int replay_group(struct reg *r, const char *sha256, const char *path,
                        char **opts, int nopts)
{
    struct reg_tmp t;
    char first[1024], files[2][1024];
    int n = 0, rc = EXIT_USAGE;
    if (reg_tmp_open(&t) != 0)
        return EXIT_USAGE;
    if (reg_ruleset_files(r, sha256, &t, first, sizeof first) == 0 &&
        write_cases(r, sha256, &t, files, &n) == 0 && n > 0) {
        char *argv[16] = {(char *)"diff"};
        int argc = 1;
        for (int i = 0; i < nopts; i++)
            argv[argc++] = opts[i];
        argv[argc++] = first;
        argv[argc++] = (char *)path;
        for (int i = 0; i < n; i++)
            argv[argc++] = files[i];
        argv[argc] = NULL;
        fflush(stdout);
        rc = cli_diff(argc, argv);
        fflush(stdout);
    } else {
        CLI_PRINT(stderr, cli_prefixed, "");
        CLI_PRINT(stderr, reg_replay_not_rebuilt, r->path, sha256);
        fputc('\n', stderr);
    }
    reg_tmp_close(&t);
    return rc;
}

static int replay(struct reg *r, const char *path, char **opts, int nopts)
{
    sqlite3_stmt *st;
    int rc = EXIT_OK, groups = 0;
    if (sqlite3_prepare_v2(r->db,
                           "SELECT ruleset, policy, version, count(*)"
                           " FROM latest GROUP BY ruleset ORDER BY min(seq)",
                           -1, &st, NULL) != SQLITE_OK) {
        reg_db_error(r);
        return EXIT_USAGE;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *sha = (const char *)sqlite3_column_text(st, 0);
        const char *none = MSG(reg_none, cli_lang());
        const char *pol = (const char *)sqlite3_column_text(st, 1);
        const char *ver = (const char *)sqlite3_column_text(st, 2);
        if (groups++)
            putchar('\n');
        CLI_PRINT(stdout, reg_replay_group, (long)sqlite3_column_int64(st, 3),
                  pol ? pol : none, ver ? ver : none, sha);
        putchar('\n');
        int g = replay_group(r, sha, path, opts, nopts);
        rc = g > rc ? g : rc;
    }
    sqlite3_finalize(st);
    if (!groups) {
        CLI_PRINT(stderr, cli_prefixed, "");
        CLI_PRINT(stderr, reg_replay_empty, r->path);
        fputc('\n', stderr);
        return EXIT_CASE_ERROR;
    }
    return rc;
}

int reg_replay_cmd(int argc, char **argv)
{
    static const struct option longs[] = {
        {"lang", required_argument, NULL, 'L'},
        {"format", required_argument, NULL, 'F'},
        {"ignore-undeclared", no_argument, NULL, 'I'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *v, *file = NULL, *rules = NULL;
    char *opts[4], fmt[64];
    int nopts = 0;
    struct cli_args args;
    cli_args_init(&args, argc, argv, "h", longs, USAGE_REPLAY);
    for (int c; (c = cli_args_next(&args, &v)) != CLI_END;) {
        if (c == CLI_BAD)
            return EXIT_USAGE;
        if (c == 'h')
            return cli_help(USAGE_REPLAY);
        if (c == 'I')
            opts[nopts++] = (char *)"--ignore-undeclared";
        else if (c == 'F' && snprintf(fmt, sizeof fmt, "--format=%s", v) > 0)
            opts[nopts++] = fmt;
        else if (c == CLI_FILE && !file)
            file = v;
        else if (c == CLI_FILE && !rules)
            rules = v;
        else if (c == CLI_FILE)
            return CLI_USAGE(USAGE_REPLAY, reg_extra_argument, v);
    }
    if (!file || !rules)
        return CLI_USAGE0(USAGE_REPLAY, reg_name_file_and_rules);
    struct reg *r = reg_open(file, false);
    if (!r)
        return EXIT_USAGE;
    int rc = replay(r, rules, opts, nopts);
    reg_close(r);
    return rc;
}
