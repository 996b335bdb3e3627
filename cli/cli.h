#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/errstr.h"
#include "engine/msg.h"
#include "engine/rongcuo.h"

/* Shared by the rongcuo commands. */

enum exit_code { EXIT_OK = 0, EXIT_CASE_ERROR = 1, EXIT_USAGE = 2 };

/* The language of the command's own messages: that of --lang when given
 * (cli_lang_init finds it anywhere among the arguments), else the keyword
 * language of the first rule file loaded, else the environment's
 * (msg_env_lang: LC_ALL, LC_MESSAGES, LANG). */
void cli_lang_init(int argc, char **argv);
/* --lang's value: RC_LANG_AUTO when not given. */
enum rc_lang cli_lang_given(void);
/* Set by --lang (lang, not RC_LANG_AUTO). */
void cli_lang_set(enum rc_lang lang);
/* A rule file in lang was loaded: the first one sets the language unless
 * --lang did. */
void cli_lang_rules(enum rc_lang lang);
enum lang cli_lang(void);
/* The same as an rc_lang, for the library. */
enum rc_lang cli_rc_lang(void);

/* The format of message id in the command's language; its arguments are
 * checked as printf's. CLI_PRINT prints it on f; CLI_PUTS one without
 * arguments. */
#define CLI_FMT(id, ...) msg_fmt(MSG_ID(id, __VA_ARGS__), cli_lang())
#define CLI_PRINT(f, id, ...) \
    fprintf((f), CLI_FMT(id, __VA_ARGS__), __VA_ARGS__)
/* The system's reason err in the command's language (errstr_in). */
#define CLI_ERRSTR(err) (errstr_in((err), cli_lang()).s)
#define CLI_PUTS(f, id) fputs(MSG(id, cli_lang()), (f))
/* The usage text id (usage_run, …: the catalog's "Usage texts") in the
 * command's language: --lang (cli_lang_init finds it before the command
 * reads its options, so --help follows it wherever it is), else the
 * environment's. It is text, not a format: print it with fputs or %s. */
#define CLI_USAGE_TEXT(id) MSG(id, cli_lang())
/* "rongcuo: " and message m (an enum msg) formatted with the arguments,
 * then the usage text, on stderr; returns EXIT_USAGE. Use CLI_USAGE. */
int cli_usage_error(const char *usage, int m, ...);
#define CLI_USAGE(usage, id, ...) \
    cli_usage_error((usage), MSG_ID(id, __VA_ARGS__), __VA_ARGS__)
#define CLI_USAGE0(usage, id) cli_usage_error((usage), MSG_##id)
/* n with the message one (n is 1) or many, in the command's language,
 * into buf: "3 facts", "3 個事實". Each takes a long (%ld). */
const char *cli_count(char *buf, size_t size, long n, enum msg one,
                      enum msg many);
#define CLI_COUNT(buf, n, one, many)                           \
    cli_count((buf), sizeof(buf), (n), MSG_ID(one, (long)(n)), \
              MSG_ID(many, (long)(n)))
bool cli_is_help(const char *a);

/* A command's arguments, read in order with getopt_long: options may come
 * before, between and after the file names, "--" ends the options, "-" is
 * a file name, "--name=value" and "-j4" give a value in the same word, and
 * short options without a value go together ("-qj4"). */
struct option;
struct cli_args {
    int argc;
    char **argv;        /* argv[0] is the command's name */
    const char *shorts; /* getopt's short options, e.g. "o:j:qh" */
    const struct option *longs;
    const char *usage; /* printed after a usage error */
    bool ended;        /* past the options ("--", or the last one) */
};
enum { CLI_END = -1, CLI_BAD = -2, CLI_FILE = 1 };
void cli_args_init(struct cli_args *a, int argc, char **argv,
                   const char *shorts, const struct option *longs,
                   const char *usage);
/* The next argument: an option's code (its letter, or the val of a long
 * option) with its value or NULL in *val; CLI_FILE with a file name in
 * *val; CLI_END after the last; CLI_BAD after an unknown option or a
 * missing value has been reported as a usage error. */
int cli_args_next(struct cli_args *a, const char **val);
/* After loading a rule set (rs, or NULL) with diagnostics d: the
 * command's language from its keywords (when the file could be read), and
 * d in --lang's language, or else the file's. */
void cli_lang_loaded(const struct rc_ruleset *rs, struct rc_diags *d);
/* Load a rule set, printing its diagnostics on stderr; NULL when it does
 * not check. */
struct rc_ruleset *cli_load(const char *path);
/* The same for a command that evaluates no case (show). */
struct rc_ruleset *cli_load_only(const char *path);
/* en, zh-Hant or zh-Hans (or another spelling msg_parse_lang takes);
 * -1 for anything else. */
int cli_parse_lang(const char *s, enum rc_lang *lang);
/* The files a run reads, which its output must not replace: the rule
 * files named, their bases, the case files ("-" for standard input). */
struct cli_inputs {
    const char **v;
    int n, cap;
};
/* path stays borrowed; NULL is ignored. */
void cli_inputs_add(struct cli_inputs *in, const char *path);
void cli_inputs_free(struct cli_inputs *in);
/* Every file whose rules or measures rs holds. */
void cli_inputs_add_rules(struct cli_inputs *in, const struct rc_ruleset *rs);
/* Standard output when path is NULL (unless it is one of the inputs);
 * otherwise a temporary file beside FILE (beside its target for a symbolic
 * link) that cli_close_output renames into place, so that an interrupted
 * run never leaves a half-written file. Refuses a path that is an input,
 * not a regular file, or read-only. NULL after an error message. */
FILE *cli_open_output(const char *path, const struct cli_inputs *in);
/* Flush and put the output in place (when keep), with the permissions of
 * the file replaced; false on a write error, after a message. A reader of
 * standard output that has gone (EPIPE) is not an error. */
bool cli_close_output(FILE *f, const char *path, bool keep);
/* Print text (a --help) on standard output: EXIT_OK, or EXIT_CASE_ERROR
 * after a message when it could not be written. */
int cli_help(const char *text);

/* Whole records on a file descriptor: they are gathered and written with
 * write(2), never cut; a SIGINT, SIGTERM or SIGHUP while a batch is being
 * written to standard output waits until the batch is out. */
struct cli_records {
    int fd, err; /* err: the errno of a failed write, then 0 */
    size_t len;
    char buf[1 << 16];
};
void cli_records_init(struct cli_records *r, FILE *f);
/* Add one whole record; 0, or the errno of a failed write. */
int cli_records_put(struct cli_records *r, const char *data, size_t len);
int cli_records_flush(struct cli_records *r);
/* Flush r, then close f as cli_close_output does (dropping a partial -o
 * file after a write error); false after a message. A reader of standard
 * output that has gone (r->err is EPIPE) is not an error. */
bool cli_records_close(struct cli_records *r, FILE *f, const char *path);

/* s with control characters escaped as in the traces (docs/output.md). */
void cli_put_text(FILE *f, const char *s);

/* "rongcuo: out of memory" on stderr, then exit with EXIT_USAGE. */
_Noreturn void cli_out_of_memory(void);

/* A list of paths, each its own copy. */
struct cli_paths {
    char **v;
    size_t n, cap;
};
void cli_paths_add(struct cli_paths *ps, const char *p);
void cli_paths_free(struct cli_paths *ps);
bool cli_has_suffix(const char *s, const char *suffix);
/* Add the files below the folder dir whose names end in one of suffixes
 * (a list ending in NULL), depth first, in name order. A file that cannot
 * be read (a dangling symbolic link) is listed, to fail when it is read;
 * a folder that cannot be read is an error (false, after a message). */
bool cli_walk(const char *dir, const char *const *suffixes,
              struct cli_paths *ps);

int cli_test(int argc, char **argv);
int cli_diff(int argc, char **argv);
/* rongcuo graph (cli/graph.c). */
int cli_graph(int argc, char **argv);
int cli_fmt(int argc, char **argv);
int cli_prove(int argc, char **argv);
/* rongcuo-prove diff OLD NEW (cli/prove.c, in rongcuo-prove only). */
int cli_prove_diff(int argc, char **argv);

/* Run rongcuo-prove (cli/prove_main.c), the one program that loads the
 * solver, found beside this program or else on the PATH, with argv;
 * returns only when it cannot be run (errno says why). */
void cli_prover_exec(char **argv);
/* Run rongcuo-prove with argv (cli_prover_exec) in a child, reading its
 * standard output into *out (NUL-terminated, *len bytes, for the caller
 * to free; NULL when out of memory or it could not be run). Returns its
 * exit status: 127 when it could not be run, 128 + N when signal N ended
 * it. */
int cli_prover_run(char **argv, char **out, size_t *len);
/* check's deeper warnings (cli/analysis.c): run `rongcuo-prove analyse`
 * on rules, loaded as rs (which checks without errors), in --lang lang
 * (NULL: not given), and print its warnings on stdout; or, when it cannot
 * be run or fails, or rs is too large to analyse (analysis_fits), a note
 * line that says so. Returns the number of warnings. */
int cli_check_analysis(const struct rc_ruleset *rs, const char *rules,
                       const char *lang);
/* rongcuo-prove analyse: the deeper warnings of check (cli/prove_analysis.c).
 */
int cli_analyse(int argc, char **argv);
/* rongcuo-prove bottom [--junit] [--lang L] RULES: the bottom lines that
 * test proves (cli/prove_analysis.c): a line "PROVEN VIOLATED UNDECIDED"
 * (and, with --junit, the length of the report), then the report as prove
 * prints it, without its summary line (then, with --junit, a JUnit
 * <testsuite>). */
int cli_bottom(int argc, char **argv);

#endif
