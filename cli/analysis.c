/*
 * Running rongcuo-prove (the one program that loads the solver) with its
 * output read back through a pipe: the deeper warnings of `rongcuo check`
 * (`rongcuo-prove analyse`, cli/prove_analysis.c), and the bottom lines
 * that `rongcuo test` proves (cli/test_prove.c).
 */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/wait.h>

#include "engine/api_int.h"
#include "engine/sbuf.h"
#include "prove/analysis.h"

void cli_prover_exec(char **argv)
{
    char self[4096], helper[4096 + 32];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
        self[n] = '\0';
        char *slash = strrchr(self, '/');
        if (slash)
            slash[1] = '\0';
        snprintf(helper, sizeof helper, "%srongcuo-prove", slash ? self : "");
        execv(helper, argv);
    }
    execvp("rongcuo-prove", argv); /* or on the PATH */
}

/* Everything fd gives, NUL-terminated, into *len bytes; NULL when out of
 * memory. */
static char *read_all(int fd, size_t *len)
{
    size_t cap = 4096;
    char *b = malloc(cap);
    *len = 0;
    for (ssize_t n; b;) {
        if (cap - *len < 2048) {
            char *m = realloc(b, cap *= 2);
            if (!m)
                free(b);
            b = m;
            if (!b)
                break;
        }
        n = read(fd, b + *len, cap - *len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        *len += (size_t)n;
    }
    if (b)
        b[*len] = '\0';
    return b;
}

/* The child: argv run with its standard output on fd; exit status 127
 * when it cannot be run. */
static void child(int fd, char **argv)
{
    if (dup2(fd, STDOUT_FILENO) < 0)
        _exit(127);
    close(fd);
    cli_prover_exec(argv);
    _exit(127);
}

int cli_prover_run(char **argv, char **out, size_t *len)
{
    int fds[2], status = 0;
    *out = NULL;
    *len = 0;
    fflush(stdout);
    if (pipe(fds) != 0)
        return 127;
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        child(fds[1], argv);
    }
    close(fds[1]);
    *out = pid > 0 ? read_all(fds[0], len) : NULL;
    close(fds[0]);
    while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return pid < 0               ? 127
           : WIFEXITED(status)   ? WEXITSTATUS(status)
           : WIFSIGNALED(status) ? 128 + WTERMSIG(status)
                                 : 1;
}

/* The note line that says why there is no analysis (status: the
 * prover's exit status, 127 when it could not be run; -1: the rules
 * came from standard input). */
static void no_analysis(int status)
{
    const char *note = MSG(sev_note, cli_lang());
    if (status == -1)
        CLI_PRINT(stdout, analysis_stdin, note);
    else if (status == 127)
        CLI_PRINT(stdout, analysis_no_prover, note);
    else
        CLI_PRINT(stdout, analysis_failed, note, status);
    putchar('\n');
}

/* The note for a rule set too large to analyse, as rongcuo-prove would
 * write it, without loading the rules a second time to be told so. */
static void too_large(const struct rc_ruleset *rs, const char *rules)
{
    enum rc_lang given = cli_lang_given();
    enum lang lang =
        (enum lang)(given != RC_LANG_AUTO ? given : rc_ruleset_lang(rs));
    struct sbuf b = {0};
    SB_MSG(&b, lang, analysis_too_large, rules, MSG(sev_note, lang),
           ANALYSIS_MAX_DECLS, ANALYSIS_MAX_OVERRIDES);
    sb_putc(&b, '\n');
    fwrite(b.p, 1, b.len, stdout);
    sb_free(&b);
}

int cli_check_analysis(const struct rc_ruleset *rs, const char *rules,
                       const char *lang)
{
    if (strcmp(rules, "-") == 0) { /* read already: nothing left to read */
        no_analysis(-1);
        return 0;
    }
    if (!analysis_fits(rs->plan)) {
        too_large(rs, rules);
        return 0;
    }
    char *argv[6] = {(char *)"rongcuo-prove", (char *)"analyse", NULL};
    int k = 2;
    if (lang) {
        argv[k++] = (char *)"--lang";
        argv[k++] = (char *)lang;
    }
    argv[k] = (char *)rules;
    char *out, *end = NULL;
    size_t len;
    int code = cli_prover_run(argv, &out, &len);
    long n = out ? strtol(out, &end, 10) : -1;
    if (code != 0 || !end || end == out || *end != '\n' || n < 0) {
        free(out);
        no_analysis(code == 0 ? 1 : code);
        return 0;
    }
    fwrite(end + 1, 1, len - (size_t)(end + 1 - out), stdout);
    free(out);
    return (int)n;
}
