#ifndef REGISTER_REG_INT_H
#define REGISTER_REG_INT_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>

#include "cli/cli.h"
#include "register/register.h"

struct reg {
    sqlite3 *db;
    const char *path;
};

/* The columns of an entry that its hash covers, in order. */
enum {
    REG_F_PREV,
    REG_F_CASE,
    REG_F_TITLE,
    REG_F_FILE,
    REG_F_LINE,
    REG_F_KIND,
    REG_F_TEXT,
    REG_F_STATUS,
    REG_F_VERDICT,
    REG_F_MEASURES,
    REG_F_RULESET,
    REG_F_TIME,
    REG_F_EXPLANATION,
    REG_NF
};
/* The hash of an entry whose fields are f (NULL for SQL NULL): SHA-256
 * over each field as "N" (NULL) or "<length>:<bytes>", as 64 hex digits. */
void reg_entry_hash(const char *const f[REG_NF], char out[65]);

/* The two names a register command takes (history FILE.db CASE-ID,
 * register check FILE.db) read from its arguments, options --lang and
 * --help allowed, into *a and *b (NULL when not given): -1, or the exit
 * status of --help or of a usage error (usage printed after it). */
int reg_two_args(int argc, char **argv, const char *usage, const char **a,
                 const char **b);

/* How a .case file's text is read outside the parser (the lexer's
 * spellings, lexer/lexer.l): a string opens with " 「 or “ and closes
 * with " 」 or ” (\\ and \" escaped inside); braces are { } or the
 * full-width ｛ ｝. reg_quote: the length of the string's opening quote
 * at p, 0 when none opens there. reg_quote_end: p (an opening quote) past
 * its string, up to its closing quote, or else to end or a line end.
 * reg_brace: the length of an opening (open) or closing brace at p, or
 * 0. */
size_t reg_quote(const char *p);
const char *reg_quote_end(const char *p, const char *end);
size_t reg_brace(const char *p, bool open);
/* The facts a case gives, read from its text (kind "case": the lines
 * NAME = VALUE of a .case block; "jsonl": the "facts" object of one JSON
 * line): calls fn for each with its name, value as written, and line
 * (first: the line the text starts on). */
typedef void (*reg_fact_fn)(void *ctx, const char *name, const char *value,
                            int line);
void reg_facts(const char *kind, const char *text, int first, reg_fact_fn fn,
               void *ctx);

/* A temporary folder, and what was written in it, to remove. */
struct reg_tmp {
    char dir[256];
    struct cli_paths made; /* files and folders, in the order made */
};
int reg_tmp_open(struct reg_tmp *t);
/* Everything written removed, and the folder. */
void reg_tmp_close(struct reg_tmp *t);
/* name (relative, without "..") written under the folder with its
 * folders; the path into out. 0, or -1. */
int reg_tmp_write(struct reg_tmp *t, const char *name, const char *text,
                  size_t len, char *out, size_t size);
/* The files of the rule set stored under sha256 written into t; the
 * path of the file run into first. 0, or -1. */
int reg_ruleset_files(struct reg *r, const char *sha256, struct reg_tmp *t,
                      char *first, size_t size);

/* The rule set stored under sha256, rebuilt from its stored texts in a
 * temporary folder and loaded; NULL when it cannot be (or does not give
 * the same SHA-256). */
struct rc_ruleset *reg_ruleset(struct reg *r, const char *sha256);
/* Evaluate the case whose text (kind as in reg_facts) is stored, under
 * rs; its status word, verdict (or NULL) and measures (JSON array) into
 * the buffers. 0, or -1 when it could not be evaluated. */
int reg_evaluate(const struct rc_ruleset *rs, const char *kind,
                 const char *text, char status[16], char *verdict, size_t vsize,
                 char *measures, size_t msize);
/* The temporary folder of reg_evaluate removed. */
void reg_evaluate_end(void);
const char *reg_status_word(enum rc_status s);

/* The head of a case's JSON trace (docs/output.md): NULL for null. */
struct reg_head {
    char *id, *title, *file, *verdict;
    int line;
    char status[16];
    char *measures; /* the names of the measures, as a JSON array */
};
/* The head of the trace json read, stopping after the measures: 0, or
 * -1 when it is not there. reg_head_free frees it either way. */
int reg_trace_head(const char *json, size_t len, struct reg_head *h);
void reg_head_free(struct reg_head *h);

/* The case files of a run, read forward: the file being read. */
struct reg_src {
    char *path;
    FILE *f;
    int line; /* lines read */
    const char *kind;
    char *buf;
    size_t cap;
    ssize_t held; /* the length of line `line`, read but not taken (the
                     head of the case after a block left open), or -1 */
};
/* The text of the case that starts on line of path (kind as in
 * reg_facts into *kind), newly allocated: the file is read on from where
 * the case before stopped, or again from its start when the case is
 * another file's or comes before. NULL when it cannot be read. */
char *reg_src_case(struct reg_src *s, const char *path, int line,
                   const char **kind);
/* The file closed; reg_src_free frees the buffer too. */
void reg_src_close(struct reg_src *s);
void reg_src_free(struct reg_src *s);
/* "rongcuo: " and message to stderr for an SQLite failure on r. */
void reg_db_error(struct reg *r);
/* The same for the failure code (SQLite's result code) and text: a
 * common code said in the command's language, SQLite's text after it in
 * parentheses. */
void reg_db_fail(struct reg *r, int code, const char *text);

#endif
