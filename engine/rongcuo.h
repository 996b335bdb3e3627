#ifndef ENGINE_RONGCUO_H
#define ENGINE_RONGCUO_H

#include <stddef.h>

/*
 * librongcuo: load and check a rule set, read cases from files or build
 * them in memory, evaluate them, and render the reasoned verdict trace.
 * The `rongcuo` command uses this and nothing else. Nothing here prints:
 * diagnostics and traces come back as data or text for the caller.
 *
 * There is no global state. A rule set, once loaded, is only read: any
 * number of threads may evaluate cases against one rule set at once, each
 * with its own struct rc_eval (and its own cases). rc_ruleset_show and
 * rc_ruleset_test use buffers of the rule set: call them from one thread.
 */

#if defined(__GNUC__)
#define RC_API __attribute__((visibility("default")))
#else
#define RC_API
#endif

struct rc_ruleset; /* a checked, compiled rule set */
struct rc_diags;   /* diagnostics of loading a rule set */
struct rc_cases;   /* a stream of cases from one file */
struct rc_case;    /* one case's facts, or its errors */
struct rc_eval;    /* the outcome of evaluating one case */

enum rc_lang {
    RC_LANG_AUTO = -1,
    RC_LANG_EN,
    RC_LANG_ZH_HANT,
    RC_LANG_ZH_HANS
};
/* The trace in full, or brief (--trace none: the case, status, verdict,
 * measures, rules fired and missing facts only). */
enum rc_format { RC_TEXT, RC_JSON, RC_TEXT_BRIEF, RC_JSON_BRIEF };
enum rc_status { RC_DECIDED, RC_UNDETERMINED, RC_ERROR };

/* Load, check and compile the rule file at path. Returns NULL when it does
 * not check; *diags (never NULL after the call) holds the errors and any
 * warnings. */
RC_API struct rc_ruleset *rc_ruleset_load(const char *path,
                                          struct rc_diags **diags);
/* The same from text in memory; name stands for the file in diagnostics,
 * and a base that the text extends is found relative to it. */
RC_API struct rc_ruleset *rc_ruleset_load_buffer(const char *name,
                                                 const char *text, size_t len,
                                                 struct rc_diags **diags);
/* The rule set's policy name and version (NULL when not given), and the
 * SHA-256 of every file of it, bases included: every result names these. */
RC_API const char *rc_ruleset_policy(const struct rc_ruleset *rs);
RC_API const char *rc_ruleset_version(const struct rc_ruleset *rs);
RC_API const char *rc_ruleset_sha256(const struct rc_ruleset *rs);
RC_API void rc_ruleset_free(struct rc_ruleset *rs);
/* Keyword language the rule file is written in. */
RC_API enum rc_lang rc_ruleset_lang(const struct rc_ruleset *rs);
/* Counts of the rule set's parts: facts, rules, conclusions, measures. */
RC_API void rc_ruleset_counts(const struct rc_ruleset *rs, int *facts,
                              int *rules, int *conclusions, int *measures);

/* The effective rule set after extends, amend and repeal, written in the
 * rule language with each declaration's origin; valid while rs lives. */
RC_API const char *rc_ruleset_show(struct rc_ruleset *rs, enum rc_lang lang);

/* Run the tests written in the rule file (LANGUAGE.md §6) against its rule
 * set. Returns a line per test ("ok" or "FAIL", the expectations that
 * failed and the trace of the actual outcome) and adds to *passed and
 * *failed. With junit, *junit gets a JUnit <testsuite> element. The texts
 * are valid while rs lives. */
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
 * returns how many there are. Valid while rs lives. */
RC_API int rc_ruleset_coverage(const struct rc_ruleset *rs,
                               struct rc_cover *out, int max);

/* How many tests the rule file holds. */
RC_API int rc_ruleset_ntests(const struct rc_ruleset *rs);

enum rc_severity { RC_SEV_ERROR, RC_SEV_WARNING, RC_SEV_NOTE };

struct rc_diag {      /* one diagnostic, as data */
    const char *file; /* NULL when it has no place (a missing file) */
    int line, column; /* column counts characters */
    enum rc_severity severity;
    const char *message;
    const char *hint; /* NULL or a suggestion */
};

/* How many diagnostics, and diagnostic i (0-based) into *out; -1 when
 * there is no such one. The strings live as long as d. */
RC_API int rc_diags_count(const struct rc_diags *d);
RC_API int rc_diags_get(const struct rc_diags *d, int i, struct rc_diag *out);
RC_API int rc_diags_errors(const struct rc_diags *d);
RC_API int rc_diags_warnings(const struct rc_diags *d);
/* Every diagnostic as text (file:line:col, source line, caret, hint). */
RC_API const char *rc_diags_text(struct rc_diags *d);
RC_API void rc_diags_free(struct rc_diags *d);

/* Open a case file: .case syntax, or JSON Lines (by a .jsonl/.ndjson/.json
 * name, or a first character '{'); "-" reads standard input. A file that
 * cannot be read yields one case with status RC_ERROR; so does a JSON
 * Lines file whose reading fails part way, after the cases before. */
RC_API struct rc_cases *rc_cases_open(const struct rc_ruleset *rs,
                                      const char *path);
/* The next case, valid until the next call; NULL at the end. */
const struct rc_case *rc_cases_next(struct rc_cases *cs);
RC_API void rc_cases_close(struct rc_cases *cs);
/* How far through its file the stream is, from 0 to 1; -1 when that
 * cannot be known (standard input). */
RC_API double rc_cases_progress(const struct rc_cases *cs);
/* How many cases handed out so far (by rc_cases_next or rc_cases_run) got
 * a warning: an ID that an earlier case of the same input has. */
RC_API long rc_cases_warnings(const struct rc_cases *cs);

/* Where rc_cases_run hands each case's trace: return non-zero to stop. */
typedef int (*rc_write_fn)(void *ctx, const char *data, size_t len);
struct rc_counts {
    long decided, undetermined, errors;
};
/* Evaluate every case of cs on `threads` threads and hand each trace to
 * write, in input order, byte for byte what one thread would give. Memory
 * stays flat however many cases come, but for their IDs. with why_not (or NULL)
 * as in rc_eval_why_not. Adds to *counts; returns 0, or what write returned
 * when it stopped the run. */
RC_API int rc_cases_run(struct rc_cases *cs, int threads, enum rc_format f,
                        enum rc_lang lang, const char *why_not,
                        rc_write_fn write, void *ctx, struct rc_counts *counts);

/* A case built in memory: set its facts by name, then rc_evaluate it.
 * A value is written as in a .case file: 是 / true, 12.5, 2023-05-01,
 * "text", an option, {a, b}, unknown. rc_case_set returns 0, or -1 with
 * rc_case_error() saying why (unknown fact, wrong type, option outside
 * the fact's domain); setting a fact again replaces its value. */
RC_API struct rc_case *rc_case_new(const struct rc_ruleset *rs, const char *id,
                                   const char *title);
RC_API int rc_case_set(struct rc_case *c, const char *fact, const char *value);
RC_API const char *rc_case_error(const struct rc_case *c);
/* Frees a case made by rc_case_new (not one from rc_cases_next). */
RC_API void rc_case_free(struct rc_case *c);

RC_API struct rc_eval *rc_eval_new(const struct rc_ruleset *rs);
/* Explain in every trace why the case did not get verdict (--why-not):
 * for each line of that verdict, the conditions that failed and the facts
 * still unknown, down to the rules behind each conclusion. Returns -1 when
 * the verdict table has no such verdict (then *near may name a close
 * one). */
RC_API int rc_eval_why_not(struct rc_eval *ev, const char *verdict,
                           const char **near);
/* Evaluate c; a case with errors is not evaluated (RC_ERROR). */
RC_API void rc_evaluate(struct rc_eval *ev, const struct rc_case *c);
RC_API enum rc_status rc_eval_status(const struct rc_eval *ev);
/* The verdict's name; NULL when undetermined, erroneous, or none applied. */
RC_API const char *rc_eval_verdict(const struct rc_eval *ev);
enum rc_list { RC_MEASURES, RC_FIRED, RC_OVERRIDDEN, RC_MISSING, RC_UNSETTLED };
/* Names in one part of the outcome (measures attached, rules that fired and
 * took effect, rules overridden, facts missing for an undetermined verdict,
 * rules whose effect is unknown), in declaration order. Fills up to max into
 * out; returns how many there are in all. */
RC_API int rc_eval_list(const struct rc_eval *ev, enum rc_list which,
                        const char **out, int max);
/* The case's ID, or NULL when the case could not be read that far. */
RC_API const char *rc_case_id(const struct rc_case *c);
/* Its title, or NULL. */
RC_API const char *rc_case_title(const struct rc_case *c);
/* The file the case stands in, and in *line where it starts. */
RC_API const char *rc_case_source(const struct rc_case *c, int *line);
/* The IDs of the rules or measures of the effective rule set, in order:
 * fills up to max, returns how many there are. */
RC_API int rc_ruleset_ids(const struct rc_ruleset *rs, enum rc_part part,
                          const char **ids, int max);
/* A rule, a measure or the verdict table (id ignored) in a canonical form,
 * the same for two versions exactly when they say the same; NULL when
 * there is no such part. Valid until the next call. */
RC_API const char *rc_ruleset_part_text(struct rc_ruleset *rs,
                                        enum rc_part part, const char *id);
/* The file and line where rule or measure id is declared (after extends,
 * amend and repeal; "" for the verdict table), or NULL when the rule set
 * has no such part. */
RC_API const char *rc_ruleset_rule_origin(const struct rc_ruleset *rs,
                                          const char *id, int *line);
/* The trace of the last evaluation; valid until the next render. */
RC_API const char *rc_eval_render(struct rc_eval *ev, enum rc_format f,
                                  enum rc_lang lang, size_t *len);
RC_API void rc_eval_free(struct rc_eval *ev);

#endif
