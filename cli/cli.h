#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/rongcuo.h"

/* Shared by the rongcuo commands. */

enum exit_code { EXIT_OK = 0, EXIT_CASE_ERROR = 1, EXIT_USAGE = 2 };

/* "rongcuo: " fmt (with arg), then the usage text, on stderr; returns
 * EXIT_USAGE. */
int cli_usage_error(const char *usage, const char *fmt, const char *arg);
bool cli_is_help(const char *a);
/* Load a rule set, printing its diagnostics on stderr; NULL when it does
 * not check. */
struct rc_ruleset *cli_load(const char *path);
/* en, zh-Hant or zh-Hans; -1 for anything else. */
int cli_parse_lang(const char *s, enum rc_lang *lang);
/* Standard output when path is NULL; otherwise a temporary file beside
 * path that cli_close_output renames into place, so that an interrupted
 * run never leaves a half-written file. NULL after an error message. */
FILE *cli_open_output(const char *path);
/* Flush and put the output in place (when keep); false on a write error,
 * after a message. */
bool cli_close_output(FILE *f, const char *path, bool keep);

/* "rongcuo: out of memory" on stderr, then exit with EXIT_USAGE. */
_Noreturn void cli_out_of_memory(void);

int cli_test(int argc, char **argv);
int cli_diff(int argc, char **argv);

#endif
