#include "engine/rongcuo.h"
#include "engine/api_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/cases.h"
#include "engine/diag.h"
#include "engine/eval.h"
#include "engine/jsonl.h"
#include "engine/layer.h"
#include "engine/limits.h"
#include "engine/plan.h"
#include "engine/sbuf.h"
#include "engine/show.h"
#include "engine/suggest.h"
#include "engine/testrun.h"
#include "engine/trace.h"
#include "parser/parse.h"

static struct rc_ruleset *load(const char *path, const char *text, size_t len,
                               struct rc_diags **diags)
{
    struct rc_diags *d = xcalloc(1, sizeof *d);
    arena_init(&d->arena);
    diag_init(&d->list, &d->arena);
    *diags = d;
    struct rc_ruleset *rs = xcalloc(1, sizeof *rs);
    arena_init(&rs->arena);
    struct diag_list dl;
    diag_init(&dl, &rs->arena);
    struct source *src =
        text ? src_from_text(&rs->arena, path, text, len, 1) : NULL;
    struct ast_file *file = layer_load(&rs->arena, &dl, path, src);
    if (file)
        rs->plan = check_file(&rs->arena, &dl, file);
    if (dl.errors)
        rs->plan = NULL;
    if (rs->plan)
        layer_hash(file, rs->plan->sha256);
    /* the diagnostics point into the rule set's sources: copy them out,
       as text and as data, before a failed rule set is freed */
    for (const struct diag *x = dl.head; x; x = x->next) {
        diag_format(x, "", &d->text);
        struct diag *c = diag_add(&d->list, x->severity, NULL,
                                  arena_strdup(&d->arena, x->msg));
        c->hint = x->hint ? arena_strdup(&d->arena, x->hint) : NULL;
        if (x->loc.src) {
            /* a source of just the file name, for rc_diags_get */
            c->loc = x->loc;
            c->loc.src = src_from_text(&d->arena, x->loc.src->name, "", 0, 1);
        }
    }
    d->list.errors = dl.errors;
    d->list.warnings = dl.warnings;
    if (!rs->plan) {
        rc_ruleset_free(rs);
        return NULL;
    }
    return rs;
}

struct rc_ruleset *rc_ruleset_load(const char *path, struct rc_diags **diags)
{
    return load(path, NULL, 0, diags);
}

struct rc_ruleset *rc_ruleset_load_buffer(const char *name, const char *text,
                                          size_t len, struct rc_diags **diags)
{
    return load(name, text ? text : "", text ? len : 0, diags);
}

const char *rc_ruleset_policy(const struct rc_ruleset *rs)
{
    return rs->plan->policy;
}

const char *rc_ruleset_version(const struct rc_ruleset *rs)
{
    return rs->plan->version;
}

const char *rc_ruleset_sha256(const struct rc_ruleset *rs)
{
    return rs->plan->sha256;
}

int rc_diags_count(const struct rc_diags *d)
{
    int n = 0;
    for (const struct diag *x = d->list.head; x; x = x->next)
        n++;
    return n;
}

int rc_diags_get(const struct rc_diags *d, int i, struct rc_diag *out)
{
    const struct diag *x = d->list.head;
    for (; x && i > 0; i--)
        x = x->next;
    if (!x || i < 0)
        return -1;
    out->file = x->loc.src ? x->loc.src->name : NULL;
    out->line = x->loc.first_line;
    out->column = x->loc.first_column;
    out->severity = x->severity == DIAG_ERROR     ? RC_SEV_ERROR
                    : x->severity == DIAG_WARNING ? RC_SEV_WARNING
                                                  : RC_SEV_NOTE;
    out->message = x->msg;
    out->hint = x->hint;
    return 0;
}

const char *rc_ruleset_show(struct rc_ruleset *rs, enum rc_lang lang)
{
    rs->shown.len = 0;
    show_file(rs->plan->file,
              lang == RC_LANG_AUTO ? rs->plan->lang : (enum lang)lang,
              &rs->shown);
    return rs->shown.p ? rs->shown.p : "";
}

int rc_ruleset_ntests(const struct rc_ruleset *rs)
{
    return rs->plan->ntests;
}

const char *rc_ruleset_test(struct rc_ruleset *rs, enum rc_lang lang,
                            int *passed, int *failed, const char **junit)
{
    const struct plan *p = rs->plan;
    struct test_stats st = {0, 0};
    rs->tested.len = rs->junit.len = 0;
    if (rs->has_cov)
        coverage_free(&rs->cov);
    coverage_init(&rs->cov, p);
    rs->has_cov = true;
    struct sbuf cases = {0};
    testrun_plan(p, lang == RC_LANG_AUTO ? p->lang : (enum lang)lang,
                 &rs->tested, junit ? &cases : NULL, &st, &rs->cov);
    if (junit) {
        sb_puts(&rs->junit, "  <testsuite name=\"");
        sb_xml(&rs->junit, p->src->name);
        sb_printf(&rs->junit, "\" tests=\"%d\" failures=\"%d\">\n",
                  st.passed + st.failed, st.failed);
        if (cases.p)
            sb_puts(&rs->junit, cases.p);
        sb_puts(&rs->junit, "  </testsuite>\n");
        *junit = rs->junit.p;
    }
    sb_free(&cases);
    *passed += st.passed;
    *failed += st.failed;
    return rs->tested.p ? rs->tested.p : "";
}

int rc_ruleset_coverage(const struct rc_ruleset *rs, struct rc_cover *out,
                        int max)
{
    const struct plan *p = rs->plan;
    const struct coverage *c = &rs->cov;
    int n = 0;
    if (!rs->has_cov)
        return 0;
    for (int i = 0; i < p->nrules; i++, n++)
        if (n < max)
            out[n] = (struct rc_cover){RC_RULE,
                                       p->rules[i].id,
                                       p->rules[i].loc.src->name,
                                       p->rules[i].loc.first_line,
                                       c->rule_fired[i],
                                       c->rule_false[i]};
    for (int i = 0; i < p->nmeasures; i++, n++)
        if (n < max)
            out[n] = (struct rc_cover){RC_MEASURE,
                                       p->measures[i].id,
                                       p->measures[i].loc.src->name,
                                       p->measures[i].loc.first_line,
                                       c->measure_on[i],
                                       c->measure_false[i]};
    for (int i = 0; i < p->nlines; i++, n++)
        if (n < max)
            out[n] =
                (struct rc_cover){RC_VERDICT_TABLE,
                                  p->verdicts.names[p->lines[i].verdict],
                                  p->lines[i].loc.src->name,
                                  p->lines[i].loc.first_line,
                                  c->line_taken[i],
                                  p->lines[i].cond < 0 ? -1 : c->line_false[i]};
    return n;
}

void rc_ruleset_free(struct rc_ruleset *rs)
{
    if (!rs)
        return;
    sb_free(&rs->shown);
    sb_free(&rs->tested);
    sb_free(&rs->junit);
    if (rs->has_cov)
        coverage_free(&rs->cov);
    arena_free(&rs->arena);
    free(rs);
}

enum rc_lang rc_ruleset_lang(const struct rc_ruleset *rs)
{
    return (enum rc_lang)rs->plan->lang;
}

void rc_ruleset_counts(const struct rc_ruleset *rs, int *facts, int *rules,
                       int *conclusions, int *measures)
{
    *facts = rs->plan->nfacts;
    *rules = rs->plan->nrules;
    *conclusions = rs->plan->nconcls;
    *measures = rs->plan->nmeasures;
}

int rc_diags_errors(const struct rc_diags *d)
{
    return d->list.errors;
}

int rc_diags_warnings(const struct rc_diags *d)
{
    return d->list.warnings;
}

const char *rc_diags_text(struct rc_diags *d)
{
    return d->text.p ? d->text.p : "";
}

void rc_diags_free(struct rc_diags *d)
{
    if (!d)
        return;
    sb_free(&d->text);
    arena_free(&d->arena);
    free(d);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* A case standing for an error outside any case block. */
static struct case_facts *error_case(struct arena *a, const struct plan *p,
                                     struct diag_list *dl, const char *path,
                                     const struct src_loc *loc)
{
    struct case_facts *cf = cases_new(a, p, dl);
    if (loc && loc->src) {
        cf->loc = *loc;
    } else {
        cf->loc.src = src_from_text(a, path, "", 0, 0);
    }
    return cf;
}

/* Read a .case file: each syntax error goes to the case block it
 * happened in; errors outside every block (a broken case header, a
 * declaration) become error entries of their own, in file order. */
static void read_case_file(struct rc_cases *cs, struct source *src)
{
    struct arena *a = &cs->file_arena;
    const struct plan *p = cs->p;
    struct ast_file *file = NULL;
    struct diag_list syntax;
    diag_init(&syntax, a);
    parse_source(a, &syntax, src, &file);
    int n = 0;
    for (struct ast_case *c = file->cases; c; c = c->next)
        n++;
    struct ast_case **byidx = arena_calloc(a, (size_t)n + 1, sizeof *byidx);
    n = 0;
    for (struct ast_case *c = file->cases; c; c = c->next)
        byidx[n++] = c;
    /* lists[i]: case i; gaps[g]: errors after g cases, before case g */
    struct diag_list *lists = arena_calloc(a, (size_t)n + 1, sizeof *lists);
    struct diag_list *gaps = arena_calloc(a, (size_t)n + 1, sizeof *gaps);
    for (int i = 0; i <= n; i++) {
        diag_init(&lists[i], a);
        diag_init(&gaps[i], a);
    }
    for (const struct ast_decl *d = file->decls; d; d = d->next) {
        int g = 0;
        while (g < n && byidx[g]->loc.first_line <= d->loc.first_line)
            g++;
        diag_add(&gaps[g], DIAG_ERROR, &d->loc,
                 "a case file holds only case blocks (case \"ID\" { … })");
    }
    for (const struct diag *d = syntax.head; d; d = d->next) {
        struct diag_list *to = NULL;
        for (int i = 0; i < n && !to; i++)
            if (d->owner == byidx[i])
                to = &lists[i];
        if (!to) {
            int g = 0;
            while (g < n &&
                   (byidx[g]->loc.first_line < d->loc.first_line ||
                    (byidx[g]->loc.first_line == d->loc.first_line &&
                     byidx[g]->loc.first_column < d->loc.first_column)))
                g++;
            to = &gaps[g];
        }
        struct diag *copy = diag_add(to, d->severity, &d->loc, d->msg);
        copy->hint = d->hint;
    }
    cs->cases = arena_calloc(a, (size_t)(2 * n + 1), sizeof *cs->cases);
    for (int g = 0; g <= n; g++) {
        if (gaps[g].errors)
            cs->cases[cs->ncases++] =
                error_case(a, p, &gaps[g], cs->path, &gaps[g].head->loc);
        if (g == n)
            break;
        struct ast_case *c = byidx[g];
        struct case_facts *cf = cases_new(a, p, &lists[g]);
        cf->id = c->id.text;
        cf->title = c->title;
        cf->loc = c->loc;
        for (struct ast_assign *s = c->facts; s; s = s->next)
            cases_set(a, p, cf, &s->name, s->value);
        cs->cases[cs->ncases++] = cf;
    }
}

/* The first byte that is not a byte-order mark or a space, or -1. */
static int first_byte(const char *s, size_t n)
{
    size_t i = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && strchr(" \t\r\n", s[i]))
        i++;
    return i < n ? (unsigned char)s[i] : -1;
}

struct rc_cases *rc_cases_open(const struct rc_ruleset *rs, const char *path)
{
    struct rc_cases *cs = xcalloc(1, sizeof *cs);
    cs->p = rs->plan;
    cs->path = path;
    arena_init(&cs->file_arena);
    arena_init(&cs->case_arena);
    diag_init(&cs->file_diags, &cs->file_arena);
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        src_read_file(&cs->file_arena, path, &cs->file_diags); /* why */
        cs->cases = arena_calloc(&cs->file_arena, 1, sizeof *cs->cases);
        cs->cases[cs->ncases++] =
            error_case(&cs->file_arena, cs->p, &cs->file_diags, path, NULL);
        return cs;
    }
    cs->f = f;
    if (!is_stdin && fseek(f, 0, SEEK_END) == 0) {
        cs->size = ftell(f);
        rewind(f);
    }
    /* what was read to choose the format stays in the read-ahead buffer,
       so that standard input loses nothing */
    errno = 0;
    cs->fill = fread(cs->in, 1, sizeof cs->in, f);
    int read_err = ferror(f) ? (errno ? errno : EIO) : 0;
    if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson") ||
        ends_with(path, ".json"))
        cs->jsonl = true;
    else if (!ends_with(path, ".case"))
        cs->jsonl = first_byte(cs->in, cs->fill) == '{';
    if (cs->jsonl) {
        cs->ended = cs->fill < sizeof cs->in;
        cs->read_err = read_err;
        return cs;
    }
    /* .case syntax: the whole file */
    struct sbuf all = {0};
    sb_put(&all, cs->in, cs->fill);
    char chunk[65536];
    size_t n;
    while (all.len <= LIMIT_FILE_BYTES &&
           (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_put(&all, chunk, n);
    int err = errno;
    bool bad = ferror(f) || all.len > LIMIT_FILE_BYTES;
    if (all.len > LIMIT_FILE_BYTES)
        diag_addf(&cs->file_diags, DIAG_ERROR, NULL,
                  "'%s' is larger than %ld MiB", path,
                  LIMIT_FILE_BYTES / (1024 * 1024));
    else if (bad)
        diag_addf(&cs->file_diags, DIAG_ERROR, NULL, "cannot read '%s': %s",
                  path, strerror(err));
    if (!is_stdin)
        fclose(f);
    cs->f = NULL;
    if (bad) {
        sb_free(&all);
        cs->cases = arena_calloc(&cs->file_arena, 1, sizeof *cs->cases);
        cs->cases[cs->ncases++] =
            error_case(&cs->file_arena, cs->p, &cs->file_diags, path, NULL);
        return cs;
    }
    struct source *src =
        src_from_text(&cs->file_arena, is_stdin ? "<stdin>" : path,
                      all.p ? all.p : "", all.len, 1);
    sb_free(&all);
    read_case_file(cs, src);
    return cs;
}

const struct rc_case *rc_cases_next(struct rc_cases *cs)
{
    if (!cs->jsonl) {
        if (cs->next >= cs->ncases)
            return NULL;
        cs->cur.cf = cs->cases[cs->next++];
        api_check_id(cs, cs->cur.cf);
        return &cs->cur;
    }
    arena_reset(&cs->case_arena);
    diag_init(&cs->case_diags, &cs->case_arena);
    ssize_t n;
    while ((n = api_read_line(cs)) >= 0) {
        cs->lineno++;
        if (n > LIMIT_LINE_BYTES) {
            cs->cur.cf =
                api_long_line(&cs->case_arena, cs->p, cs->path, cs->line,
                              cs->lineno, cs->endless, &cs->case_diags);
            return &cs->cur;
        }
        if (api_blank(cs->line, (size_t)n))
            continue;
        size_t len = api_chomp(cs->line, (size_t)n);
        struct source *src = src_from_text(&cs->case_arena, api_name(cs->path),
                                           cs->line, len, cs->lineno);
        cs->cur.cf = jsonl_case(&cs->case_arena, cs->p, src, &cs->case_diags);
        api_check_id(cs, cs->cur.cf);
        return &cs->cur;
    }
    if (!cs->read_err || cs->told)
        return NULL;
    cs->told = true;
    cs->cur.cf = api_read_error(&cs->case_arena, cs->p, cs->path, cs->read_err,
                                cs->lineno + 1, &cs->case_diags);
    return &cs->cur;
}

double rc_cases_progress(const struct rc_cases *cs)
{
    if (!cs->jsonl)
        return cs->ncases ? (double)cs->next / cs->ncases : 1.0;
    if (!cs->f || cs->f == stdin || cs->size <= 0)
        return -1;
    long at = ftell(cs->f);
    if (at < 0)
        return -1;
    double done = (double)at - (double)(cs->fill - cs->pos);
    return done / (double)cs->size;
}

void rc_cases_close(struct rc_cases *cs)
{
    if (!cs)
        return;
    if (cs->f && cs->f != stdin)
        fclose(cs->f);
    free(cs->line);
    cases_ids_free(&cs->ids);
    arena_free(&cs->file_arena);
    arena_free(&cs->case_arena);
    free(cs);
}

struct rc_eval *rc_eval_new(const struct rc_ruleset *rs)
{
    struct rc_eval *ev = xcalloc(1, sizeof *ev);
    ev->r = eval_new(rs->plan);
    return ev;
}

int rc_eval_why_not(struct rc_eval *ev, const char *verdict, const char **near)
{
    const struct domain *v = &ev->r->p->verdicts;
    int i = plan_option(v, verdict);
    if (i < 0) {
        *near = suggest_closest(verdict, v->names, v->n);
        return -1;
    }
    ev->r->why_not = i;
    ev->r->explain = true;
    return 0;
}

void rc_evaluate(struct rc_eval *ev, const struct rc_case *c)
{
    eval_case(ev->r, c->cf);
}

enum rc_status rc_eval_status(const struct rc_eval *ev)
{
    return (enum rc_status)ev->r->status;
}

const char *rc_eval_verdict(const struct rc_eval *ev)
{
    const struct result *r = ev->r;
    if (r->status != ST_DECIDED || r->verdict < 0)
        return NULL;
    return r->p->verdicts.names[r->verdict];
}

int rc_eval_list(const struct rc_eval *ev, enum rc_list which, const char **out,
                 int max)
{
    const struct result *r = ev->r;
    const struct plan *p = r->p;
    int n = 0;
    if (r->status == ST_ERROR)
        return 0;
    switch (which) {
    case RC_MEASURES:
        for (int i = 0; i < p->nmeasures; i++)
            if (r->measures[i] == TV_TRUE && n++ < max)
                out[n - 1] = p->measures[i].id;
        break;
    case RC_FIRED:
    case RC_OVERRIDDEN:
    case RC_UNSETTLED:
        for (int i = 0; i < p->nrules; i++) {
            bool fired = r->effect[i] == TV_TRUE;
            bool hit = which == RC_FIRED ? fired
                       : which == RC_UNSETTLED
                           ? r->effect[i] == TV_UNKNOWN
                           : r->cond[i] == TV_TRUE && !fired;
            if (hit && n++ < max)
                out[n - 1] = p->rules[i].id;
        }
        break;
    case RC_MISSING:
        for (int i = 0; i < p->nfacts; i++)
            if (r->missing[i] && n++ < max)
                out[n - 1] = p->facts[i].name;
        break;
    }
    return n;
}

const char *rc_case_id(const struct rc_case *c)
{
    return c->cf->id;
}

struct rc_case *rc_case_new(const struct rc_ruleset *rs, const char *id,
                            const char *title)
{
    struct rc_case *c = xcalloc(1, sizeof *c);
    c->own = xcalloc(1, sizeof *c->own);
    arena_init(c->own);
    c->p = rs->plan;
    c->errors = arena_alloc(c->own, sizeof *c->errors);
    c->last = arena_alloc(c->own, sizeof *c->last);
    diag_init(c->errors, c->own);
    diag_init(c->last, c->own);
    c->cf = cases_new(c->own, c->p, c->errors);
    c->cf->id = id ? arena_strdup(c->own, id) : NULL;
    c->cf->title = title ? arena_strdup(c->own, title) : NULL;
    c->cf->loc.src = src_from_text(c->own, "<api>", "", 0, 0);
    return c;
}

/* A rejected value is not set, and the case stays as it was: the caller
 * has the reason from rc_case_error and decides. */
int rc_case_set(struct rc_case *c, const char *fact, const char *value)
{
    if (!c->own)
        return -1; /* a case read from a file is not changed */
    struct arena *a = c->own;
    diag_init(c->last, a);
    int i = plan_fact(c->p, fact, strlen(fact));
    if (i < 0) {
        struct src_loc loc = {c->cf->loc.src, 0, 0, 0, 0};
        cases_unknown_fact(c->p, c->last, arena_strdup(a, fact), &loc);
        return -1;
    }
    /* the value is read as it would be written in a .case file */
    const char *text = arena_printf(a, "case \"api\" { _ = %s\n}", value);
    struct diag_list syntax;
    diag_init(&syntax, a);
    struct source *src = src_from_text(a, "<value>", text, strlen(text), 1);
    struct ast_file *file = NULL;
    parse_source(a, &syntax, src, &file);
    const struct ast_case *k = file->cases;
    if (syntax.errors || !k || !k->facts || k->facts->next) {
        struct diag *d =
            diag_addf(c->last, DIAG_ERROR, NULL,
                      "'%s' is not a value for fact '%s'", value, fact);
        d->hint = "write it as in a .case file: 是, 12.5, 2023-05-01, "
                  "\"text\", an option, {a, b}, or unknown";
        return -1;
    }
    struct value v;
    if (!cases_convert(a, c->last, &c->p->facts[i], k->facts->value, &v))
        return -1;
    c->cf->vals[i] = v;
    c->cf->origin[i] = FROM_CASE;
    c->cf->locs[i] = k->facts->value->loc;
    return 0;
}

const char *rc_case_error(const struct rc_case *c)
{
    const struct diag *d = c->last ? c->last->head : NULL;
    return d ? d->msg : NULL;
}

void rc_case_free(struct rc_case *c)
{
    if (!c || !c->own)
        return;
    arena_free(c->own);
    free(c->own);
    free(c);
}

const char *rc_case_title(const struct rc_case *c)
{
    return c->cf->title;
}

const char *rc_case_source(const struct rc_case *c, int *line)
{
    *line = c->cf->loc.first_line;
    return c->cf->loc.src ? c->cf->loc.src->name : "";
}

int rc_ruleset_ids(const struct rc_ruleset *rs, enum rc_part part,
                   const char **ids, int max)
{
    const struct plan *p = rs->plan;
    int n = part == RC_RULE ? p->nrules : part == RC_MEASURE ? p->nmeasures : 0;
    for (int i = 0; i < n && i < max; i++)
        ids[i] = part == RC_RULE ? p->rules[i].id : p->measures[i].id;
    return n;
}

const char *rc_ruleset_part_text(struct rc_ruleset *rs, enum rc_part part,
                                 const char *id)
{
    enum ast_dkind kind = part == RC_RULE      ? DECL_RULE
                          : part == RC_MEASURE ? DECL_MEASURE
                                               : DECL_VERDICT;
    for (const struct ast_decl *d = rs->plan->file->decls; d; d = d->next)
        if (d->kind == kind &&
            (kind == DECL_VERDICT || strcmp(d->name.text, id) == 0)) {
            rs->shown.len = 0;
            show_rule(d, &rs->shown);
            return rs->shown.p;
        }
    return NULL;
}

const char *rc_ruleset_rule_origin(const struct rc_ruleset *rs, const char *id,
                                   int *line)
{
    const struct plan *p = rs->plan;
    for (int i = 0; i < p->nrules; i++)
        if (strcmp(p->rules[i].id, id) == 0) {
            *line = p->rules[i].loc.first_line;
            return p->rules[i].loc.src->name;
        }
    for (int i = 0; i < p->nmeasures; i++)
        if (strcmp(p->measures[i].id, id) == 0) {
            *line = p->measures[i].loc.first_line;
            return p->measures[i].loc.src->name;
        }
    if (!id[0]) {
        *line = p->verdict_loc.first_line;
        return p->verdict_loc.src ? p->verdict_loc.src->name : NULL;
    }
    return NULL;
}

void api_render(const struct result *r, enum rc_format f, enum rc_lang lang,
                struct sbuf *out)
{
    enum lang l = lang == RC_LANG_AUTO ? r->p->lang : (enum lang)lang;
    switch (f) {
    case RC_JSON:
        trace_json(r, l, out);
        break;
    case RC_JSON_BRIEF:
        trace_json_brief(r, out);
        break;
    case RC_TEXT_BRIEF:
        trace_text_brief(r, l, out);
        break;
    case RC_TEXT:
        trace_text(r, l, out);
        break;
    }
}

const char *rc_eval_render(struct rc_eval *ev, enum rc_format f,
                           enum rc_lang lang, size_t *len)
{
    ev->out.len = 0;
    api_render(ev->r, f, lang, &ev->out);
    *len = ev->out.len;
    return ev->out.p ? ev->out.p : "";
}

void rc_eval_free(struct rc_eval *ev)
{
    if (!ev)
        return;
    eval_free(ev->r);
    sb_free(&ev->out);
    free(ev);
}
