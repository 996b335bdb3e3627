#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/*
 * rongcuo diff OLD NEW CASES…: evaluate every case under both rule sets
 * and report each case whose status, verdict or measures changed, with the
 * rules that fired in one version and not the other, then a table of the
 * transitions.
 */

/* The usage text, in the command's language (CLI_USAGE_TEXT). */
#define USAGE_DIFF CLI_USAGE_TEXT(usage_diff)

/* One side of a case: what the report compares, every list whole. */
struct side {
    enum rc_status status;
    char *verdict;         /* NULL: none */
    const char **measures; /* names live as long as the rule set */
    int nmeasures;
    const char **fired;
    int nfired;
    const char **doubt; /* rules whose effect is unknown */
    int ndoubt;
    const char **missing; /* facts needed to settle the verdict */
    int nmissing;
    const char **ignored; /* facts not declared, dropped */
    int nignored;
    char *error;     /* the diagnostics of a case with an error, or NULL */
    char *brief;     /* the same, a line each (and its hint) */
    char *errors;    /* the same as a JSON array */
    bool undeclared; /* every error: a fact the rule set does not declare */
};

/* The facts dropped under one version in the whole run. */
struct dropped {
    char **names;
    int n, cap;
    long cases;
};

struct transition {
    char *from, *to;
    int cases;
};

struct diff {
    struct rc_ruleset *old, *new_;
    bool json;
    struct rc_report *html; /* --format html: the report, else NULL */
    FILE *out;              /* the part of the report being made, in memory */
    FILE *file;             /* standard output, or the -o file */
    struct cli_records *rec;
    char *mem;
    size_t memlen;
    struct transition *tr;
    int ntr, cap;
    long cases, changed, errors_both, errors;
    long undeclared; /* cases whose only errors are undeclared facts */
    bool ignore;     /* --ignore-undeclared */
    struct dropped dropped[2]; /* old, new */
};

/* The diagnostics in the text trace of a case with an error: what follows
 * its verdict line, without the blank line that ends it. */
static char *error_text(struct rc_eval *ev)
{
    size_t len;
    const char *t = rc_eval_render(ev, RC_TEXT, cli_rc_lang(), &len);
    for (int i = 0; i < 3 && t; i++)
        t = strchr(t, '\n') ? strchr(t, '\n') + 1 : NULL;
    char *e = strdup(t ? t : "");
    size_t n = e ? strlen(e) : 0;
    while (n > 0 && e[n - 1] == '\n')
        e[--n] = '\0';
    return e;
}

/* The whole list of kind, however long (*n of them). */
static const char **list(struct rc_eval *ev, enum rc_list kind, int *n)
{
    int cap = 64;
    for (;;) {
        const char **v = malloc((size_t)cap * sizeof *v);
        if (!v)
            cli_out_of_memory();
        *n = rc_eval_list(ev, kind, v, cap);
        if (*n <= cap)
            return v;
        free(v);
        cap = *n;
    }
}

static bool has(const char *const *v, int n, const char *x);

/* x as one line "file:line:col: error: message" and its hint, as run
 * shows them but for the source line and the caret. */
static void diag_line(FILE *f, const struct rc_diag *x)
{
    static const enum msg sev[] = {MSG_sev_error, MSG_sev_warning,
                                   MSG_sev_note};
    enum lang wl = x->code ? cli_lang() : LANG_EN; /* as diag.c words it */
    if (x->file) {
        cli_put_text(f, x->file);
        fprintf(f, ":%d:%d: ", x->line, x->column);
    } else {
        fputs("rongcuo: ", f);
    }
    fprintf(f, "%s: ", msg_fmt(sev[x->severity], wl));
    cli_put_text(f, x->message);
    fputc('\n', f);
    if (x->hint) {
        fprintf(f, "  %s: ", MSG(sev_hint, wl));
        cli_put_text(f, x->hint);
        fputc('\n', f);
    }
}

static void json_str(FILE *f, const char *s);

/* x as a JSON object, with the keys of run's "errors". */
static void diag_json(FILE *f, const struct rc_diag *x)
{
    static const char *const sev[] = {"error", "warning", "note"};
    fputs("{\"file\":", f);
    x->file ? json_str(f, x->file) : (void)fputs("null", f);
    fprintf(f,
            ",\"line\":%d,\"column\":%d,\"severity\":\"%s\",\"code\":", x->line,
            x->column, sev[x->severity]);
    x->code ? json_str(f, x->code) : (void)fputs("null", f);
    fputs(",\"message\":", f);
    json_str(f, x->message);
    fputs(",\"hint\":", f);
    x->hint ? json_str(f, x->hint) : (void)fputs("null", f);
    fputc('}', f);
}

/* The diagnostics of ev's case with an error, in the report's language:
 * a line each in s->brief, a JSON array in s->errors. */
static void diag_texts(struct rc_eval *ev, struct side *s)
{
    size_t len;
    FILE *t = open_memstream(&s->brief, &len);
    FILE *j = open_memstream(&s->errors, &len);
    if (!t || !j)
        cli_out_of_memory();
    enum rc_lang l = cli_rc_lang();
    int n = rc_eval_diag(ev, 0, l, NULL);
    fputc('[', j);
    s->undeclared = n > 0;
    for (int i = 0; i < n; i++) {
        struct rc_diag x;
        if (rc_eval_diag(ev, i, l, &x) < 0)
            cli_out_of_memory();
        s->undeclared =
            s->undeclared && x.code && strcmp(x.code, "case_no_fact") == 0;
        diag_line(t, &x);
        if (i)
            fputc(',', j);
        diag_json(j, &x);
    }
    fputc(']', j);
    if (fclose(t) != 0 || fclose(j) != 0)
        cli_out_of_memory();
}

/* The facts dropped under one version: the names kept for the summary
 * (copied: a case's names go with it), and one more case. */
static void drop(struct dropped *dr, const struct side *s)
{
    if (s->nignored == 0)
        return;
    dr->cases++;
    for (int i = 0; i < s->nignored; i++) {
        if (has((const char *const *)dr->names, dr->n, s->ignored[i]))
            continue;
        if (dr->n == dr->cap) {
            dr->cap = dr->cap ? dr->cap * 2 : 8;
            dr->names = realloc(dr->names, (size_t)dr->cap * sizeof *dr->names);
            if (!dr->names)
                cli_out_of_memory();
        }
        if (!(dr->names[dr->n++] = strdup(s->ignored[i])))
            cli_out_of_memory();
    }
}

static void take(struct rc_eval *ev, struct side *s)
{
    s->status = rc_eval_status(ev);
    s->error = s->status == RC_ERROR ? error_text(ev) : NULL;
    s->brief = s->errors = NULL;
    s->undeclared = false;
    if (s->status == RC_ERROR)
        diag_texts(ev, s);
    const char *v = rc_eval_verdict(ev);
    s->verdict = v ? strdup(v) : NULL;
    s->measures = list(ev, RC_MEASURES, &s->nmeasures);
    s->fired = list(ev, RC_FIRED, &s->nfired);
    s->doubt = list(ev, RC_UNSETTLED, &s->ndoubt);
    s->missing = list(ev, RC_MISSING, &s->nmissing);
    s->ignored = list(ev, RC_IGNORED, &s->nignored);
}

static void side_free(struct side *s)
{
    free(s->verdict);
    free(s->error);
    free(s->brief);
    free(s->errors);
    free(s->measures);
    free(s->fired);
    free(s->doubt);
    free(s->missing);
    free(s->ignored);
}

/* "容錯減責", "undetermined", "error" or "no verdict", in lang. */
static const char *state_in(const struct side *s, enum lang lang)
{
    if (s->status == RC_ERROR)
        return MSG(cli_diff_error, lang);
    if (s->status == RC_UNDETERMINED)
        return MSG(cli_diff_undetermined, lang);
    return s->verdict ? s->verdict : MSG(cli_diff_no_verdict, lang);
}

/* The same in the report's language. */
static const char *state(const struct side *s)
{
    return state_in(s, cli_lang());
}

static bool has(const char *const *v, int n, const char *x)
{
    for (int i = 0; i < n; i++)
        if (rc_name_same(v[i], x))
            return true;
    return false;
}

static bool same(const struct side *a, const struct side *b)
{
    if (a->status != b->status || !rc_name_same(state(a), state(b)) ||
        a->nmeasures != b->nmeasures)
        return false;
    for (int i = 0; i < a->nmeasures; i++)
        if (!has(b->measures, b->nmeasures, a->measures[i]))
            return false;
    return true;
}

static void count(struct diff *d, const char *from, const char *to)
{
    for (int i = 0; i < d->ntr; i++)
        if (strcmp(d->tr[i].from, from) == 0 && strcmp(d->tr[i].to, to) == 0) {
            d->tr[i].cases++;
            return;
        }
    if (d->ntr == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->tr = realloc(d->tr, (size_t)d->cap * sizeof *d->tr);
        if (!d->tr)
            cli_out_of_memory();
    }
    d->tr[d->ntr++] = (struct transition){strdup(from), strdup(to), 1};
}

/* s as a JSON string, escaped as sb_json does. */
static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(f, "\\u%04x", *p);
        else if (*p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0) /* C1 */
            fprintf(f, "\\u%04x", *++p);
        else if (*p == 0xe2 && p[1] == 0x80 && (p[2] & 0xfe) == 0xa8)
            fprintf(f, "\\u%04x", 0x2000u + (unsigned)(p += 2)[0] - 0x80u);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

/* The names in a and not in b, as a JSON array or a "+ x, y" text list. */
static void only(FILE *f, bool json, const char *const *a, int na,
                 const char *const *b, int nb, struct rc_ruleset *rs)
{
    bool first = true;
    if (json)
        fputc('[', f);
    for (int i = 0; i < na; i++) {
        if (has(b, nb, a[i]))
            continue;
        if (json) {
            if (!first)
                fputc(',', f);
            json_str(f, a[i]);
        } else {
            fprintf(f, "%s%s", first ? "" : ", ", a[i]);
            int line;
            const char *file =
                rs ? rc_ruleset_rule_origin(rs, a[i], &line) : NULL;
            if (file) {
                fputs(" (", f);
                cli_put_text(f, file);
                fprintf(f, ":%d)", line);
            }
        }
        first = false;
    }
    if (json)
        fputc(']', f);
}

static bool any_only(const char *const *a, int na, const char *const *b, int nb)
{
    for (int i = 0; i < na; i++)
        if (!has(b, nb, a[i]))
            return true;
    return false;
}

/* The line "  label: x, y" of the names in a and not in b, if there are
 * any: whether there were. */
static bool text_only(FILE *f, enum msg label, const char *const *a, int na,
                      const char *const *b, int nb, struct rc_ruleset *rs)
{
    if (!any_only(a, na, b, nb))
        return false;
    fputs(msg_fmt(label, cli_lang()), f);
    only(f, false, a, na, b, nb, rs);
    fputc('\n', f);
    return true;
}

static void json_side(FILE *f, const struct side *s)
{
    static const char *const st[] = {"decided", "undetermined", "error"};
    fprintf(f, "{\"status\":\"%s\",", st[s->status]);
    if (s->error) {
        fputs("\"error\":", f);
        json_str(f, s->error);
        fprintf(f, ",\"errors\":%s,", s->errors ? s->errors : "[]");
    }
    fputs("\"verdict\":", f);
    if (s->verdict)
        json_str(f, s->verdict);
    else
        fputs("null", f);
    fputs(",\"measures\":", f);
    only(f, true, s->measures, s->nmeasures, NULL, 0, NULL);
    fputs(",\"missing\":", f);
    only(f, true, s->missing, s->nmissing, NULL, 0, NULL);
    fputs(",\"ignored\":", f);
    only(f, true, s->ignored, s->nignored, NULL, 0, NULL);
    fputc('}', f);
}

/* The diagnostics of the side(s) with an error, indented. */
static void error_lines(FILE *f, const struct side *o, const struct side *n)
{
    const struct side *s[2] = {o, n};
    bool same_text = o->brief && n->brief && strcmp(o->brief, n->brief) == 0;
    for (int k = 0; k < 2; k++) {
        if (!s[k]->brief || (k == 1 && same_text))
            continue;
        if (!same_text)
            fputs(k ? MSG(cli_diff_under_new, cli_lang())
                    : MSG(cli_diff_under_old, cli_lang()),
                  f);
        for (const char *p = s[k]->brief; *p;) {
            const char *end = strchr(p, '\n');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            fprintf(f, "    %.*s\n", (int)len, p);
            p += len + (end != NULL);
        }
    }
}

static void report(struct diff *d, const struct rc_case *c,
                   const struct side *o, const struct side *n)
{
    FILE *f = d->out;
    int line;
    const char *file = rc_case_source(c, &line);
    const char *id = rc_case_id(c), *title = rc_case_title(c);
    if (d->json) {
        fputs("{\"case\":", f);
        if (id)
            json_str(f, id);
        else
            fputs("null", f);
        fputs(",\"title\":", f);
        if (title)
            json_str(f, title);
        else
            fputs("null", f);
        fputs(",\"source\":{\"file\":", f);
        json_str(f, file);
        fprintf(f, ",\"line\":%d},\"old\":", line);
        json_side(f, o);
        fputs(",\"new\":", f);
        json_side(f, n);
        fputs(",\"measures_added\":", f);
        only(f, true, n->measures, n->nmeasures, o->measures, o->nmeasures,
             NULL);
        fputs(",\"measures_removed\":", f);
        only(f, true, o->measures, o->nmeasures, n->measures, n->nmeasures,
             NULL);
        fputs(",\"rules_fired_only_old\":", f);
        only(f, true, o->fired, o->nfired, n->fired, n->nfired, NULL);
        fputs(",\"rules_fired_only_new\":", f);
        only(f, true, n->fired, n->nfired, o->fired, o->nfired, NULL);
        fputs(",\"rules_in_doubt_only_old\":", f);
        only(f, true, o->doubt, o->ndoubt, n->doubt, n->ndoubt, NULL);
        fputs(",\"rules_in_doubt_only_new\":", f);
        only(f, true, n->doubt, n->ndoubt, o->doubt, o->ndoubt, NULL);
        fputs(",\"facts_now_missing\":", f);
        only(f, true, n->missing, n->nmissing, o->missing, o->nmissing, NULL);
        fputs(",\"facts_no_longer_missing\":", f);
        only(f, true, o->missing, o->nmissing, n->missing, n->nmissing, NULL);
        fputs("}\n", f);
        return;
    }
    CLI_PUTS(f, cli_diff_case);
    cli_put_text(f, id ? id : "?");
    if (title) {
        fputs(" \"", f);
        cli_put_text(f, title);
        fputc('"', f);
    }
    fputs("  ", f);
    cli_put_text(f, file);
    if (line > 0)
        fprintf(f, ":%d", line);
    if (o->status == RC_ERROR && n->status == RC_ERROR)
        CLI_PUTS(f, cli_diff_error_both);
    else if (rc_name_same(state(o), state(n)))
        CLI_PRINT(f, cli_diff_measures_changed, state(o));
    else
        fprintf(f, "\n  %s → %s\n", state(o), state(n));
    error_lines(f, o, n);
    text_only(f, MSG_diffv_ignored_old, o->ignored, o->nignored, NULL, 0, NULL);
    text_only(f, MSG_diffv_ignored_new, n->ignored, n->nignored, NULL, 0, NULL);
    text_only(f, MSG_diffv_now_missing, n->missing, n->nmissing, o->missing,
              o->nmissing, NULL);
    text_only(f, MSG_diffv_no_longer_missing, o->missing, o->nmissing,
              n->missing, n->nmissing, NULL);
    text_only(f, MSG_cli_diff_measures_added, n->measures, n->nmeasures,
              o->measures, o->nmeasures, NULL);
    text_only(f, MSG_cli_diff_measures_removed, o->measures, o->nmeasures,
              n->measures, n->nmeasures, NULL);
    bool rules = text_only(f, MSG_cli_diff_fired_new, n->fired, n->nfired,
                           o->fired, o->nfired, d->new_);
    rules |= text_only(f, MSG_cli_diff_fired_old, o->fired, o->nfired, n->fired,
                       n->nfired, d->old);
    rules |= text_only(f, MSG_cli_diff_doubt_new, n->doubt, n->ndoubt, o->doubt,
                       o->ndoubt, d->new_);
    rules |= text_only(f, MSG_cli_diff_doubt_old, o->doubt, o->ndoubt, n->doubt,
                       n->ndoubt, d->old);
    if (!rules && o->status != RC_ERROR && n->status != RC_ERROR)
        CLI_PUTS(f, cli_diff_same_rules);
    fputc('\n', f);
}

static void summary(struct diff *d)
{
    FILE *f = d->out;
    if (d->json) {
        fprintf(f,
                "{\"summary\":{\"cases\":%ld,\"changed\":%ld,"
                "\"error_in_both\":%ld,\"transitions\":[",
                d->cases, d->changed, d->errors_both);
        for (int i = 0; i < d->ntr; i++) {
            fputs(i ? ",{\"from\":" : "{\"from\":", f);
            json_str(f, d->tr[i].from);
            fputs(",\"to\":", f);
            json_str(f, d->tr[i].to);
            fprintf(f, ",\"cases\":%d}", d->tr[i].cases);
        }
        fputs("],\"ignored\":{", f);
        for (int k = 0; k < 2; k++) {
            const struct dropped *dr = &d->dropped[k];
            fputs(k ? ",\"new\":{\"facts\":" : "\"old\":{\"facts\":", f);
            only(f, true, (const char *const *)dr->names, dr->n, NULL, 0, NULL);
            fprintf(f, ",\"cases\":%ld}", dr->cases);
        }
        fputs("}}}\n", f);
        return;
    }
    if (d->ntr) {
        CLI_PUTS(f, cli_diff_transitions);
        for (int i = 0; i < d->ntr; i++) {
            char n[64];
            CLI_PRINT(f, cli_diff_transition, d->tr[i].from, d->tr[i].to,
                      CLI_COUNT(n, d->tr[i].cases, cli_n_case, cli_n_cases));
        }
    }
    char n[64];
    CLI_PRINT(f, cli_diff_summary,
              CLI_COUNT(n, d->cases, cli_n_case, cli_n_cases), d->changed,
              d->cases - d->changed - d->errors_both);
    if (d->errors_both)
        CLI_PRINT(f, cli_diff_errors_both, d->errors_both);
    fputc('\n', f);
    for (int k = 0; k < 2; k++) {
        const struct dropped *dr = &d->dropped[k];
        if (dr->cases == 0)
            continue;
        if (k)
            CLI_PRINT(f, diffv_summary_ignored_new,
                      CLI_COUNT(n, dr->cases, cli_n_case, cli_n_cases));
        else
            CLI_PRINT(f, diffv_summary_ignored_old,
                      CLI_COUNT(n, dr->cases, cli_n_case, cli_n_cases));
        only(f, false, (const char *const *)dr->names, dr->n, NULL, 0, NULL);
        fputc('\n', f);
    }
}

/* Parts of the report are made in memory and written whole, so that a
 * report stopped by a signal is never cut inside a case. */
static void part_begin(struct diff *d)
{
    d->out = open_memstream(&d->mem, &d->memlen);
    if (!d->out)
        cli_out_of_memory();
}

static void part_end(struct diff *d)
{
    if (fclose(d->out) != 0)
        cli_out_of_memory();
    if (d->html && rc_report_note(d->html, d->mem) != 0)
        cli_out_of_memory();
    else if (!d->html)
        cli_records_put(d->rec, d->mem, d->memlen);
    free(d->mem);
    d->mem = NULL;
    d->out = NULL;
}

/* --format html: both traces of a case to the report. */
static void html_case(struct diff *d, struct rc_eval *eo, struct rc_eval *en,
                      bool changed)
{
    size_t ol, nl;
    const char *o = rc_eval_render(eo, RC_HTML, cli_rc_lang(), &ol);
    const char *n = rc_eval_render(en, RC_HTML, cli_rc_lang(), &nl);
    int rc = o && n ? rc_report_add_diff(d->html, o, ol, n, nl, changed)
                    : RC_RUN_NO_MEMORY;
    if (rc == RC_REPORT_SPOOL) {
        CLI_PUTS(stderr, html_spool_failed);
        cli_close_output(d->file, NULL, false); /* drops the partial file */
        exit(EXIT_USAGE);
    }
    if (rc != 0)
        cli_out_of_memory();
}

static void compare_file(struct diff *d, const char *path, struct rc_eval *eo,
                         struct rc_eval *en)
{
    struct rc_cases *co = rc_cases_open(d->old, path);
    struct rc_cases *cn = rc_cases_open(d->new_, path);
    if (!co || !cn)
        cli_out_of_memory();
    const struct rc_case *a, *b;
    while ((a = rc_cases_next(co)) && (b = rc_cases_next(cn))) {
        struct side o, n;
        rc_evaluate(eo, a);
        rc_evaluate(en, b);
        take(eo, &o);
        take(en, &n);
        drop(&d->dropped[0], &o);
        drop(&d->dropped[1], &n);
        d->cases++;
        bool changed = !same(&o, &n);
        if (o.status == RC_ERROR && n.status == RC_ERROR) {
            d->errors_both++;
            changed = true; /* reported, never dropped */
        } else if (changed) {
            enum lang l = d->json ? LANG_EN : cli_lang();
            bool measures_only = rc_name_same(state(&o), state(&n));
            char to[512];
            snprintf(to, sizeof to, "%s%s", state_in(&n, l),
                     measures_only ? MSG(cli_diff_measures_only, l) : "");
            count(d, state_in(&o, l), to);
        }
        if (d->html)
            html_case(d, eo, en, changed);
        else if (changed) {
            d->changed += !(o.status == RC_ERROR && n.status == RC_ERROR);
            part_begin(d);
            report(d, b, &o, &n);
            part_end(d);
        }
        d->errors += o.status == RC_ERROR || n.status == RC_ERROR;
        d->undeclared += o.undeclared || n.undeclared;
        side_free(&o);
        side_free(&n);
        if (d->rec->err)
            break; /* the report cannot be written: stop */
    }
    rc_cases_close(co);
    rc_cases_close(cn);
}

/* A word of the list of parts that differ ("added", "rule", …) in the
 * report's language; JSON has them in English. */
static const char *part_word(const char *w)
{
    static const char *const en[] = {"added", "changed", "removed",
                                     "rule",  "measure", "verdict table"};
    static const enum msg m[] = {
        MSG_cli_diff_added, MSG_cli_diff_changed, MSG_cli_diff_removed,
        MSG_cli_diff_rule,  MSG_cli_diff_measure, MSG_cli_diff_verdict_table};
    for (size_t i = 0; i < sizeof en / sizeof *en; i++)
        if (strcmp(w, en[i]) == 0)
            return msg_fmt(m[i], cli_lang());
    return w;
}

/* One line of the list of parts that differ. */
static void part_change(struct diff *d, bool *lead, const char *what,
                        const char *change, const char *id,
                        struct rc_ruleset *rs)
{
    int line = 0;
    const char *file = rc_ruleset_rule_origin(rs, id, &line);
    if (d->json) {
        fputs(*lead ? "{\"changes\":[" : ",", d->out);
        fprintf(d->out, "{\"part\":\"%s\",\"id\":", what);
        json_str(d->out, id);
        fprintf(d->out, ",\"change\":\"%s\",\"file\":", change);
        json_str(d->out, file ? file : "");
        fprintf(d->out, ",\"line\":%d}", line);
    } else {
        if (*lead)
            CLI_PUTS(d->out, cli_diff_parts_head);
        CLI_PRINT(d->out, cli_diff_part, part_word(change), part_word(what),
                  id[0] ? " " : "", id);
        cli_put_text(d->out, file ? file : "?");
        fprintf(d->out, ":%d\n", line);
    }
    *lead = false;
}

/* The part's text; NULL when there is no such part (out of memory is
 * not taken for one). */
static const char *part_text(struct rc_ruleset *rs, enum rc_part part,
                             const char *id)
{
    const char *t = rc_ruleset_part_text(rs, part, id);
    int line;
    if (!t && part != RC_VERDICT_TABLE && rc_ruleset_rule_origin(rs, id, &line))
        cli_out_of_memory();
    return t;
}

static bool differ(struct diff *d, enum rc_part part, const char *id)
{
    const char *t = part_text(d->old, part, id);
    char *a = t ? strdup(t) : NULL;
    if (t && !a)
        cli_out_of_memory();
    const char *b = part_text(d->new_, part, id);
    bool diff = (a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0);
    free(a);
    return diff;
}

/* The rules and measures changed, added and removed, and the verdict
 * table when it changed. */
static void part_changes(struct diff *d)
{
    static const char *const what[] = {"rule", "measure"};
    bool lead = true;
    for (int part = RC_RULE; part <= RC_MEASURE; part++) {
        int no = rc_ruleset_ids(d->old, (enum rc_part)part, NULL, 0);
        int nn = rc_ruleset_ids(d->new_, (enum rc_part)part, NULL, 0);
        const char **ro = calloc((size_t)no + 1, sizeof *ro);
        const char **rn = calloc((size_t)nn + 1, sizeof *rn);
        if (!ro || !rn)
            cli_out_of_memory();
        rc_ruleset_ids(d->old, (enum rc_part)part, ro, no);
        rc_ruleset_ids(d->new_, (enum rc_part)part, rn, nn);
        for (int i = 0; i < nn; i++) {
            if (!has(ro, no, rn[i]))
                part_change(d, &lead, what[part], "added", rn[i], d->new_);
            else if (differ(d, (enum rc_part)part, rn[i]))
                part_change(d, &lead, what[part], "changed", rn[i], d->new_);
        }
        for (int i = 0; i < no; i++)
            if (!has(rn, nn, ro[i]))
                part_change(d, &lead, what[part], "removed", ro[i], d->old);
        free(ro);
        free(rn);
    }
    if (differ(d, RC_VERDICT_TABLE, ""))
        part_change(d, &lead, "verdict table", "changed", "", d->new_);
    if (d->json)
        fputs(lead ? "{\"changes\":[]}\n" : "]}\n", d->out);
    else
        fputs(lead ? MSG(cli_diff_nothing, cli_lang()) : "\n", d->out);
}

static int put_records(void *ctx, const char *data, size_t len)
{
    return cli_records_put(ctx, data, len);
}

/* The HTML report written whole; memory or its temporary files failing
 * end the command. */
static void html_end(struct diff *d)
{
    int rc = d->rec->err ? 0 : rc_report_write(d->html, put_records, d->rec);
    rc_report_free(d->html);
    d->html = NULL;
    if (rc == RC_REPORT_SPOOL) {
        CLI_PUTS(stderr, html_spool_failed);
        cli_close_output(d->file, NULL, false); /* drops the partial file */
        exit(EXIT_USAGE);
    }
    if (rc < 0)
        cli_out_of_memory();
}

/* diff OLD NEW without case files: every change of outcome some case can
 * undergo, by rongcuo-prove diff (the one program that loads the solver).
 * Returns only when it cannot be run. */
static int diff_symbolic(int argc, char **argv)
{
    static char name[] = "rongcuo-prove";
    char **v = calloc((size_t)argc + 2, sizeof *v);
    if (!v)
        cli_out_of_memory();
    v[0] = name;
    for (int i = 0; i < argc; i++)
        v[i + 1] = argv[i]; /* diff OLD NEW [OPTIONS] */
    cli_prover_exec(v);
    int err = errno;
    free(v);
    CLI_PRINT(stderr, cli_prefixed, "");
    CLI_PRINT(stderr, cli_no_prover, CLI_ERRSTR(err));
    fputc('\n', stderr);
    return EXIT_USAGE;
}

int cli_diff(int argc, char **argv)
{
    const char *rules[2] = {NULL, NULL}, *out_path = NULL;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0, nrules = 0, rc = EXIT_OK;
    bool html = false;
    struct diff d = {0};
    if (!files)
        return EXIT_USAGE;
    static const struct option longs[] = {
        {"format", required_argument, NULL, 'F'},
        {"lang", required_argument, NULL, 'L'},
        {"ignore-undeclared", no_argument, NULL, 'I'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *a;
    struct cli_args args;
    cli_args_init(&args, argc, argv, "o:h", longs, USAGE_DIFF);
    for (int c; (c = cli_args_next(&args, &a)) != CLI_END;) {
        if (c == CLI_BAD || c == 'h') {
            rc = c == 'h' ? cli_help(USAGE_DIFF) : EXIT_USAGE;
            goto out;
        } else if (c == 'o') {
            out_path = a;
        } else if (c == 'I') {
            d.ignore = true;
        } else if (c == 'F' &&
                   (strcmp(a, "json") == 0 || strcmp(a, "text") == 0 ||
                    strcmp(a, "html") == 0)) {
            d.json = a[0] == 'j';
            html = a[0] == 'h';
        } else if (c == 'F') {
            rc = CLI_USAGE(USAGE_DIFF, html_format_value, a);
            goto out;
        } else if (c == 'L') {
            enum rc_lang l;
            if (cli_parse_lang(a, &l) != 0) {
                rc = CLI_USAGE(USAGE_DIFF, cli_lang_value, a);
                goto out;
            }
            cli_lang_set(l);
        } else if (nrules < 2) {
            rules[nrules++] = a;
        } else {
            files[nfiles++] = a;
        }
    }
    if (nfiles == 0 && nrules == 2) {
        rc = diff_symbolic(argc, argv);
        goto out;
    }
    if (nfiles == 0) {
        rc = CLI_USAGE0(USAGE_DIFF, cli_name_diff_files);
        goto out;
    }
    d.old = cli_load(rules[0]);
    d.new_ = d.old ? cli_load(rules[1]) : NULL;
    struct cli_inputs in = {NULL, 0, 0};
    for (int i = 0; i < 2; i++) {
        cli_inputs_add(&in, rules[i]);
        if (i == 0 ? d.old : d.new_)
            cli_inputs_add_rules(&in, i == 0 ? d.old : d.new_);
    }
    for (int i = 0; i < nfiles; i++)
        cli_inputs_add(&in, files[i]);
    d.file = d.new_ ? cli_open_output(out_path, &in) : NULL;
    cli_inputs_free(&in);
    if (!d.file) {
        rc = EXIT_USAGE;
        goto out;
    }
    static struct cli_records rec;
    cli_records_init(&rec, d.file);
    d.rec = &rec;
    if (html && !(d.html = rc_report_new(d.new_, d.old, cli_rc_lang()))) {
        CLI_PUTS(stderr, html_spool_failed); /* the likelier cause */
        cli_close_output(d.file, NULL, false);
        rc = EXIT_USAGE;
        goto out;
    }
    part_begin(&d);
    part_changes(&d);
    part_end(&d);
    struct rc_eval *eo = rc_eval_new(d.old), *en = rc_eval_new(d.new_);
    if (!eo || !en)
        cli_out_of_memory();
    rc_eval_ignore_undeclared(eo, d.ignore, d.new_);
    rc_eval_ignore_undeclared(en, d.ignore, d.old);
    for (int i = 0; i < nfiles && !rec.err; i++)
        compare_file(&d, files[i], eo, en);
    if (d.html) {
        html_end(&d);
    } else {
        part_begin(&d);
        summary(&d);
        part_end(&d);
    }
    rc_eval_free(eo);
    rc_eval_free(en);
    if (!cli_records_close(&rec, d.file, out_path))
        rc = EXIT_CASE_ERROR;
    else if (d.errors && rec.err != EPIPE) {
        char n[64];
        CLI_PRINT(stderr, cli_diff_had_errors,
                  CLI_COUNT(n, d.errors, cli_n_case, cli_n_cases));
        if (d.undeclared && !d.ignore) /* a base against its variant */
            CLI_PRINT(stderr, diffv_try_ignore,
                      CLI_COUNT(n, d.undeclared, cli_n_case, cli_n_cases));
        rc = EXIT_CASE_ERROR;
    }
out:
    for (int i = 0; i < d.ntr; i++) {
        free(d.tr[i].from);
        free(d.tr[i].to);
    }
    free(d.tr);
    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < d.dropped[k].n; i++)
            free(d.dropped[k].names[i]);
        free(d.dropped[k].names);
    }
    rc_ruleset_free(d.old);
    rc_ruleset_free(d.new_);
    free(files);
    return rc;
}
