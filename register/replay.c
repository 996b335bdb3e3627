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
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE_REPLAY CLI_USAGE_TEXT(usage_replay)

/* Where the cases of one group are written: the copy of a case file
 * being written, and where its next line is. */
struct copies {
    struct reg_tmp *t;
    struct cli_paths *files; /* the files written, to give to diff */
    char *name;              /* the case file being copied, or NULL */
    FILE *f;
    int next;
    FILE *spill[2]; /* cases.case, cases.jsonl: the cases that cannot be
                       put in a copy */
};

/* A new file name (relative to t) opened to append, and listed. */
static FILE *copy_open(struct copies *c, const char *name)
{
    char path[1024];
    if (reg_tmp_write(c->t, name, "", 0, path, sizeof path) != 0)
        return NULL;
    FILE *f = fopen(path, "ab");
    if (f)
        cli_paths_add(c->files, path);
    return f;
}

/* The copy of file (original name file, as recorded) made current:
 * "a" + an absolute name, "r/" + a relative one. */
static void copy_switch(struct copies *c, const char *file)
{
    if (c->name && strcmp(c->name, file) == 0)
        return;
    if (c->f)
        fclose(c->f);
    free(c->name);
    c->name = strdup(file);
    if (!c->name)
        cli_out_of_memory();
    char rel[1024];
    snprintf(rel, sizeof rel, "%s%s", file[0] == '/' ? "a" : "r/", file);
    c->f = strlen(rel) < sizeof rel - 1 ? copy_open(c, rel) : NULL;
    c->next = 1;
}

/* A case's text at line of (a copy of) file, or, when it cannot be
 * there, in the spill file of its kind. */
static void copy_case(struct copies *c, const char *kind, const char *text,
                      const char *file, int line)
{
    int k = kind && strcmp(kind, "jsonl") == 0;
    bool named = file && (cli_has_suffix(file, k ? ".jsonl" : ".case") ||
                          (k && (cli_has_suffix(file, ".ndjson") ||
                                 cli_has_suffix(file, ".json"))));
    if (named)
        copy_switch(c, file);
    FILE *f = named && c->f && line >= c->next ? c->f : NULL;
    if (f) {
        for (; c->next < line; c->next++)
            fputc('\n', f);
        for (const char *p = text; (p = strchr(p, '\n')); p++)
            c->next++;
        c->next++;
    } else if (!(f = c->spill[k]))
        f = c->spill[k] = copy_open(c, k ? "cases.jsonl" : "cases.case");
    if (f)
        fprintf(f, "%s\n", text);
}

/* The latest text of every case last recorded under sha256 written in t,
 * each in a copy of its case file at the line it was on, so that diff
 * names the file and line recorded; the names of the files into files. */
static int write_cases(struct reg *r, const char *sha256, struct reg_tmp *t,
                       struct cli_paths *files)
{
    sqlite3_stmt *st;
    struct copies c = {.t = t, .files = files};
    if (sqlite3_prepare_v2(
            r->db,
            "SELECT e.source_kind, e.source_text, e.source_file,"
            " e.source_line FROM latest l JOIN entries e ON e.seq = l.seq"
            " WHERE l.ruleset = ? AND e.source_text IS NOT NULL"
            " ORDER BY e.source_file, e.source_line, l.seq",
            -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW)
        copy_case(&c, (const char *)sqlite3_column_text(st, 0),
                  (const char *)sqlite3_column_text(st, 1),
                  (const char *)sqlite3_column_text(st, 2),
                  sqlite3_column_int(st, 3));
    sqlite3_finalize(st);
    for (int k = 0; k < 2; k++)
        if (c.spill[k])
            fclose(c.spill[k]);
    if (c.f)
        fclose(c.f);
    free(c.name);
    return 0;
}

/* Line with every prefix of t's copies removed ("<dir>/a" before an
 * absolute name, "<dir>/r/" before a relative one), onto stdout. */
static void put_unprefixed(const struct reg_tmp *t, const char *line)
{
    char a[300], rel[300];
    snprintf(a, sizeof a, "%s/a/", t->dir);
    snprintf(rel, sizeof rel, "%s/r/", t->dir);
    size_t na = strlen(a) - 1, nr = strlen(rel);
    for (const char *p = line;;) {
        const char *x = strstr(p, t->dir);
        if (!x) {
            fputs(p, stdout);
            return;
        }
        fwrite(p, 1, (size_t)(x - p), stdout);
        size_t skip = strncmp(x, a, na + 1) == 0 ? na
                      : strncmp(x, rel, nr) == 0 ? nr
                                                 : 0;
        if (!skip)
            fwrite(x, 1, 1, stdout);
        p = x + (skip ? skip : 1);
    }
}

/* diff run with its standard output into a file of t, then copied out
 * with the copies' names made the recorded ones. Its exit status. */
static int diff_named(struct reg_tmp *t, int argc, char **argv)
{
    char path[1024];
    int saved = -1, fd = -1;
    fflush(stdout);
    if (reg_tmp_write(t, "diff.out", "", 0, path, sizeof path) == 0)
        fd = open(path, O_WRONLY | O_TRUNC);
    if (fd >= 0 && (saved = dup(STDOUT_FILENO)) >= 0)
        dup2(fd, STDOUT_FILENO);
    if (fd >= 0)
        close(fd);
    int rc = cli_diff(argc, argv);
    fflush(stdout);
    if (saved < 0)
        return rc;
    dup2(saved, STDOUT_FILENO);
    close(saved);
    FILE *f = fopen(path, "rb");
    char *line = NULL;
    size_t cap = 0;
    while (f && getline(&line, &cap, f) >= 0)
        put_unprefixed(t, line);
    free(line);
    if (f)
        fclose(f);
    fflush(stdout);
    return rc;
}

/* diff of the cases last recorded under sha256, old: their rule set
 * rebuilt, new: path; opts: diff's options. Its exit status. */
static int replay_group(struct reg *r, const char *sha256, const char *path,
                        char **opts, int nopts)
{
    struct reg_tmp t;
    struct cli_paths files = {0};
    char first[1024];
    int rc = EXIT_USAGE;
    if (reg_tmp_open(&t) != 0)
        return EXIT_USAGE;
    if (reg_ruleset_files(r, sha256, &t, first, sizeof first) == 0 &&
        write_cases(r, sha256, &t, &files) == 0 && files.n > 0) {
        char **argv = calloc((size_t)nopts + files.n + 4, sizeof *argv);
        int argc = 0;
        if (!argv)
            cli_out_of_memory();
        argv[argc++] = (char *)"diff";
        for (int i = 0; i < nopts; i++)
            argv[argc++] = opts[i];
        argv[argc++] = first;
        argv[argc++] = (char *)path;
        for (size_t i = 0; i < files.n; i++)
            argv[argc++] = files.v[i];
        rc = diff_named(&t, argc, argv);
        free(argv);
    } else {
        CLI_PRINT(stderr, cli_prefixed, "");
        CLI_PRINT(stderr, reg_replay_not_rebuilt, r->path, sha256);
        fputc('\n', stderr);
    }
    cli_paths_free(&files);
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
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
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
    if (step != SQLITE_DONE) {
        reg_db_error(r);
        sqlite3_finalize(st);
        return EXIT_USAGE;
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
