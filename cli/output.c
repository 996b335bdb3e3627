#define _XOPEN_SOURCE 700 /* realpath */

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

/*
 * Where the commands write, and what they promise about it (docs/output.md):
 * -o FILE is written beside FILE and renamed into place only when the run
 * completes, and never replaces an input of the run or anything but a
 * writable regular file; standard output gets whole records only, even
 * when the run is stopped by a signal; a reader that closes the pipe early
 * ends the command quietly; any other write error is reported, exit 1.
 */

/* The temporary file of -o FILE until it is renamed into place, and the
 * real path it goes to. */
static char tmp_path[PATH_MAX + 32];
static char final_path[PATH_MAX];

/* 0 idle, 1 a batch of records is being written, 2 written while a signal
 * waits for the batch to end. */
static atomic_int out_state;
static volatile sig_atomic_t pending_sig;

static void die(int sig)
{
    if (tmp_path[0])
        unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* With -o the temporary file goes and the run ends at once; on standard
 * output a batch being written is finished first, so that no record is
 * cut; a second signal ends it at once. */
static void on_signal(int sig)
{
    int writing = 1;
    pending_sig = sig;
    if (!tmp_path[0] && atomic_compare_exchange_strong(&out_state, &writing, 2))
        return;
    die(sig);
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

void cli_inputs_add(struct cli_inputs *in, const char *path)
{
    if (!path)
        return;
    for (int i = in->n - 1; i >= 0 && i >= in->n - 8; i--)
        if (strcmp(in->v[i], path) == 0)
            return; /* the rules of one file come together */
    if (in->n == in->cap) {
        in->cap = in->cap ? in->cap * 2 : 16;
        in->v = realloc(in->v, (size_t)in->cap * sizeof *in->v);
        if (!in->v)
            cli_out_of_memory();
    }
    in->v[in->n++] = path;
}

void cli_inputs_free(struct cli_inputs *in)
{
    free(in->v);
    in->v = NULL;
    in->n = in->cap = 0;
}

void cli_inputs_add_rules(struct cli_inputs *in, const struct rc_ruleset *rs)
{
    for (int part = RC_RULE; part <= RC_MEASURE; part++) {
        int n = rc_ruleset_ids(rs, (enum rc_part)part, NULL, 0);
        const char **ids = calloc((size_t)n + 1, sizeof *ids);
        if (!ids)
            return;
        rc_ruleset_ids(rs, (enum rc_part)part, ids, n);
        for (int i = 0; i < n; i++) {
            int line;
            cli_inputs_add(in, rc_ruleset_rule_origin(rs, ids[i], &line));
        }
        free(ids);
    }
}

/* The input that st is, or NULL. */
static const char *which_input(const struct stat *st,
                               const struct cli_inputs *in)
{
    for (int i = 0; in && i < in->n; i++) {
        struct stat is;
        int r = strcmp(in->v[i], "-") == 0 ? fstat(STDIN_FILENO, &is)
                                           : stat(in->v[i], &is);
        if (r == 0 && is.st_dev == st->st_dev && is.st_ino == st->st_ino)
            return strcmp(in->v[i], "-") == 0 ? MSG(cli_stdin, cli_lang())
                                              : in->v[i];
    }
    return NULL;
}

/* Why path (whose target is st) may not be replaced (the message, which
 * takes the path), or -1. */
static int refusal(const struct stat *st, const char *real,
                   const struct cli_inputs *in, const char **input)
{
    if (S_ISDIR(st->st_mode))
        return MSG_ID(cli_refuse_folder, "");
    if (!S_ISREG(st->st_mode))
        return MSG_ID(cli_refuse_special, "");
    if ((*input = which_input(st, in)))
        return MSG_ID(cli_refuse_input, "");
    if (!(st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) ||
        access(real, W_OK) != 0)
        return MSG_ID(cli_refuse_read_only, "");
    return -1;
}

/* The real path of path into final_path and the mode its replacement
 * gets; false after a message. */
static bool output_target(const char *path, const struct cli_inputs *in,
                          mode_t *mode)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        struct stat lst;
        if (errno != ENOENT || lstat(path, &lst) == 0) {
            CLI_PRINT(stderr, cli_cannot_write, path,
                      errno == ENOENT ? MSG(cli_dangling_link, cli_lang())
                                      : CLI_ERRSTR(errno));
            return false;
        }
        if (strlen(path) >= sizeof final_path) {
            CLI_PRINT(stderr, cli_output_path_too_long, path);
            return false;
        }
        strcpy(final_path, path);
        mode_t mask = umask(0);
        umask(mask);
        *mode = 0666 & ~mask;
        return true;
    }
    if (!realpath(path, final_path)) {
        CLI_PRINT(stderr, cli_cannot_write, path, CLI_ERRSTR(errno));
        return false;
    }
    const char *input = NULL;
    int why = refusal(&st, final_path, in, &input);
    if (why >= 0 && input && strcmp(input, path) != 0) {
        CLI_PRINT(stderr, cli_refuse_input_named, path, input);
        return false;
    }
    if (why >= 0) {
        fprintf(stderr, msg_fmt((enum msg)why, cli_lang()), path);
        return false;
    }
    *mode = st.st_mode & 07777;
    return true;
}

/* Standard output must not be an input either (rongcuo run r c >> c). */
static bool stdout_ok(const struct cli_inputs *in)
{
    struct stat st;
    const char *input;
    if (fstat(STDOUT_FILENO, &st) != 0 || !S_ISREG(st.st_mode) ||
        !(input = which_input(&st, in)))
        return true;
    CLI_PRINT(stderr, cli_stdout_is_input, input);
    return false;
}

FILE *cli_open_output(const char *path, const struct cli_inputs *in)
{
    if (!path)
        return stdout_ok(in) ? stdout : NULL;
    mode_t mode;
    if (!output_target(path, in, &mode))
        return NULL;
    int n = snprintf(tmp_path, sizeof tmp_path, "%s.tmp.XXXXXX", final_path);
    if (n < 0 || (size_t)n >= sizeof tmp_path) {
        tmp_path[0] = '\0';
        CLI_PRINT(stderr, cli_output_path_too_long, path);
        return NULL;
    }
    catch_signals();
    int fd = mkstemp(tmp_path);
    FILE *f = fd < 0 ? NULL : fdopen(fd, "wb");
    if (!f || fchmod(fd, mode) != 0) {
        CLI_PRINT(stderr, cli_cannot_write, path, CLI_ERRSTR(errno));
        if (f)
            fclose(f);
        else if (fd >= 0)
            close(fd);
        if (fd >= 0)
            unlink(tmp_path);
        tmp_path[0] = '\0';
        return NULL;
    }
    return f;
}

bool cli_close_output(FILE *f, const char *path, bool keep)
{
    errno = 0;
    bool ok = fflush(f) == 0 && !ferror(f);
    int err = errno ? errno : EIO;
    if (f == stdout) {
        if (!ok && err == EPIPE)
            return true; /* the reader stopped early: not an error */
        if (!ok)
            CLI_PRINT(stderr, cli_error_writing_output, CLI_ERRSTR(err));
        return ok;
    }
    if (ok && keep && fsync(fileno(f)) != 0) {
        ok = false;
        err = errno;
    }
    if (fclose(f) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (ok && keep && rename(tmp_path, final_path) != 0) {
        CLI_PRINT(stderr, cli_cannot_write, path, CLI_ERRSTR(errno));
        ok = false;
    } else if (!ok && keep) {
        CLI_PRINT(stderr, cli_error_writing, path, CLI_ERRSTR(err));
    }
    if (!ok || !keep)
        unlink(tmp_path);
    tmp_path[0] = '\0';
    return ok;
}

int cli_help(const char *text)
{
    fputs(text, stdout);
    return cli_close_output(stdout, NULL, true) ? EXIT_OK : EXIT_CASE_ERROR;
}

/* write(2) all of data, again after a partial write or an interruption;
 * 0 or an errno. */
static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? errno : EIO;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Write whole records: a signal that comes meanwhile waits for the end. */
static int write_records(int fd, const char *data, size_t len)
{
    atomic_store(&out_state, 1);
    int err = write_all(fd, data, len);
    int writing = 1;
    if (!atomic_compare_exchange_strong(&out_state, &writing, 0))
        die(pending_sig);
    return err;
}

void cli_records_init(struct cli_records *r, FILE *f)
{
    memset(r, 0, sizeof *r);
    r->fd = fileno(f);
    if (f == stdout)
        catch_signals();
}

int cli_records_put(struct cli_records *r, const char *data, size_t len)
{
    if (r->err)
        return r->err;
    if (r->len + len > sizeof r->buf && r->len > 0)
        cli_records_flush(r);
    if (r->err)
        return r->err;
    if (len > sizeof r->buf) {
        r->err = write_records(r->fd, data, len);
        return r->err;
    }
    memcpy(r->buf + r->len, data, len);
    r->len += len;
    return 0;
}

int cli_records_flush(struct cli_records *r)
{
    if (!r->err && r->len > 0)
        r->err = write_records(r->fd, r->buf, r->len);
    r->len = 0;
    return r->err;
}

/* The length of the UTF-8 character at p, or 0 when it is not one. */
static int utf8_len(const unsigned char *p)
{
    int n = p[0] < 0x80                   ? 1
            : p[0] >= 0xf0 && p[0] < 0xf5 ? 4
            : p[0] >= 0xe0                ? 3
            : p[0] >= 0xc2 && p[0] < 0xe0 ? 2
                                          : 0;
    for (int i = 1; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    return n;
}

bool cli_records_close(struct cli_records *r, FILE *f, const char *path)
{
    int err = cli_records_flush(r);
    if (err == EPIPE && f == stdout)
        return true; /* the reader stopped early: not an error */
    if (err) {
        if (path)
            CLI_PRINT(stderr, cli_error_writing_file, path, CLI_ERRSTR(err));
        else
            CLI_PRINT(stderr, cli_error_writing_output, CLI_ERRSTR(err));
        if (f != stdout)
            cli_close_output(f, path, false); /* drops the partial file */
        return false;
    }
    return cli_close_output(f, path, true);
}

void cli_put_text(FILE *f, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char c = *p;
        int n = utf8_len(p);
        if (c == '\\')
            fputs("\\\\", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\r')
            fputs("\\r", f);
        else if (c < 0x20 || c == 0x7f || n == 0)
            fprintf(f, "\\x%c%c", hex[c >> 4], hex[c & 15]);
        else if (c == 0xc2 && p[1] < 0xa0)
            fprintf(f, "\\u%04x", (unsigned)p[1]);
        else if (c == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
            fprintf(f, "\\u%04x", 0x2000u + (unsigned)p[2] - 0x80u);
        else
            fwrite(p, 1, (size_t)n, f);
        p += n ? n : 1;
    }
}
