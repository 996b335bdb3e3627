#ifndef ENGINE_CASEREAD_H
#define ENGINE_CASEREAD_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "engine/cases.h"
#include "engine/sbuf.h"

struct arena;
struct diag_list;
struct parse_stream;
struct source;

/*
 * The one reader of case input (LANGUAGE.md §5): .case files, read one
 * case block at a time, and JSON Lines, read one line at a time, for
 * rc_cases_next, rc_cases_run and a test's `given case`; and a single
 * value, for rc_case_set. Everything that reads case text goes through
 * here, so that each reads it the same way: the same errors at the same
 * file:line, the same warnings for a case ID used twice.
 *
 * Out of memory, the functions jump to the caller's recovery point
 * (arena_protect); caseread_close frees the rest.
 */

/* The format is chosen by the name (.case; .jsonl, .ndjson, .json), or
 * else by the first byte that is not a space: '{' is JSON Lines. */
struct case_reader {
    const struct plan *p;
    struct arena *keep; /* the caller's, for what lasts: the file's text */
    const char *path;   /* as given: "-" is standard input */
    const char *name;   /* in diagnostics: "<stdin>" for "-" */
    bool plain_name;    /* sb_plain(name): the same for every line */
    bool jsonl;
    struct case_facts *failed; /* a file that could not be read: its
                                  error, the one entry (in keep) */
    /* .case files: the whole text, parsed one case block at a time */
    struct parse_stream *stream;
    struct case_facts *queued; /* caseread_next: the case after an error
                                  entry */
    /* JSON Lines: one line at a time */
    FILE *f;
    bool own_f;     /* f is closed by caseread_close */
    char in[65536]; /* read ahead */
    long size;      /* of the file, for progress; 0: not known */
    size_t pos, fill;
    char *line;
    size_t linecap;
    int lineno;
    int read_err;  /* errno of a read error; reading has stopped */
    bool ended;    /* no more to read: end of file, an error, or given up */
    bool after_cr; /* the last line ended with CR: a LF next belongs to it */
    bool endless;  /* the last line had no end in LIMIT_FILE_BYTES */
    bool told;     /* the read error has been handed out as a case */
    struct cases_ids ids; /* of the cases handed out, in input order */
    bool ids_later;       /* caseread_batch notes the IDs of its lines */
    long warnings;        /* cases given a warning for their ID */
    struct sbuf text;     /* caseread_next: the line being read */
    const struct suggest_index *sugg; /* p's fact names, for did-you-mean */
};

/* What the reader found next, before it is made a case: a case of a
 * .case file (read in the reader's order), or a JSON line, which
 * caseread_case turns into one, in any thread. */
struct case_record {
    struct case_facts *ready; /* a case of a .case file, or an error */
    size_t off, len;          /* a JSON line in the text it was put in */
    int lineno;
    bool too_long, endless;
    int read_err; /* a read error at lineno: the input ends */
    int twice;    /* the line of an earlier case with the ID at id_off */
    size_t id_off;
    char *id; /* caseread_batch: the line's ID, till it is noted */
};

/* Open path ("-": standard input) for cases of p: the format is chosen,
 * a .case file is read whole (into keep, which must outlive the cases). A
 * file that cannot be opened or read becomes one error entry. */
void caseread_open(struct case_reader *r, struct arena *keep,
                   const struct plan *p, const char *path);
/* The same for a source already read (a test's given case file). */
void caseread_open_source(struct case_reader *r, struct arena *keep,
                          const struct plan *p, const struct source *src);
/* What caseread_open took hold of, keep aside. */
void caseread_close(struct case_reader *r);

/* The next one or two records (an error entry for what lies between case
 * blocks, then the next case), their JSON lines appended to text, cases
 * allocated in a; their number, 0 at the end. */
int caseread_records(struct case_reader *r, struct arena *a, struct sbuf *text,
                     struct case_record out[2]);
/* Records into rec[0..max) as caseread_records makes them, text emptied
 * first, until rec has no room for two more or text holds bytes or more:
 * a batch is bounded by its bytes as well as its lines, so that long lines
 * take no more memory than short ones. Their number, 0 at the end. */
int caseread_batch(struct case_reader *r, struct arena *a, struct sbuf *text,
                   struct case_record *rec, int max, size_t bytes);
/* The case of rec, whose line is in text, allocated in a; a warning for
 * an ID used twice counts in *warnings. Reads only what is constant in r:
 * safe in many threads at once. */
struct case_facts *caseread_case(const struct case_reader *r, struct arena *a,
                                 const char *text,
                                 const struct case_record *rec, long *warnings);
/* The next case, in a, or NULL at the end: records and cases in one.
 * Resets a, but for the case read with the entry before it. */
struct case_facts *caseread_next(struct case_reader *r, struct arena *a);
/* The share of the input read so far, 0 to 1; -1 when not known. */
double caseread_progress(const struct case_reader *r);

/* The case of src that a test names by its id (NULL: the only one), in
 * a, as rc_cases_next reads it: *out is the first with that id, or NULL.
 * The errors outside every case (*outside of them), and those of *out,
 * go to errors. Returns the number of cases in src. */
int caseread_given(struct arena *a, const struct plan *p,
                   const struct source *src, const char *id,
                   struct diag_list *errors, const struct case_facts **out,
                   int *outside);

/* A case standing for an error outside any case: its errors are dl, its
 * place loc, or the start of the file named name. */
struct case_facts *caseread_error_case(struct arena *a, const struct plan *p,
                                       struct diag_list *dl, const char *name,
                                       const struct src_loc *loc);

/* A single value as written in a .case file after '=', in text[0..len),
 * and nothing after it; in a, its place in a source named name. NULL
 * after an error in dl. */
struct ast_value *caseread_value(struct arena *a, struct diag_list *dl,
                                 const char *name, const char *text,
                                 size_t len);

#endif
