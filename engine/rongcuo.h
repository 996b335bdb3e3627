#ifndef ENGINE_RONGCUO_H
#define ENGINE_RONGCUO_H

#include <stddef.h>

/*
 * librongcuo: load and check a rule set, read cases from files or build
 * them in memory, evaluate them, and render the reasoned verdict trace.
 * The `rongcuo` command uses this and nothing else. Nothing here prints
 * or aborts: diagnostics, traces and errors come back as data.
 *
 * Arguments. Every function checks its arguments: a NULL, freed or foreign
 * handle, an enum value outside its type, a negative max, or NULL where a
 * pointer is needed makes it return its error value (NULL, -1, RC_ERROR,
 * or nothing for the free functions, each said below) and do nothing
 * else. Freeing a handle twice, or NULL, does nothing.
 *
 * Out of memory. A function that runs out of memory frees what it made
 * and returns its error value (NULL from the _new, _open, _show, _test,
 * _part_text and _render functions); besides, rc_ruleset_load gives
 * diagnostics saying "out of memory", rc_case_error and rc_eval_error
 * say so, rc_cases_next gives a case with status RC_ERROR that says so
 * and then ends, and rc_cases_run returns RC_RUN_NO_MEMORY. One
 * exception: numbers past 64 bits are computed with GMP, whose own
 * temporaries (some tens of KB at most) come from malloc, and GMP aborts
 * the process when that fails. The library never changes GMP's memory
 * functions.
 *
 * Global state. The library keeps one process-wide registry of the live
 * handles (a set of pointers under a lock, consulted without reading
 * through the pointer), so that a freed or foreign handle is refused
 * rather than read; a handle's memory given since to a new handle of the
 * same kind cannot be told from it. Besides, each thread keeps, only
 * while it is inside a call, where to return to if memory runs out (a
 * thread-local recovery point), and the library's own tests use one
 * hidden counter to make an allocation fail. Nothing else is global.
 *
 * Threads. A rule set, once loaded, is only read: any number of threads
 * may evaluate cases against one rule set at once, each with its own
 * struct rc_eval (and its own cases). rc_ruleset_show, rc_ruleset_test,
 * rc_ruleset_part_text and rc_ruleset_graph use buffers of the rule set:
 * call them from one thread. A handle is freed when no other thread is
 * using it.
 *
 * Lifetimes. rc_ruleset_free drops the caller's hold on a rule set (its
 * handle is then no longer live for the caller): the cases, streams and
 * evaluations made from it keep it alive until they are freed, and so
 * stay usable. An evaluation holds the case made by
 * rc_case_new that it last evaluated, so rc_case_free may come before
 * rendering; a case from rc_cases_next lives only until the stream's next
 * case or rc_cases_close, and an evaluation of it renders NULL after.
 * Strings returned borrow from the handle they came from, for as long as
 * said below.
 */

#if defined(__GNUC__)
#define RC_API __attribute__((visibility("default")))
#else
#define RC_API
#endif

struct rc_ruleset;   /* a checked, compiled rule set */
struct rc_diags;     /* diagnostics of loading a rule set */
struct rc_cases;     /* a stream of cases from one file */
struct rc_case;      /* one case's facts, or its errors */
struct rc_eval;      /* the outcome of evaluating one case */
struct rc_rulecache; /* rule files kept for many loads */

enum rc_lang {
    RC_LANG_AUTO = -1,
    RC_LANG_EN,
    RC_LANG_ZH_HANT,
    RC_LANG_ZH_HANS
};
/* The trace in full, or brief (--trace none: the case, status, verdict,
 * measures, rules fired and missing facts only); RC_HTML: the case's part
 * of an HTML report, for rc_report_add. */
enum rc_format { RC_TEXT, RC_JSON, RC_TEXT_BRIEF, RC_JSON_BRIEF, RC_HTML };
enum rc_status { RC_DECIDED, RC_UNDETERMINED, RC_ERROR };

/* Load, check and compile the rule file at path. Returns NULL when it does
 * not check (or path is NULL); *diags (never NULL after the call, unless
 * diags is NULL) holds the errors and any warnings. */
RC_API struct rc_ruleset *rc_ruleset_load(const char *path,
                                          struct rc_diags **diags);
/* The same from text in memory; name stands for the file in diagnostics,
 * and a base that the text extends is found relative to it. */
RC_API struct rc_ruleset *rc_ruleset_load_buffer(const char *name,
                                                 const char *text, size_t len,
                                                 struct rc_diags **diags);
/* rongcuo fmt: the text of a rule or case file (len bytes; name stands
 * for the file in diagnostics) in the canonical layout (docs/fmt.md):
 * the same tokens, comments and blank-line groups, laid out as the
 * shipped rule files are. Returns it NUL-terminated, its length in
 * *outlen, to be freed with free(); NULL when the text has a syntax error
 * or memory runs out. *diags (never NULL after the call, unless diags is
 * NULL) holds the errors, in the keyword language of the text. */
RC_API char *rc_format(const char *name, const char *text, size_t len,
                       size_t *outlen, struct rc_diags **diags);
/* Rule files read, parsed and hashed once for many loads (a folder of
 * variants that extend one base): a file is taken again while its path
 * leads to the same file with the same size and time. Rule sets loaded
 * through the cache hold it, so it may be freed before them. Not for two
 * threads at once. NULL when out of memory. */
RC_API struct rc_rulecache *rc_rulecache_new(void);
/* rc_ruleset_load through cache (NULL or not live: rc_ruleset_load). */
RC_API struct rc_ruleset *rc_ruleset_load_cached(struct rc_rulecache *cache,
                                                 const char *path,
                                                 struct rc_diags **diags);
RC_API void rc_rulecache_free(struct rc_rulecache *cache);
/* The rule set's policy name and version (NULL when not given), and the
 * SHA-256 of every file of it, bases included: every result names these.
 * Valid while rs lives; NULL for a handle that is not live. */
RC_API const char *rc_ruleset_policy(const struct rc_ruleset *rs);
RC_API const char *rc_ruleset_version(const struct rc_ruleset *rs);
RC_API const char *rc_ruleset_sha256(const struct rc_ruleset *rs);
RC_API void rc_ruleset_free(struct rc_ruleset *rs);
/* Keyword language the rule file is written in; RC_LANG_AUTO for a
 * handle that is not live. */
RC_API enum rc_lang rc_ruleset_lang(const struct rc_ruleset *rs);
/* Counts of the rule set's parts: facts, rules, conclusions, measures
 * (each pointer may be NULL; -1 each for a handle that is not live). */
RC_API void rc_ruleset_counts(const struct rc_ruleset *rs, int *facts,
                              int *rules, int *conclusions, int *measures);

/* The effective rule set after extends, amend and repeal, written in the
 * rule language with each declaration's origin; valid until the next
 * rc_ruleset_show or rc_ruleset_part_text of rs, or rs is freed. NULL on
 * a bad argument or out of memory. */
RC_API const char *rc_ruleset_show(struct rc_ruleset *rs, enum rc_lang lang);
/* The rule graph of rs in Graphviz DOT (docs/graph.md): facts, rules,
 * conclusions, verdict lines and measures of the effective rule set, each
 * with edges from what its condition reads; rules coloured by the file
 * they come from, amended, repealed and overriding ones marked, and a
 * legend, in lang (RC_LANG_AUTO: the keyword language of rs). With ev,
 * the last evaluation of a case of rs (without errors, and for a case
 * from a stream, before the stream's next case), each node is coloured by
 * its truth for that case. Valid until the next rc_ruleset_graph,
 * rc_ruleset_show or rc_ruleset_part_text of rs, or rs is freed. NULL on
 * a bad argument (ev among them) or out of memory. */
RC_API const char *rc_ruleset_graph(struct rc_ruleset *rs,
                                    const struct rc_eval *ev,
                                    enum rc_lang lang);

/* Run the tests written in the rule file (LANGUAGE.md §6) against its rule
 * set. Returns a line per test ("ok" or "FAIL", the expectations that
 * failed and the trace of the actual outcome) and adds to *passed and
 * *failed. With junit, *junit gets a JUnit <testsuite> element. The texts
 * are valid until the next rc_ruleset_test of rs, or rs is freed. NULL
 * on a bad argument (passed and failed are needed) or out of memory. */
RC_API const char *rc_ruleset_test(struct rc_ruleset *rs, enum rc_lang lang,
                                   int *passed, int *failed,
                                   const char **junit);

enum rc_part { RC_RULE, RC_MEASURE, RC_VERDICT_TABLE };

/* What the last rc_ruleset_test exercised of one rule, measure or verdict
 * line (part RC_VERDICT_TABLE, id the line's verdict): whether some test
 * made it true (fired, attached, decided) and whether some test saw its
 * condition false (-1 for an otherwise line, which cannot be). */
struct rc_cover {
    enum rc_part part;
    const char *id, *file;
    int line;
    int made_true, seen_false;
};
/* Fills up to max items, rules first, then measures, then verdict lines;
 * returns how many there are (0 before any rc_ruleset_test), or -1 on a
 * bad argument. The strings are valid while rs lives. */
RC_API int rc_ruleset_coverage(const struct rc_ruleset *rs,
                               struct rc_cover *out, int max);

/* The files of the rule set: i = 0 the file loaded, 1 the file it
 * extends, 2 the file that one extends, and so on; NULL past the last (or
 * on a bad argument). The names are spelled as in rc_cover and
 * rc_ruleset_rule_origin. Valid while rs lives. */
RC_API const char *rc_ruleset_file(const struct rc_ruleset *rs, int i);

/* How many tests the rule file holds; -1 for a handle that is not live. */
RC_API int rc_ruleset_ntests(const struct rc_ruleset *rs);

enum rc_severity { RC_SEV_ERROR, RC_SEV_WARNING, RC_SEV_NOTE };

struct rc_diag {      /* one diagnostic, as data */
    const char *file; /* NULL when it has no place (a missing file) */
    int line, column; /* column counts characters */
    enum rc_severity severity;
    const char *message;
    const char *hint; /* NULL or a suggestion */
    const char *code; /* the message's stable code (its id in the
                         catalog), or NULL */
};

/* How many diagnostics, and diagnostic i (0-based) into *out; -1 when
 * there is no such one. The strings live as long as d. Each count is -1,
 * and the text NULL, for a handle that is not live. */
RC_API int rc_diags_count(const struct rc_diags *d);
RC_API int rc_diags_get(const struct rc_diags *d, int i, struct rc_diag *out);
RC_API int rc_diags_errors(const struct rc_diags *d);
RC_API int rc_diags_warnings(const struct rc_diags *d);
/* Every diagnostic as text (file:line:col, source line, caret, hint). */
RC_API const char *rc_diags_text(struct rc_diags *d);
/* Messages, hints and the text of d in lang from now on; RC_LANG_AUTO
 * (the default) is the keyword language of the rule file. */
RC_API void rc_diags_set_lang(struct rc_diags *d, enum rc_lang lang);
/* That keyword language (RC_LANG_AUTO for a handle that is not live). */
RC_API enum rc_lang rc_diags_lang(const struct rc_diags *d);
RC_API void rc_diags_free(struct rc_diags *d);

/* Open a case file: .case syntax, or JSON Lines (by a .jsonl/.ndjson/.json
 * name, or a first character '{'); "-" reads standard input. A file that
 * cannot be read yields one case with status RC_ERROR; so does a JSON
 * Lines file whose reading fails part way, after the cases before. NULL
 * on a bad argument or out of memory. The stream holds rs until it is
 * closed. */
RC_API struct rc_cases *rc_cases_open(const struct rc_ruleset *rs,
                                      const char *path);
/* The next case, valid until the next call or rc_cases_close; NULL at
 * the end (or for a handle that is not live). */
RC_API const struct rc_case *rc_cases_next(struct rc_cases *cs);
RC_API void rc_cases_close(struct rc_cases *cs);
/* How far through its file the stream is, from 0 to 1; -1 when that
 * cannot be known (standard input, a handle that is not live). */
RC_API double rc_cases_progress(const struct rc_cases *cs);
/* How many cases handed out so far (by rc_cases_next or rc_cases_run) got
 * a warning: an ID that an earlier case of the same input has. */
RC_API long rc_cases_warnings(const struct rc_cases *cs);

/* Where rc_cases_run hands each case's trace: return non-zero to stop. */
typedef int (*rc_write_fn)(void *ctx, const char *data, size_t len);
struct rc_counts {
    long decided, undetermined, errors;
};
/* rc_cases_run's own errors; write should return 0 or a positive value. */
#define RC_RUN_BAD_ARGUMENT (-1)
#define RC_RUN_NO_MEMORY    (-2)
/* Evaluate every case of cs on `threads` threads and hand each trace to
 * write, in input order, byte for byte what one thread would give. Memory
 * stays flat however many cases come, but for their IDs. with why_not (or
 * NULL) as in rc_eval_why_not. Adds to *counts; returns 0, what write
 * returned when it stopped the run, RC_RUN_BAD_ARGUMENT (nothing done), or
 * RC_RUN_NO_MEMORY: memory ran out, the traces of the cases before the
 * one that could not be evaluated were handed out, and the run stopped. */
RC_API int rc_cases_run(struct rc_cases *cs, int threads, enum rc_format f,
                        enum rc_lang lang, const char *why_not,
                        rc_write_fn write, void *ctx, struct rc_counts *counts);
/* A second trace of every case (rc_cases_run_also), for a second reader
 * such as a register: in format, in lang (RC_LANG_AUTO: the keyword
 * language of the rule set), with the run's why_not. */
struct rc_also {
    enum rc_format format;
    enum rc_lang lang;
    /* each case's second trace, right after write got its first; return
       non-zero to stop, as write does */
    rc_write_fn write;
    /* NULL, or called once the cases of a batch (at most a few thousand)
       have been handed out, or as many of them as were when the run
       stopped: a reader can end a transaction there; non-zero stops */
    int (*batch_end)(void *ctx);
    void *ctx;
};
/* rc_cases_run, the workers also rendering each case as also says (NULL:
 * rc_cases_run itself). write and also's functions are called from one
 * thread at a time, in input order, not always the caller's thread. The
 * first trace is byte for byte what rc_cases_run gives, and so is the
 * second, in its format. RC_RUN_BAD_ARGUMENT also for a format or
 * language of also out of range, or no also->write. */
RC_API int rc_cases_run_also(struct rc_cases *cs, int threads, enum rc_format f,
                             enum rc_lang lang, const char *why_not,
                             rc_write_fn write, void *ctx,
                             const struct rc_also *also,
                             struct rc_counts *counts);

/* A case built in memory: set its facts by name, then rc_evaluate it.
 * A value is written as in a .case file: 是 / true, 12.5, 2023-05-01,
 * "text", an option, {a, b}, unknown; one value, and nothing after it
 * but spaces and a # comment. rc_case_set returns 0, or -1 with
 * rc_case_error() saying why (unknown fact, not one value, wrong type,
 * option outside the fact's domain, out of memory; a case from a file, which is
 * not changed, gives no reason); setting a fact again replaces its value.
 * rc_case_new copies id and title, holds rs, and returns NULL on a bad
 * argument or out of memory. rc_case_error's text is valid until the next
 * rc_case_set of c or c is freed. Setting facts again and again does not
 * grow the memory a case holds. */
RC_API struct rc_case *rc_case_new(const struct rc_ruleset *rs, const char *id,
                                   const char *title);
RC_API int rc_case_set(struct rc_case *c, const char *fact, const char *value);
RC_API const char *rc_case_error(const struct rc_case *c);
/* Frees a case made by rc_case_new (not one from rc_cases_next, which is
 * left alone). */
RC_API void rc_case_free(struct rc_case *c);

/* An evaluation for cases of rs, which it holds; NULL on a bad argument
 * or out of memory. */
RC_API struct rc_eval *rc_eval_new(const struct rc_ruleset *rs);
/* Explain in every trace why the case did not get verdict (--why-not):
 * for each line of that verdict, the conditions that failed and the facts
 * still unknown, down to the rules behind each conclusion. Returns -1 when
 * the verdict table has no such verdict (then *near may name a close
 * one). */
RC_API int rc_eval_why_not(struct rc_eval *ev, const char *verdict,
                           const char **near);
/* Evaluate c; a case with errors is not evaluated (RC_ERROR). A case that
 * is not live, or was made for another rule set than ev's, is refused:
 * status RC_ERROR and rc_eval_error says why. */
RC_API void rc_evaluate(struct rc_eval *ev, const struct rc_case *c);
/* Why the last rc_evaluate evaluated nothing ("nothing evaluated yet" for
 * a new evaluation, a refused case, out of memory), or NULL when it
 * evaluated its case. A static string. */
RC_API const char *rc_eval_error(const struct rc_eval *ev);
/* RC_ERROR too when nothing was evaluated (rc_eval_error). */
RC_API enum rc_status rc_eval_status(const struct rc_eval *ev);
/* The verdict's name; NULL when undetermined, erroneous, none applied, or
 * nothing evaluated. Valid while ev lives (it holds its rule set). */
RC_API const char *rc_eval_verdict(const struct rc_eval *ev);
enum rc_list {
    RC_MEASURES,
    RC_FIRED,
    RC_OVERRIDDEN,
    RC_MISSING,
    RC_UNSETTLED,
    RC_IGNORED
};
/* Names in one part of the outcome, in declaration order: measures
 * attached; rules that fired, that is whose condition is true, overridden
 * or not (LANGUAGE.md §3); rules that fired and were or may be overridden;
 * facts missing for an undetermined verdict; rules whose effect is unknown;
 * facts the case gives that were dropped (rc_eval_ignore_undeclared), as
 * written, in the order given, listed for a case with an error too. Fills
 * up to max into out; returns how many there are in all (0 when nothing
 * was evaluated), or -1 on a bad argument. The names are valid while ev
 * lives and, for a case from a stream, until the stream's next case. */
RC_API int rc_eval_list(const struct rc_eval *ev, enum rc_list which,
                        const char **out, int max);
/* on != 0: from the next rc_evaluate on, a fact that a case gives, that
 * ev's rule set does not declare and that known does (known NULL: any
 * such fact) is dropped instead of being an error; rc_eval_list
 * RC_IGNORED names the facts dropped. Every other error of the case stays
 * an error, and so does every undeclared fact of a case that gives more
 * than ten. ev holds known. on == 0: they are all errors again (the
 * default). */
RC_API void rc_eval_ignore_undeclared(struct rc_eval *ev, int on,
                                      const struct rc_ruleset *known);
/* The diagnostics of the last evaluation: the case's (errors of its
 * facts, warnings), or the evaluation's when the case had no error. Puts
 * diagnostic i (0-based) into *out, when out is not NULL and there is
 * such a one, with its message and hint in lang (RC_LANG_AUTO: the keyword
 * language of the rule set); returns how many there are (0 when nothing
 * was evaluated), or -1 on a bad argument. The strings are valid until
 * the next rc_evaluate of ev or, for a case from a stream, the stream's
 * next case. */
RC_API int rc_eval_diag(const struct rc_eval *ev, int i, enum rc_lang lang,
                        struct rc_diag *out);
/* The case's ID, or NULL when the case could not be read that far (or is
 * not live). These strings live as long as the case. */
RC_API const char *rc_case_id(const struct rc_case *c);
/* Its title, or NULL. */
RC_API const char *rc_case_title(const struct rc_case *c);
/* The file the case stands in, and in *line (if not NULL) where it
 * starts; NULL and 0 for a case that is not live. */
RC_API const char *rc_case_source(const struct rc_case *c, int *line);
/* The IDs of the rules or measures of the effective rule set, in order:
 * fills up to max, returns how many there are (-1 on a bad argument). The
 * IDs are valid while rs lives. */
RC_API int rc_ruleset_ids(const struct rc_ruleset *rs, enum rc_part part,
                          const char **ids, int max);
/* A rule, a measure or the verdict table (id ignored) in a canonical form,
 * the same for two versions exactly when they say the same; NULL when
 * there is no such part (or on a bad argument, or out of memory). Valid
 * until the next rc_ruleset_part_text or rc_ruleset_show of rs. */
RC_API const char *rc_ruleset_part_text(struct rc_ruleset *rs,
                                        enum rc_part part, const char *id);
/* The file and line where rule or measure id is declared (after extends,
 * amend and repeal; "" for the verdict table), or NULL when the rule set
 * has no such part (or on a bad argument). Valid while rs lives. */
RC_API const char *rc_ruleset_rule_origin(const struct rc_ruleset *rs,
                                          const char *id, int *line);
/* 1 when a and b (UTF-8) are the same name: equal once each character is
 * folded from traditional to simplified (發現日期 and 发现日期, LANGUAGE.md
 * §9), as the rule set compares the names of facts, options, rules,
 * measures and verdicts; else 0 (and for a NULL argument). */
RC_API int rc_name_same(const char *a, const char *b);
/* The trace of the last evaluation; valid until the next render or
 * rc_eval_free. NULL (and *len 0) when nothing was evaluated, the case
 * evaluated came from a stream that has moved on or closed, on a bad
 * argument, or out of memory. len may be NULL. */
RC_API const char *rc_eval_render(struct rc_eval *ev, enum rc_format f,
                                  enum rc_lang lang, size_t *len);
RC_API void rc_eval_free(struct rc_eval *ev);

/* The HTML report of a run or a diff (docs/report.md): one file that
 * needs nothing from outside. Made by rc_report_new for the rule set rs
 * (with old, a diff from old to rs; NULL: a run), in lang (RC_LANG_AUTO:
 * that of the rule file), it takes the RC_HTML trace of every case in
 * order, by rc_report_add, or of both versions of every case, by
 * rc_report_add_diff (changed: whether the case is reported as changed),
 * and rc_report_write writes it whole. Memory stays flat however many
 * cases come: the table and the explanations of the first 1,000 cases
 * wait in temporary files. The report holds its rule sets. rc_report_new
 * returns NULL on a bad argument, out of memory, or when no temporary
 * file can be made; the others return 0, RC_RUN_BAD_ARGUMENT,
 * RC_RUN_NO_MEMORY, RC_REPORT_SPOOL (a temporary file could not be
 * written or read), or, from rc_report_write, what write returned when
 * it stopped. */
#define RC_REPORT_SPOOL (-3)
struct rc_report;
RC_API struct rc_report *rc_report_new(const struct rc_ruleset *rs,
                                       const struct rc_ruleset *old,
                                       enum rc_lang lang);
RC_API int rc_report_add(struct rc_report *rep, const char *trace, size_t len);
RC_API int rc_report_add_diff(struct rc_report *rep, const char *old,
                              size_t olen, const char *new_, size_t nlen,
                              int changed);
/* A text shown as it is at the head of a diff (the parts that differ). */
RC_API int rc_report_note(struct rc_report *rep, const char *text);
RC_API int rc_report_write(struct rc_report *rep, rc_write_fn write, void *ctx);
RC_API void rc_report_free(struct rc_report *rep);

#endif
