#include "engine/testrun.h"

#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/caseread.h"
#include "engine/cases.h"
#include "engine/diag.h"
#include "engine/eval.h"
#include "engine/msg.h"
#include "engine/plan_tests.h"
#include "engine/trace.h"

void sb_xml(struct sbuf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\n':
            sb_puts(b, "&#10;"); /* kept in attributes too */
            break;
        case '<':
            sb_puts(b, "&lt;");
            break;
        case '>':
            sb_puts(b, "&gt;");
            break;
        case '&':
            sb_puts(b, "&amp;");
            break;
        case '"':
            sb_puts(b, "&quot;");
            break;
        default:
            if ((unsigned char)*s < 0x20 && *s != '\t')
                sb_putc(b, '?');
            else
                sb_putc(b, *s);
        }
    }
}

/* The facts given { … } sets, converted when the rule set was checked;
 * their errors are the case's (nothing adds to them here). */
static void given_here(const struct test_info *t, struct case_facts *cf,
                       struct diag_list *errors)
{
    if (t->errors)
        *errors = *t->errors;
    for (int i = 0; i < t->nfacts; i++) {
        const struct given_fact *g = &t->facts[i];
        cf->vals[g->fact] = g->v;
        cf->origin[g->fact] = FROM_CASE;
        cf->locs[g->fact] = g->loc;
    }
}

/* The facts of a test: its given { … }, or a case read from a file. */
static struct case_facts *given(struct arena *a, const struct plan *p,
                                const struct test_info *t,
                                struct diag_list *errors)
{
    struct case_facts *cf = cases_new(a, p, errors);
    cf->id = t->name;
    cf->loc = t->loc;
    if (t->given_here) {
        given_here(t, cf, errors);
        return cf;
    }
    const char *path = src_relative(a, t->loc.src->name, t->file);
    struct diag_list io;
    diag_init(&io, a);
    struct source *src = src_read_file(a, path, &io);
    if (!src) {
        struct diag *d = diag_add(errors, DIAG_ERROR, &t->file_loc, "");
        d->code = io.head->code; /* every version of the reading error */
        for (int k = 0; k < 3; k++)
            d->msgs[k] = io.head->msgs[k];
        d->msg = io.head->msg;
        return cf;
    }
    const struct case_facts *c = NULL;
    int outside = 0;
    int n = caseread_given(a, p, src, t->case_id, errors, &c, &outside);
    if (t->case_id && !c) {
        DIAG(errors, DIAG_ERROR, &t->id_loc, given_no_case, path, t->case_id);
    } else if (!t->case_id && n != 1) {
        struct diag *d =
            DIAG(errors, DIAG_ERROR, &t->file_loc, given_many_cases, path, n);
        for (int k = 0; k < 3; k++) /* the keywords in each language */
            d->hints[k] =
                arena_printf(a, msg_fmt(MSG_given_name_one, (enum lang)k),
                             kw_text(KW_GIVEN, (enum lang)k),
                             kw_text(KW_CASE, (enum lang)k), t->file);
        d->hint = d->hints[d->lang];
    } else if (!outside) {
        cf->loc = c->loc;
        cf->title = c->title;
        memcpy(cf->vals, c->vals, (size_t)p->nfacts * sizeof *cf->vals);
        memcpy(cf->origin, c->origin, (size_t)p->nfacts * sizeof *cf->origin);
        memcpy(cf->locs, c->locs, (size_t)p->nfacts * sizeof *cf->locs);
    }
    return cf;
}

static const char *verdict_text(const struct result *r, enum lang lang)
{
    if (r->status == ST_ERROR)
        return MSG(test_got_error, lang);
    if (r->status == ST_UNDETERMINED)
        return MSG(test_got_undetermined, lang);
    return r->verdict >= 0 ? r->p->verdicts.names[r->verdict]
                           : MSG(test_got_no_verdict, lang);
}

static void names_of(const struct plan *p, const bool *set, struct sbuf *b)
{
    bool first = true;
    sb_putc(b, '{');
    for (int i = 0; i < p->nfacts; i++)
        if (set[i]) {
            sb_printf(b, "%s%s", first ? "" : ", ", p->facts[i].name);
            first = false;
        }
    sb_putc(b, '}');
}

/* Why rule i did not fire (LANGUAGE.md §3: it fires when its condition
 * is true, overridden or not). */
static const char *not_fired(const struct result *r, int i, enum lang lang)
{
    return r->cond[i] == TV_FALSE ? MSG(test_cond_false, lang)
                                  : MSG(test_cond_unknown, lang);
}

/* Check one expectation; a message on failure, NULL when it holds. */
/* want: scratch, a flag per fact. */
static void check(const struct result *r, const struct expect_info *x,
                  enum lang lang, struct sbuf *why, bool *want)
{
    const struct plan *p = r->p;
    switch (x->kind) {
    case EXPECT_VERDICT:
        if (r->status != ST_DECIDED || r->verdict != x->index)
            SB_MSG(why, lang, test_want_verdict, x->name,
                   verdict_text(r, lang));
        return;
    case EXPECT_MEASURE:
        if (r->measures[x->index] != TV_TRUE)
            SB_MSG(why, lang, test_want_measure, x->name);
        return;
    case EXPECT_NOT_MEASURE:
        if (x->index >= 0 && r->measures[x->index] == TV_TRUE)
            SB_MSG(why, lang, test_want_no_measure, x->name);
        return;
    case EXPECT_FIRED:
        if (r->cond[x->index] != TV_TRUE)
            SB_MSG(why, lang, test_want_fired, x->name,
                   not_fired(r, x->index, lang));
        return;
    case EXPECT_NOT_FIRED:
        if (x->index < 0 || r->cond[x->index] != TV_TRUE)
            return;
        if (r->effect[x->index] == TV_TRUE)
            SB_MSG(why, lang, test_want_not_fired, x->name);
        else if (r->effect[x->index] == TV_FALSE)
            SB_MSG(why, lang, test_want_not_fired_overridden, x->name);
        else
            SB_MSG(why, lang, test_want_not_fired_maybe, x->name);
        return;
    case EXPECT_NOT_VERDICT: /* an undetermined case has no verdict */
        if (r->status == ST_DECIDED && r->verdict == x->index)
            SB_MSG(why, lang, test_want_not_verdict, x->name,
                   verdict_text(r, lang));
        return;
    case EXPECT_NOT_UNDETERMINED:
        if (r->status == ST_UNDETERMINED)
            sb_puts(why, MSG(test_want_not_undetermined, lang));
        return;
    case EXPECT_UNDETERMINED:
        break;
    }
    if (r->status != ST_UNDETERMINED) {
        SB_MSG(why, lang, test_want_undetermined, verdict_text(r, lang));
        return;
    }
    if (!x->has_missing)
        return;
    memset(want, 0, ((size_t)p->nfacts + 1) * sizeof *want);
    for (int k = 0; k < x->nmissing; k++)
        want[x->missing[k]] = true;
    bool same = true;
    for (int i = 0; i < p->nfacts; i++)
        same = same && want[i] == r->missing[i];
    if (!same) {
        struct sbuf w = {0}, g = {0};
        names_of(p, want, &w);
        names_of(p, r->missing, &g);
        SB_MSG(why, lang, test_want_missing, w.p, g.p);
        sb_free(&w);
        sb_free(&g);
    }
}

static void cover(const struct result *r, struct coverage *cov)
{
    const struct plan *p = r->p;
    if (!cov || r->status == ST_ERROR)
        return;
    cov->runs++;
    for (int i = 0; i < p->nrules; i++) {
        cov->rule_fired[i] |= r->cond[i] == TV_TRUE;
        cov->rule_false[i] |= r->cond[i] == TV_FALSE;
    }
    for (int i = 0; i < p->nlines; i++) {
        cov->line_taken[i] |= r->lines[i] == TV_TRUE;
        cov->line_false[i] |= r->lines[i] == TV_FALSE;
    }
    for (int i = 0; i < p->nmeasures; i++) {
        cov->measure_on[i] |= r->measures[i] == TV_TRUE;
        cov->measure_false[i] |= r->measures[i] == TV_FALSE;
    }
}

static void indent(const char *text, const char *pre, struct sbuf *out)
{
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        if (n)
            sb_puts(out, pre);
        sb_put(out, text, n);
        sb_putc(out, '\n');
        text += n + (nl != NULL);
    }
}

/* What a run of the tests holds beyond one test: freed by testrun_plan
 * however the run ends (out of memory included). */
struct trun {
    const struct plan *p;
    enum lang lang;
    struct sbuf *out, *junit;
    struct test_stats *st;
    struct coverage *cov;
    struct result *r;
    bool *want;
    struct arena a;               /* of one test */
    struct sbuf why, line, trace; /* of one test */
};

static void junit_case(struct trun *u, const struct test_info *t, bool ok)
{
    struct sbuf *junit = u->junit;
    sb_puts(junit, "    <testcase classname=\"");
    sb_xml(junit, t->loc.src->name);
    sb_puts(junit, "\" name=\"");
    sb_xml(junit, t->name);
    sb_printf(junit, "\" file=\"");
    sb_xml(junit, t->loc.src->name);
    sb_printf(junit, "\" line=\"%d\"", t->loc.first_line);
    if (ok) {
        sb_puts(junit, "/>\n");
    } else {
        sb_puts(junit, ">\n      <failure message=\"");
        sb_xml(junit, u->why.p);
        sb_puts(junit, "\">");
        sb_xml(junit, u->trace.p ? u->trace.p : "");
        sb_puts(junit, "</failure>\n    </testcase>\n");
    }
}

/* The display width of s (a CJK character takes two columns). */
static int utf8_width_of(const char *s)
{
    int w = 0;
    for (size_t i = 0, n = strlen(s); i < n;) {
        uint32_t cp = '?';
        int k = utf8_decode(s + i, n - i, &cp);
        w += utf8_width(cp);
        i += k > 0 ? (size_t)k : 1;
    }
    return w;
}

static void run_test(struct trun *u, const struct test_info *t)
{
    struct result *r = u->r;
    arena_reset(&u->a);
    u->why.len = u->trace.len = 0;
    struct diag_list errors;
    diag_init(&errors, &u->a);
    struct case_facts *cf = given(&u->a, u->p, t, &errors);
    eval_case(r, cf);
    cover(r, u->cov);
    struct sbuf *why = &u->why;
    if (r->status == ST_ERROR && errors.errors)
        sb_puts(why, MSG(test_given_errors, u->lang));
    for (int j = 0; j < t->nexpects && !(errors.errors); j++) {
        size_t before = why->len;
        check(r, &t->expects[j], u->lang, why, u->want);
        if (why->len != before) {
            u->line.len = 0;
            sb_text(&u->line, t->loc.src->name);
            sb_printf(&u->line, ":%d: ", t->expects[j].loc.first_line);
            sb_put(&u->line, why->p + before, why->len - before);
            sb_putc(&u->line, '\n');
            why->len = before;
            sb_put(why, u->line.p, u->line.len);
        }
    }
    bool ok = why->len == 0;
    const char *mark = ok ? MSG(test_ok, u->lang) : MSG(test_fail, u->lang);
    sb_puts(u->out, mark); /* padded to four columns */
    for (int w = utf8_width_of(mark); w < 5; w++)
        sb_putc(u->out, ' ');
    sb_text(u->out, t->loc.src->name);
    sb_printf(u->out, ":%d: %s \"", t->loc.first_line,
              kw_text(KW_TEST, u->lang));
    sb_text(u->out, t->name);
    sb_puts(u->out, "\"\n");
    if (!ok) {
        indent(why->p, "  ", u->out);
        trace_text(r, u->lang, &u->trace);
        indent(u->trace.p, "    ", u->out);
    }
    if (u->junit)
        junit_case(u, t, ok);
    if (ok)
        u->st->passed++;
    else
        u->st->failed++;
}

static void run_tests(void *ud)
{
    struct trun *u = ud;
    u->r = eval_new(u->p);
    u->want = xcalloc((size_t)u->p->nfacts + 1, sizeof *u->want);
    for (int k = 0; k < u->p->ntests; k++)
        run_test(u, &u->p->tests[k]);
}

void testrun_plan(const struct plan *p, enum lang lang, struct sbuf *out,
                  struct sbuf *junit, struct test_stats *st,
                  struct coverage *cov)
{
    struct trun u = {
        .p = p, .lang = lang, .out = out, .junit = junit, .st = st, .cov = cov};
    arena_init(&u.a);
    int oom = arena_protect(run_tests, &u);
    eval_free(u.r);
    free(u.want);
    arena_free(&u.a);
    sb_free(&u.why);
    sb_free(&u.line);
    sb_free(&u.trace);
    if (oom)
        arena_oom(); /* on, now that the run's memory is freed */
}

void coverage_init(struct coverage *cov, const struct plan *p)
{
    cov->rule_fired = xcalloc((size_t)p->nrules + 1, 1);
    cov->rule_false = xcalloc((size_t)p->nrules + 1, 1);
    cov->line_taken = xcalloc((size_t)p->nlines + 1, 1);
    cov->line_false = xcalloc((size_t)p->nlines + 1, 1);
    cov->measure_on = xcalloc((size_t)p->nmeasures + 1, 1);
    cov->measure_false = xcalloc((size_t)p->nmeasures + 1, 1);
    cov->runs = 0;
}

void coverage_free(struct coverage *cov)
{
    free(cov->rule_fired);
    free(cov->rule_false);
    free(cov->line_taken);
    free(cov->line_false);
    free(cov->measure_on);
    free(cov->measure_false);
}
