/*
 * rongcuo fmt: rewrite rule and case files in the canonical layout
 * (docs/fmt.md), or with --check show how they differ from it.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "cli/cli.h"

#define USAGE_FMT CLI_USAGE_TEXT(usage_fmt)

enum { OPT_CHECK = 256, OPT_LANG };

/* Read the whole of f into a buffer of our own (NUL-terminated); NULL with
 * errno set when it cannot be read. */
static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (ferror(f)) {
            int e = errno ? errno : EIO;
            free(buf);
            errno = e;
            return NULL;
        }
        if (feof(f))
            break;
        char *more = cap < SIZE_MAX / 2 ? realloc(buf, cap *= 2) : NULL;
        if (!more)
            free(buf);
        buf = more;
    }
    if (!buf)
        cli_out_of_memory();
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* The text of the file path ("-": standard input); NULL after a
 * message. */
static char *read_file(const char *path, size_t *len)
{
    struct stat st;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f && f != stdin && fstat(fileno(f), &st) == 0 && !S_ISREG(st.st_mode)) {
        fclose(f);
        f = NULL;
        errno = EISDIR;
    }
    char *text = f ? read_all(f, len) : NULL;
    int e = errno;
    if (f && f != stdin)
        fclose(f);
    if (!text)
        CLI_PRINT(stderr, cli_fmt_cannot_read, path, CLI_ERRSTR(e));
    return text;
}

/* The lines of a text: each with its line end, if it has one. */
struct lines {
    const char **p;
    size_t *len;
    size_t n;
};

static struct lines split(const char *t, size_t len)
{
    struct lines l = {NULL, NULL, 0};
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += t[i] == '\n';
    l.p = malloc(cap * sizeof *l.p);
    l.len = malloc(cap * sizeof *l.len);
    if (!l.p || !l.len)
        cli_out_of_memory();
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(t + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - t) + 1 : len;
        l.p[l.n] = t + i;
        l.len[l.n++] = e - i;
        i = e;
    }
    return l;
}

static bool same_line(const struct lines *a, size_t i, const struct lines *b,
                      size_t j)
{
    return a->len[i] == b->len[j] && memcmp(a->p[i], b->p[j], a->len[i]) == 0;
}

/* The edit script from a to b between the common head and tail: '=' for
 * a line of both, '-' for one of a only, '+' for one of b only. The
 * longest common subsequence when the middle is small enough for its
 * table, else the middle replaced as a whole. */
static char *script(const struct lines *a, const struct lines *b, size_t *n)
{
    size_t h = 0, t = 0;
    while (h < a->n && h < b->n && same_line(a, h, b, h))
        h++;
    while (t < a->n - h && t < b->n - h &&
           same_line(a, a->n - 1 - t, b, b->n - 1 - t))
        t++;
    size_t na = a->n - h - t, nb = b->n - h - t, k = 0;
    char *ops = malloc(a->n + b->n + 1);
    uint32_t *L = na * nb <= (1u << 22) ? calloc((na + 1) * (nb + 1), 4) : NULL;
    if (!ops)
        cli_out_of_memory();
    memset(ops, '=', h);
    k = h;
    /* L[i][j]: the longest common subsequence of a's and b's middle
       lines from i and j on */
    for (size_t i = na; L && i-- > 0;)
        for (size_t j = nb; j-- > 0;)
            L[i * (nb + 1) + j] =
                same_line(a, h + i, b, h + j)
                    ? L[(i + 1) * (nb + 1) + j + 1] + 1
                : L[(i + 1) * (nb + 1) + j] > L[i * (nb + 1) + j + 1]
                    ? L[(i + 1) * (nb + 1) + j]
                    : L[i * (nb + 1) + j + 1];
    size_t i = 0, j = 0;
    while (L && i < na && j < nb) {
        if (same_line(a, h + i, b, h + j))
            ops[k++] = '=', i++, j++;
        else if (L[(i + 1) * (nb + 1) + j] >= L[i * (nb + 1) + j + 1])
            ops[k++] = '-', i++;
        else
            ops[k++] = '+', j++;
    }
    free(L);
    for (; i < na; i++)
        ops[k++] = '-';
    for (; j < nb; j++)
        ops[k++] = '+';
    memset(ops + k, '=', t);
    *n = k + t;
    return ops;
}

static void put_line(FILE *f, char mark, const struct lines *l, size_t i)
{
    fputc(mark, f);
    fwrite(l->p[i], 1, l->len[i], f);
    if (!l->len[i] || l->p[i][l->len[i] - 1] != '\n')
        fputs("\n\\ No newline at end of file\n", f);
}

/* The end of the hunk whose first change is at k: changes closer than
 * twice the context go in one hunk. */
static size_t hunk_end(const char *ops, size_t n, size_t k)
{
    size_t end = k;
    while (k < n) {
        if (ops[k] != '=') {
            end = ++k;
            continue;
        }
        size_t r = k;
        while (r < n && ops[r] == '=')
            r++;
        if (r == n || r - k > 6)
            break;
        k = r;
    }
    return end + 3 < n ? end + 3 : n;
}

/* One hunk: ops[from, to), from line ia of a and ib of b. */
static void hunk(FILE *f, const char *ops, size_t from, size_t to,
                 const struct lines *a, size_t ia, const struct lines *b,
                 size_t ib)
{
    size_t ca = 0, cb = 0;
    for (size_t k = from; k < to; k++) {
        ca += ops[k] != '+';
        cb += ops[k] != '-';
    }
    fprintf(f, "@@ -%zu,%zu +%zu,%zu @@\n", ca ? ia + 1 : ia, ca,
            cb ? ib + 1 : ib, cb);
    for (size_t k = from; k < to; k++) {
        if (ops[k] == '=')
            put_line(f, ' ', a, ia++), ib++;
        else if (ops[k] == '-')
            put_line(f, '-', a, ia++);
        else
            put_line(f, '+', b, ib++);
    }
}

/* The unified diff (three lines of context) of the file path, text old,
 * from its layout new. */
static void show_diff(const char *path, const char *old, size_t oldlen,
                      const char *new, size_t newlen)
{
    struct lines a = split(old, oldlen), b = split(new, newlen);
    size_t n, ia = 0, ib = 0, k = 0;
    char *ops = script(&a, &b, &n);
    fprintf(stdout, "--- %s\n+++ %s\n", path, path);
    while (k < n) {
        if (ops[k] == '=') {
            ia++, ib++, k++;
            continue;
        }
        size_t from = k >= 3 ? k - 3 : 0, to = hunk_end(ops, n, k);
        ia -= k - from;
        ib -= k - from;
        hunk(stdout, ops, from, to, &a, ia, &b, ib);
        for (k = from; k < to; k++) {
            ia += ops[k] != '+';
            ib += ops[k] != '-';
        }
    }
    free(ops);
    free(a.p);
    free(a.len);
    free(b.p);
    free(b.len);
}

/* Write text over the file path, through a file beside it renamed into
 * place; false after a message. */
static bool rewrite(const char *path, const char *text, size_t len)
{
    struct cli_inputs in = {NULL, 0, 0};
    FILE *f = cli_open_output(path, &in);
    if (!f)
        return false;
    bool ok = fwrite(text, 1, len, f) == len;
    return cli_close_output(f, path, ok) && ok;
}

/* Format one file: the exit status for it; *unformatted is set when
 * check finds it not in its layout. */
static int fmt_one(const char *path, bool check, bool *unformatted)
{
    size_t len, outlen = 0;
    char *text = read_file(path, &len);
    if (!text)
        return EXIT_CASE_ERROR;
    bool in = strcmp(path, "-") == 0;
    const char *name = in ? "<stdin>" : path;
    struct rc_diags *d;
    char *out = rc_format(name, text, len, &outlen, &d);
    cli_lang_loaded(NULL, d);
    cli_lang_rules(rc_diags_lang(d)); /* the first file's, unless --lang */
    fputs(rc_diags_text(d), stderr);
    /* what is said of the file: in its language, unless --lang */
    enum lang l = cli_lang_given() != RC_LANG_AUTO
                      ? cli_lang()
                      : (enum lang)rc_diags_lang(d);
    int rc = EXIT_OK;
    if (!out) {
        char n[64];
        long e = rc_diags_errors(d);
        snprintf(
            n, sizeof n,
            msg_fmt(e == 1 ? MSG_ID(cli_n_error, e) : MSG_ID(cli_n_errors, e),
                    l),
            e);
        fprintf(stderr, msg_fmt(MSG_ID(cli_fmt_left_as_is, name, n), l), name,
                n);
        rc = EXIT_USAGE;
    } else if (check && (outlen != len || memcmp(out, text, len) != 0)) {
        show_diff(name, text, len, out, outlen);
        *unformatted = true;
        rc = EXIT_CASE_ERROR;
    } else if (in && !check) {
        fwrite(out, 1, outlen, stdout);
    } else if (!check && (outlen != len || memcmp(out, text, len) != 0)) {
        rc = rewrite(path, out, outlen) ? EXIT_OK : EXIT_CASE_ERROR;
        if (rc == EXIT_OK)
            printf(msg_fmt(MSG_ID(cli_fmt_formatted, path), l), path);
    }
    rc_diags_free(d);
    free(out);
    free(text);
    return rc;
}

/* The files named: a folder stands for its rule, test and case files. */
static bool fmt_paths(struct cli_paths *ps, const char *a)
{
    static const char *const suffixes[] = {".rules", ".test", ".case", NULL};
    struct stat st;
    if (strcmp(a, "-") != 0 && stat(a, &st) == 0 && S_ISDIR(st.st_mode))
        return cli_walk(a, suffixes, ps);
    cli_paths_add(ps, a);
    return true;
}

/* The options and files: -1, or the exit status of a usage error. */
static int fmt_args(int argc, char **argv, struct cli_paths *ps, bool *check,
                    bool *walk_failed)
{
    static const struct option longs[] = {
        {"check", no_argument, NULL, OPT_CHECK},
        {"lang", required_argument, NULL, OPT_LANG},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *v;
    struct cli_args args;
    enum rc_lang lang;
    cli_args_init(&args, argc, argv, "h", longs, USAGE_FMT);
    for (int c; (c = cli_args_next(&args, &v)) != CLI_END;) {
        if (c == CLI_BAD)
            return EXIT_USAGE;
        if (c == 'h')
            return cli_help(USAGE_FMT);
        if (c == OPT_CHECK)
            *check = true;
        else if (c == OPT_LANG && cli_parse_lang(v, &lang) != 0)
            return CLI_USAGE(USAGE_FMT, cli_lang_value, v);
        else if (c == OPT_LANG)
            cli_lang_set(lang);
        else if (!fmt_paths(ps, v))
            *walk_failed = true;
    }
    if (ps->n == 0 && !*walk_failed)
        return CLI_USAGE0(USAGE_FMT, cli_fmt_name_files);
    return -1;
}

int cli_fmt(int argc, char **argv)
{
    struct cli_paths ps = {NULL, 0, 0};
    bool check = false, walk_failed = false;
    int rc = fmt_args(argc, argv, &ps, &check, &walk_failed);
    if (rc != -1) {
        cli_paths_free(&ps);
        return rc;
    }
    rc = walk_failed ? EXIT_CASE_ERROR : EXIT_OK;
    size_t unformatted = 0;
    for (size_t i = 0; i < ps.n; i++) {
        bool u = false;
        int r = fmt_one(ps.v[i], check, &u);
        unformatted += u;
        rc = r > rc ? r : rc;
    }
    if (unformatted) {
        char n[64];
        CLI_PRINT(
            stderr, cli_fmt_not_formatted,
            CLI_COUNT(n, (long)unformatted, cli_fmt_n_file, cli_fmt_n_files));
    }
    cli_paths_free(&ps);
    if (!cli_close_output(stdout, NULL, true))
        return EXIT_CASE_ERROR;
    return rc;
}
