#include "cli/cli.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What the commands share: usage errors, loading a rule set, the trace
 * language, and output files that appear only when complete. */

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

/* Where -o FILE is written until the run completes. */
static char tmp_path[4096];

static void on_signal(int sig)
{
    if (tmp_path[0])
        unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

FILE *cli_open_output(const char *path)
{
    if (!path)
        return stdout;
    int n =
        snprintf(tmp_path, sizeof tmp_path, "%s.tmp.%ld", path, (long)getpid());
    if (n < 0 || (size_t)n >= sizeof tmp_path) {
        tmp_path[0] = '\0';
        fprintf(stderr, "rongcuo: output path too long: %s\n", path);
        return NULL;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    FILE *f = fopen(tmp_path, "wb");
    if (!f) {
        fprintf(stderr, "rongcuo: cannot write '%s': %s\n", path,
                strerror(errno));
        tmp_path[0] = '\0';
    }
    return f;
}

/* Flush and put the output in place; false on a write error. */
bool cli_close_output(FILE *f, const char *path, bool keep)
{
    bool ok = fflush(f) == 0 && !ferror(f);
    int err = errno;
    if (f == stdout) {
        if (!ok && err != EPIPE)
            fprintf(stderr, "rongcuo: error writing output: %s\n",
                    strerror(err));
        return ok;
    }
    ok = fclose(f) == 0 && ok;
    if (ok && keep && rename(tmp_path, path) != 0) {
        fprintf(stderr, "rongcuo: cannot write '%s': %s\n", path,
                strerror(errno));
        ok = false;
    } else if (!ok) {
        fprintf(stderr, "rongcuo: error writing '%s': %s\n", path,
                strerror(err));
    }
    if (!ok || !keep)
        unlink(tmp_path);
    tmp_path[0] = '\0';
    return ok;
}
