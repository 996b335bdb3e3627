#include "cli/cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the commands share: usage errors, loading a rule set, the trace
 * language. Output is in cli/output.c. */

int cli_usage_error(const char *usage, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("rongcuo: ", stderr);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n\n%s", usage);
    va_end(ap);
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
        return cli_usage_error(a->usage, "%s needs a value", word);
    if (code == ':')
        return cli_usage_error(a->usage, "-%c needs a value", optopt);
    if (is_long && optopt) /* a value given to an option that takes none */
        return cli_usage_error(a->usage, "%.*s takes no value",
                               (int)strcspn(word, "="), word);
    if (is_long || !optopt)
        return cli_usage_error(a->usage, "unknown option '%s'", word);
    if (strlen(word) == 2)
        return cli_usage_error(a->usage, "unknown option '-%c'", optopt);
    return cli_usage_error(a->usage, "unknown option '-%c' in '%s'", optopt,
                           word);
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
    fputs("rongcuo: out of memory\n", stderr);
    exit(EXIT_USAGE);
}

struct rc_ruleset *cli_load(const char *path)
{
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load(path, &d);
    fputs(rc_diags_text(d), stderr);
    if (!rs)
        fprintf(stderr, "rongcuo: %s: %d error%s; no case was evaluated\n",
                path, rc_diags_errors(d), rc_diags_errors(d) == 1 ? "" : "s");
    rc_diags_free(d);
    return rs;
}

int cli_parse_lang(const char *s, enum rc_lang *lang)
{
    if (strcmp(s, "en") == 0)
        *lang = RC_LANG_EN;
    else if (strcmp(s, "zh-Hant") == 0)
        *lang = RC_LANG_ZH_HANT;
    else if (strcmp(s, "zh-Hans") == 0)
        *lang = RC_LANG_ZH_HANS;
    else
        return -1;
    return 0;
}
