#include "engine/rongcuo.h"
#include "engine/api_int.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/ast.h"
#include "engine/caseread.h"
#include "engine/cases.h"
#include "engine/diag.h"
#include "engine/trace_html.h"
#include "engine/eval.h"
#include "engine/handle.h"
#include "engine/msg.h"
#include "engine/plan.h"
#include "engine/sbuf.h"
#include "engine/suggest.h"
#include "engine/trace.h"

/*
 * The library interface, part two: cases built in memory and evaluations.
 * Every entry point checks its handles against the registry
 * (engine/handle.h) and runs what allocates under arena_protect.
 */

static const char nothing_yet[] = "nothing evaluated yet";
static const char no_memory[] = "out of memory";

/* Whether c is a live case, of either kind. */
static bool case_ok(const struct rc_case *c)
{
    return handle_live(c, H_CASE) || handle_live(c, H_STREAM_CASE);
}

/* A value of fact f set by rc_case_set, held outside the scratch arena
 * that it was read in: text and a big number are copied (freed by
 * value_drop). */
static struct value value_keep(const struct fact_info *f, struct value v)
{
    if (f->type == VT_NUM && v.known && !v.err)
        v.u.num = num_keep(v.u.num);
    if (f->type == VT_TEXT && v.known && v.u.text) {
        size_t n = strlen(v.u.text) + 1;
        char *t = xmalloc(n);
        memcpy(t, v.u.text, n);
        v.u.text = t;
    }
    return v;
}

static void value_drop(const struct fact_info *f, struct value *v)
{
    if (f->type == VT_NUM && v->known && !v->err)
        num_release(v->u.num);
    else if (f->type == VT_TEXT && v->known)
        free((char *)v->u.text);
    v->u.text = NULL;
}

size_t api_case_bytes(const struct rc_case *c)
{
    return c->own->total + c->scratch.total;
}

static void case_destroy(struct rc_case *c)
{
    if (!c)
        return;
    if (c->own) {
        for (int i = 0; c->cf && i < c->p->nfacts; i++)
            if (c->cf->origin[i] == FROM_CASE)
                value_drop(&c->p->facts[i], &c->cf->vals[i]);
        arena_free(c->own);
        free(c->own);
    }
    arena_free(&c->scratch);
    if (c->rs)
        api_ruleset_drop(c->rs);
    free(c);
}

static void case_drop(struct rc_case *c)
{
    if (c && atomic_fetch_sub(&c->refs, 1) == 1)
        case_destroy(c);
}

struct new_case {
    struct rc_ruleset *rs;
    const char *id, *title;
    struct rc_case *c;
};

static void new_case_work(void *ud)
{
    struct new_case *a = ud;
    struct rc_case *c = a->c = xcalloc(1, sizeof *c);
    c->own = xcalloc(1, sizeof *c->own);
    arena_init(c->own);
    c->p = a->rs->plan;
    c->errors = arena_alloc(c->own, sizeof *c->errors);
    c->last = arena_alloc(c->own, sizeof *c->last);
    diag_init(c->errors, c->own);
    diag_init(c->last, c->own);
    c->cf = cases_new(c->own, c->p, c->errors);
    c->cf->id = a->id ? arena_strdup(c->own, a->id) : NULL;
    c->cf->title = a->title ? arena_strdup(c->own, a->title) : NULL;
    c->cf->loc.src = src_from_text(c->own, "<api>", "", 0, 0);
    c->value_src = src_from_text(c->own, "<value>", "", 0, 1);
}

struct rc_case *rc_case_new(const struct rc_ruleset *rs, const char *id,
                            const char *title)
{
    if (!handle_live(rs, H_RULESET))
        return NULL;
    struct new_case a = {(struct rc_ruleset *)rs, id, title, NULL};
    if (arena_protect(new_case_work, &a) != 0 || !handle_add(a.c, H_CASE)) {
        case_destroy(a.c);
        return NULL;
    }
    atomic_init(&a.c->refs, 1);
    api_ruleset_hold(a.c->rs = a.rs);
    return a.c;
}

struct set_args {
    struct rc_case *c;
    const char *fact, *value;
    int rc;
};

/* Why value is not one: the reader's first error, and where. */
static void not_a_value(struct rc_case *c, const char *fact, const char *value,
                        const struct diag_list *syntax)
{
    const struct diag *x = syntax->head;
    struct arena *a = &c->scratch;
    const char *why[3] = {"", "", ""};
    for (int k = 0; k < 3 && x && x->loc.src; k++) {
        enum lang l = (enum lang)k;
        if (x->loc.first_line > 1)
            why[k] = arena_printf(a, MSG(api_why_line, l), diag_msg_in(x, l),
                                  x->loc.first_line, x->loc.first_column);
        else
            why[k] = arena_printf(a, MSG(api_why_column, l), diag_msg_in(x, l),
                                  x->loc.first_column);
    }
    enum msg m = MSG_ID(api_not_a_value, value, fact, why[0]);
    struct diag *d = diag_add(c->last, DIAG_ERROR, NULL, "");
    d->code = (int)m;
    for (int k = 0; k < 3; k++)
        d->msgs[k] =
            arena_printf(a, msg_fmt(m, (enum lang)k), value, fact, why[k]);
    d->msg = d->msgs[c->last->lang];
    HINT0(c->last, d, api_hint_value);
}

/* A rejected value is not set, and the case stays as it was: the caller
 * has the reason from rc_case_error and decides. Only the value set is
 * kept: what reading it took goes with the scratch arena. */
static void set_work(void *ud)
{
    struct set_args *s = ud;
    struct rc_case *c = s->c;
    const char *fact = s->fact, *value = s->value;
    struct arena *a = &c->scratch;
    s->rc = -1;
    arena_reset(a);
    diag_init(c->last, a);
    int i = plan_fact(c->p, fact, strlen(fact));
    if (i < 0) {
        struct src_loc loc = {c->cf->loc.src, 0, 0, 0, 0};
        cases_unknown_fact(c->p, c->last, arena_strdup(a, fact), &loc);
        return;
    }
    struct diag_list syntax;
    diag_init(&syntax, a);
    const struct ast_value *v =
        caseread_value(a, &syntax, "<value>", value, strlen(value));
    if (!v) {
        not_a_value(c, fact, value, &syntax);
        return;
    }
    const struct fact_info *f = &c->p->facts[i];
    struct value val;
    if (!cases_convert(a, c->last, f, v, &val))
        return;
    val = value_keep(f, val);
    if (c->cf->origin[i] == FROM_CASE)
        value_drop(f, &c->cf->vals[i]);
    c->cf->vals[i] = val;
    c->cf->origin[i] = FROM_CASE;
    c->cf->locs[i] = (struct src_loc){c->value_src, 1, v->loc.first_column, 1,
                                      v->loc.last_column};
    s->rc = 0;
}

int rc_case_set(struct rc_case *c, const char *fact, const char *value)
{
    if (!handle_live(c, H_CASE))
        return -1; /* none, or a case read from a file: not changed */
    c->fail = NULL;
    if (!fact || !value) {
        arena_reset(&c->scratch);
        diag_init(c->last, &c->scratch);
        c->fail = !fact ? "no fact named (NULL)" : "no value given (NULL)";
        return -1;
    }
    struct set_args s = {c, fact, value, -1};
    if (arena_protect(set_work, &s) != 0) {
        c->fail = no_memory;
        return -1;
    }
    return s.rc;
}

const char *rc_case_error(const struct rc_case *c)
{
    if (!case_ok(c))
        return "not a live case (NULL, freed, or not made by the library)";
    if (c->fail)
        return c->fail;
    const struct diag *d = c->last ? c->last->head : NULL;
    return d ? d->msg : NULL;
}

void rc_case_free(struct rc_case *c)
{
    if (handle_drop(c, H_CASE))
        case_drop(c);
}

const char *rc_case_id(const struct rc_case *c)
{
    return case_ok(c) ? c->cf->id : NULL;
}

const char *rc_case_title(const struct rc_case *c)
{
    return case_ok(c) ? c->cf->title : NULL;
}

const char *rc_case_source(const struct rc_case *c, int *line)
{
    if (line)
        *line = 0;
    if (!case_ok(c))
        return NULL;
    if (line)
        *line = c->cf->loc.first_line;
    return c->cf->loc.src ? c->cf->loc.src->name : "";
}

static void eval_new_work(void *ud)
{
    struct rc_eval *ev = ud;
    ev->r = eval_new(ev->rs->plan);
}

struct rc_eval *rc_eval_new(const struct rc_ruleset *rs)
{
    if (!handle_live(rs, H_RULESET))
        return NULL;
    struct rc_eval *ev = calloc(1, sizeof *ev);
    if (!ev)
        return NULL;
    ev->rs = (struct rc_ruleset *)rs;
    ev->error = nothing_yet;
    arena_init(&ev->ign_arena);
    if (arena_protect(eval_new_work, ev) != 0 || !handle_add(ev, H_EVAL)) {
        eval_free(ev->r);
        free(ev);
        return NULL;
    }
    api_ruleset_hold(ev->rs);
    return ev;
}

struct why_args {
    struct rc_eval *ev;
    const char *verdict;
    const char **near;
    int rc;
};

static void why_not_work(void *ud)
{
    struct why_args *a = ud;
    const struct domain *v = &a->ev->r->p->verdicts;
    int i = plan_option(v, a->verdict);
    if (i < 0) {
        if (a->near)
            *a->near = suggest_closest(a->verdict, v->names, v->n);
        return;
    }
    a->ev->r->why_not = i;
    a->ev->r->explain = true;
    a->rc = 0;
}

int rc_eval_why_not(struct rc_eval *ev, const char *verdict, const char **near)
{
    if (near)
        *near = NULL;
    if (!handle_live(ev, H_EVAL) || !verdict)
        return -1;
    struct why_args a = {ev, verdict, near, -1};
    if (arena_protect(why_not_work, &a) != 0)
        return -1;
    return a.rc;
}

/* Let go of the case of the last evaluation. */
static void eval_let_go(struct rc_eval *ev)
{
    case_drop(ev->held);
    ev->held = NULL;
    ev->stream = NULL;
}

struct evaluate_args {
    struct rc_eval *ev;
    const struct case_facts *cf;
};

/* Whether the i-th fact cf gives that the plan does not declare is one
 * to drop: known (if any) declares it. */
static bool drop_fact(const struct rc_eval *ev, const struct case_facts *cf,
                      int i)
{
    const char *name = cf->unknown_names[i];
    return !ev->ign_known ||
           plan_fact(ev->ign_known->plan, name, strlen(name)) >= 0;
}

/* Whether d is the error for a fact that ev drops. */
static bool dropped(struct rc_eval *ev, const struct case_facts *cf,
                    const struct diag *d)
{
    if (d->code != (int)MSG_case_no_fact)
        return false;
    for (int i = 0; i < cf->unknown; i++) {
        const struct src_loc *l = &cf->unknown_locs[i];
        if (l->src == d->loc.src && l->first_line == d->loc.first_line &&
            l->first_column == d->loc.first_column)
            return drop_fact(ev, cf, i);
    }
    return false;
}

/* cf without the facts that ev drops: a copy in ev's arena whose errors
 * are cf's but theirs; cf itself when there is none to drop, or when it
 * gives more undeclared facts than are named (fail closed). Errors
 * counted past the limit and not kept are counted in the copy too. */
static const struct case_facts *without_undeclared(struct rc_eval *ev,
                                                   const struct case_facts *cf)
{
    if (!cf->unknown || !cf->errors || cf->unknown > CASES_UNKNOWN_SHOWN)
        return cf;
    for (int i = 0; i < cf->unknown; i++)
        if (drop_fact(ev, cf, i))
            ev->ignored[ev->nignored++] = cf->unknown_names[i];
    if (!ev->nignored)
        return cf;
    struct arena *a = &ev->ign_arena;
    struct case_facts *c = arena_alloc(a, sizeof *c);
    *c = *cf;
    struct diag_list *dl = arena_alloc(a, sizeof *dl);
    diag_init(dl, a);
    dl->lang = cf->errors->lang;
    int kept = 0;
    for (const struct diag *d = cf->errors->head; d; d = d->next) {
        kept += d->severity == DIAG_ERROR;
        if (dropped(ev, cf, d))
            continue;
        struct diag *x = diag_add(dl, d->severity, &d->loc, d->msg);
        if (x == &dl->sink)
            continue;
        x->hint = d->hint;
        x->code = d->code;
        x->owner = d->owner;
        for (int k = 0; k < 3; k++) {
            x->msgs[k] = d->msgs[k];
            x->hints[k] = d->hints[k];
        }
    }
    if (cf->errors->errors > kept)
        dl->errors += cf->errors->errors - kept;
    c->errors = dl;
    return c;
}

static void evaluate_work(void *ud)
{
    struct evaluate_args *a = ud;
    const struct case_facts *cf = a->cf;
    arena_reset(&a->ev->ign_arena);
    a->ev->nignored = 0;
    if (a->ev->ignore_undeclared)
        cf = without_undeclared(a->ev, cf);
    eval_case(a->ev->r, cf);
}

void rc_evaluate(struct rc_eval *ev, const struct rc_case *c)
{
    if (!handle_live(ev, H_EVAL))
        return;
    eval_let_go(ev);
    if (!case_ok(c)) {
        ev->error = "not a live case (NULL, freed, or not made by the library)";
        return;
    }
    if (c->p != ev->rs->plan) {
        ev->error = "the case was made for another rule set; it is not "
                    "evaluated against this one";
        return;
    }
    struct evaluate_args a = {ev, c->cf};
    if (arena_protect(evaluate_work, &a) != 0) {
        ev->error = no_memory;
        return;
    }
    ev->error = NULL;
    ev->stream = api_stream_of(c);
    if (ev->stream) {
        ev->serial = ev->stream->serial;
    } else {
        ev->held = (struct rc_case *)c;
        atomic_fetch_add(&ev->held->refs, 1);
    }
}

const char *rc_eval_error(const struct rc_eval *ev)
{
    if (!handle_live(ev, H_EVAL))
        return "not a live evaluation (NULL, freed, or not made by the "
               "library)";
    return ev->error;
}

/* rc_status is the engine's status, value for value: it is cast. */
_Static_assert((int)RC_DECIDED == (int)ST_DECIDED, "rc_status: decided");
_Static_assert((int)RC_UNDETERMINED == (int)ST_UNDETERMINED,
               "rc_status: undetermined");
_Static_assert((int)RC_ERROR == (int)ST_ERROR, "rc_status: error");

enum rc_status rc_eval_status(const struct rc_eval *ev)
{
    if (!handle_live(ev, H_EVAL) || ev->error)
        return RC_ERROR;
    return (enum rc_status)ev->r->status;
}

const char *rc_eval_verdict(const struct rc_eval *ev)
{
    if (!handle_live(ev, H_EVAL) || ev->error)
        return NULL;
    const struct result *r = ev->r;
    if (r->status != ST_DECIDED || r->verdict < 0)
        return NULL;
    return r->p->verdicts.names[r->verdict];
}

/* Whether the case ev evaluated last can still be read: it was
 * evaluated, and a case from a stream is still the stream's current. */
static bool eval_case_live(const struct rc_eval *ev)
{
    if (ev->error || !ev->r->cf)
        return false;
    return !ev->stream || (handle_live(ev->stream, H_CASES) &&
                           ev->stream->serial == ev->serial);
}

/* Whether rule i is in list which. */
static bool rule_in(const struct result *r, enum rc_list which, int i)
{
    bool fired = r->cond[i] == TV_TRUE; /* LANGUAGE.md §3 */
    return which == RC_FIRED       ? fired
           : which == RC_UNSETTLED ? r->effect[i] == TV_UNKNOWN
                                   : fired && r->effect[i] != TV_TRUE;
}

int rc_eval_list(const struct rc_eval *ev, enum rc_list which, const char **out,
                 int max)
{
    if (!handle_live(ev, H_EVAL) || (unsigned)which > RC_IGNORED || max < 0 ||
        (max > 0 && !out))
        return -1;
    const struct result *r = ev->r;
    const struct plan *p = r->p;
    int n = 0;
    if (which == RC_IGNORED) {
        for (; eval_case_live(ev) && n < ev->nignored; n++)
            if (n < max)
                out[n] = ev->ignored[n];
        return n;
    }
    if (ev->error || r->status == ST_ERROR)
        return 0;
    if (which == RC_MEASURES) {
        for (int i = 0; i < p->nmeasures; i++)
            if (r->measures[i] == TV_TRUE && n++ < max)
                out[n - 1] = p->measures[i].id;
    } else if (which == RC_MISSING) {
        for (int i = 0; i < p->nfacts; i++)
            if (r->missing[i] && n++ < max)
                out[n - 1] = p->facts[i].name;
    } else {
        for (int i = 0; i < p->nrules; i++)
            if (rule_in(r, which, i) && n++ < max)
                out[n - 1] = p->rules[i].id;
    }
    return n;
}

bool api_lang_ok(enum rc_lang lang)
{
    return (int)lang >= (int)RC_LANG_AUTO && (int)lang <= (int)RC_LANG_ZH_HANS;
}

bool api_format_ok(enum rc_format f)
{
    return (unsigned)f <= (unsigned)RC_HTML;
}

_Static_assert((int)RC_LANG_EN == (int)LANG_EN &&
                   (int)RC_LANG_ZH_HANT == (int)LANG_ZH_HANT &&
                   (int)RC_LANG_ZH_HANS == (int)LANG_ZH_HANS,
               "rc_lang is cast to enum lang");

void api_render(const struct result *r, enum rc_format f, enum rc_lang lang,
                struct sbuf *out)
{
    enum lang l = lang == RC_LANG_AUTO ? r->p->lang : (enum lang)lang;
    switch (f) {
    case RC_JSON:
        trace_json(r, l, out);
        break;
    case RC_JSON_BRIEF:
        trace_json_brief(r, l, out);
        break;
    case RC_TEXT_BRIEF:
        trace_text_brief(r, l, out);
        break;
    case RC_TEXT:
        trace_text(r, l, out);
        break;
    case RC_HTML:
        trace_html(r, l, out);
        break;
    }
}

struct render_args {
    struct rc_eval *ev;
    enum rc_format f;
    enum rc_lang lang;
};

static void render_work(void *ud)
{
    struct render_args *a = ud;
    api_render(a->ev->r, a->f, a->lang, &a->ev->out);
}

const char *rc_eval_render(struct rc_eval *ev, enum rc_format f,
                           enum rc_lang lang, size_t *len)
{
    if (len)
        *len = 0;
    if (!handle_live(ev, H_EVAL) || ev->error || !api_format_ok(f) ||
        !api_lang_ok(lang))
        return NULL;
    /* a case from a stream lives until the stream's next case */
    if (ev->stream &&
        (!handle_live(ev->stream, H_CASES) || ev->stream->serial != ev->serial))
        return NULL;
    ev->out.len = 0;
    struct render_args a = {ev, f, lang};
    if (arena_protect(render_work, &a) != 0) {
        ev->out.len = 0;
        return NULL;
    }
    if (len)
        *len = ev->out.len;
    return ev->out.p ? ev->out.p : "";
}

void rc_eval_free(struct rc_eval *ev)
{
    if (!handle_drop(ev, H_EVAL))
        return;
    eval_let_go(ev);
    api_ruleset_drop(ev->rs);
    eval_free(ev->r);
    sb_free(&ev->out);
    arena_free(&ev->ign_arena);
    if (ev->ign_known)
        api_ruleset_drop(ev->ign_known);
    free(ev);
}

void rc_eval_ignore_undeclared(struct rc_eval *ev, int on,
                               const struct rc_ruleset *known)
{
    if (!handle_live(ev, H_EVAL) || (known && !handle_live(known, H_RULESET)))
        return;
    if (ev->ign_known)
        api_ruleset_drop(ev->ign_known);
    ev->ign_known = on && known ? (struct rc_ruleset *)known : NULL;
    if (ev->ign_known)
        api_ruleset_hold(ev->ign_known);
    ev->ignore_undeclared = on != 0;
}

int rc_eval_diag(const struct rc_eval *ev, int i, enum rc_lang lang,
                 struct rc_diag *out)
{
    if (!handle_live(ev, H_EVAL) || !api_lang_ok(lang))
        return -1;
    const struct result *r = ev->r;
    if (!eval_case_live(ev))
        return 0;
    const struct diag_list *dl =
        r->cf->errors && r->cf->errors->errors ? r->cf->errors : &r->errors;
    enum lang l = lang == RC_LANG_AUTO ? r->p->lang : (enum lang)lang;
    int n = 0;
    for (const struct diag *d = dl->head; d; d = d->next, n++) {
        if (n != i || !out)
            continue;
        out->file = d->loc.src ? d->loc.src->name : NULL;
        out->line = d->loc.first_line;
        out->column = d->loc.first_column;
        out->severity = d->severity == DIAG_ERROR     ? RC_SEV_ERROR
                        : d->severity == DIAG_WARNING ? RC_SEV_WARNING
                                                      : RC_SEV_NOTE;
        out->message = diag_msg_in(d, l);
        out->hint = diag_hint_in(d, l);
        out->code = d->code >= 0 ? msg_code_of((enum msg)d->code) : NULL;
    }
    return n;
}
