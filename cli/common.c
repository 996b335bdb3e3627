#include "cli/cli.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What the commands share: usage errors, loading a rule set, the trace
 * language. Output is in cli/output.c. */

static struct {
    enum rc_lang given; /* --lang, or RC_LANG_AUTO */
    enum rc_lang rules; /* the first rule file's, or RC_LANG_AUTO */
    enum lang env;
} lang_state = {RC_LANG_AUTO, RC_LANG_AUTO, LANG_EN};

void cli_lang_init(int argc, char **argv)
{
    lang_state.env = msg_env_lang();
    for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *v = strncmp(argv[i], "--lang=", 7) == 0 ? argv[i] + 7
                        : strcmp(argv[i], "--lang") == 0 && i + 1 < argc
                            ? argv[i + 1]
                            : NULL;
        enum rc_lang l;
        if (v && cli_parse_lang(v, &l) == 0)
            lang_state.given = l;
    }
}

enum rc_lang cli_lang_given(void)
{
    return lang_state.given;
}

void cli_lang_set(enum rc_lang lang)
{
    lang_state.given = lang;
}

void cli_lang_rules(enum rc_lang lang)
{
    if (lang_state.rules == RC_LANG_AUTO)
        lang_state.rules = lang;
}

enum rc_lang cli_rc_lang(void)
{
    if (lang_state.given != RC_LANG_AUTO)
        return lang_state.given;
    if (lang_state.rules != RC_LANG_AUTO)
        return lang_state.rules;
    return (enum rc_lang)lang_state.env;
}

enum lang cli_lang(void)
{
    return (enum lang)cli_rc_lang();
}

const char *cli_count(char *buf, size_t size, long n, enum msg one,
                      enum msg many)
{
    snprintf(buf, size, msg_fmt(n == 1 ? one : many, cli_lang()), n);
    return buf;
}

int cli_usage_error(const char *usage, int m, ...)
{
    const char *fmt = msg_fmt((enum msg)m, cli_lang());
    va_list ap, aq;
    va_start(ap, m);
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    char *text = malloc(n < 0 ? 1 : (size_t)n + 1); /* a path may be long */
    if (!text)
        cli_out_of_memory();
    vsnprintf(text, n < 0 ? 1 : (size_t)n + 1, fmt, ap);
    va_end(ap);
    CLI_PRINT(stderr, cli_prefixed, text);
    fprintf(stderr, "\n\n%s", usage);
    free(text);
    return EXIT_USAGE;
}

void cli_args_init(struct cli_args *a, int argc, char **argv,
                   const char *shorts, const struct option *longs,
                   const char *usage)
{
    *a = (struct cli_args){argc, argv, shorts, longs, usage, false};
    optind = 1;
    opterr = 0; /* getopt's own messages are not ours */
}

/* The usage error for what getopt refused in word (the argument it was
 * reading): code ':' for a missing value, '?' for the rest. */
static int args_refused(const struct cli_args *a, int code, const char *word)
{
    bool is_long = strncmp(word, "--", 2) == 0;
    if (code == ':' && is_long)
        return CLI_USAGE(a->usage, cli_needs_value, word);
    if (code == ':')
        return CLI_USAGE(a->usage, cli_short_needs_value, optopt);
    if (is_long && optopt) /* a value given to an option that takes none */
        return CLI_USAGE(a->usage, cli_takes_no_value, (int)strcspn(word, "="),
                         word);
    if (is_long || !optopt)
        return CLI_USAGE(a->usage, cli_unknown_option, word);
    if (strlen(word) == 2)
        return CLI_USAGE(a->usage, cli_unknown_short, optopt);
    return CLI_USAGE(a->usage, cli_unknown_short_in, optopt, word);
}

int cli_args_next(struct cli_args *a, const char **val)
{
    *val = NULL;
    if (a->ended) { /* the words after "--" are file names */
        if (optind >= a->argc)
            return CLI_END;
        *val = a->argv[optind++];
        return CLI_FILE;
    }
    char shorts[64] = "-:"; /* in order, and ':' for a missing value */
    strncat(shorts, a->shorts, sizeof shorts - 3);
    int at = optind; /* getopt reads a->argv[at] next */
    int c = getopt_long(a->argc, a->argv, shorts, a->longs, NULL);
    if (c == -1) {
        a->ended = true;
        return cli_args_next(a, val);
    }
    if (c == ':' || c == '?') {
        args_refused(a, c, a->argv[at]);
        return CLI_BAD;
    }
    *val = optarg;
    return c == 1 ? CLI_FILE : c;
}

bool cli_is_help(const char *a)
{
    return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0;
}

_Noreturn void cli_out_of_memory(void)
{
    CLI_PRINT(stderr, cli_prefixed, MSG(cli_out_of_memory, cli_lang()));
    fputc('\n', stderr);
    exit(EXIT_USAGE);
}

void cli_lang_loaded(const struct rc_ruleset *rs, struct rc_diags *d)
{
    struct rc_diag x;
    bool read = rs != NULL; /* else: if some error points into the file */
    for (int i = 0; !read && rc_diags_get(d, i, &x) == 0; i++)
        read = x.file && x.line > 0;
    if (read)
        cli_lang_rules(rc_diags_lang(d));
    rc_diags_set_lang(d, cli_lang_given());
}

/* Load the rule file path; on failure say so, with m to end the count. */
static struct rc_ruleset *load(const char *path, int m)
{
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load(path, &d);
    cli_lang_loaded(rs, d);
    fputs(rc_diags_text(d), stderr);
    if (!rs) {
        char n[64];
        fprintf(stderr, msg_fmt((enum msg)m, cli_lang()), path,
                CLI_COUNT(n, rc_diags_errors(d), cli_n_error, cli_n_errors));
    }
    rc_diags_free(d);
    return rs;
}

struct rc_ruleset *cli_load(const char *path)
{
    return load(path, MSG_ID(cli_load_failed, path, ""));
}

struct rc_ruleset *cli_load_only(const char *path)
{
    return load(path, MSG_ID(cli_load_failed_only, path, ""));
}

int cli_parse_lang(const char *s, enum rc_lang *lang)
{
    enum lang l;
    if (msg_parse_lang(s, &l) != 0)
        return -1;
    *lang = (enum rc_lang)l;
    return 0;
}

void cli_paths_add(struct cli_paths *ps, const char *p)
{
    if (ps->n == ps->cap) {
        ps->cap = ps->cap ? ps->cap * 2 : 16;
        char **v = realloc(ps->v, ps->cap * sizeof *v);
        if (!v)
            cli_out_of_memory();
        ps->v = v;
    }
    ps->v[ps->n] = strdup(p);
    if (!ps->v[ps->n])
        cli_out_of_memory();
    ps->n++;
}

void cli_paths_free(struct cli_paths *ps)
{
    for (size_t i = 0; i < ps->n; i++)
        free(ps->v[i]);
    free(ps->v);
    *ps = (struct cli_paths){0};
}

bool cli_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool has_any_suffix(const char *s, const char *const *suffixes)
{
    for (; *suffixes; suffixes++)
        if (cli_has_suffix(s, *suffixes))
            return true;
    return false;
}

static bool walk_in(const char *dir, const char *const *suffixes,
                    struct cli_paths *ps, int depth)
{
    DIR *d = depth > 32 ? NULL : opendir(dir);
    if (!d) {
        CLI_PRINT(stderr, cli_cannot_read_folder, dir,
                  depth > 32 ? MSG(cli_nested_too_deep, cli_lang())
                             : CLI_ERRSTR(errno));
        return false;
    }
    bool ok = true;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        size_t dl = strlen(dir);
        int n = snprintf(path, sizeof path, "%.*s/%s",
                         (int)(dl > 1 && dir[dl - 1] == '/' ? dl - 1 : dl), dir,
                         e->d_name);
        if (n < 0 || (size_t)n >= sizeof path) {
            CLI_PRINT(stderr, cli_path_too_long_in, dir);
            ok = false;
            continue;
        }
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            ok = walk_in(path, suffixes, ps, depth + 1) && ok;
        else if (has_any_suffix(path, suffixes))
            cli_paths_add(ps, path); /* unreadable: its reading says why */
    }
    closedir(d);
    return ok;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool cli_walk(const char *dir, const char *const *suffixes,
              struct cli_paths *ps)
{
    size_t before = ps->n;
    bool ok = walk_in(dir, suffixes, ps, 0);
    if (ps->n - before > 1)
        qsort(ps->v + before, ps->n - before, sizeof *ps->v, by_name);
    return ok;
}
