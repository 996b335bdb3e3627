#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the commands share: usage errors, loading a rule set, the trace
 * language. Output is in cli/output.c. */

int cli_usage_error(const char *usage, const char *fmt, const char *arg)
{
    fprintf(stderr, "rongcuo: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n\n%s", usage);
    return EXIT_USAGE;
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
