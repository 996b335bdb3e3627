#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/api_int.h"
#include "engine/msg.h"
#include "engine/report_html_int.h"
#include "engine/trace_html.h"

/*
 * The HTML report of a run or a diff (docs/report.md): one file, no
 * script, font or picture from outside. The records of the cases come in
 * one by one; the table rows and the first REPORT_SECTIONS explanations
 * wait in temporary files, so that memory holds only counts by verdict,
 * measure and fact, and the capped lists; rc_report_write writes the head,
 * the summary, the table and the explanations in that order.
 */

/* A run's record: its numbers, and where its lines are. */
struct rec {
    int status, verdict, nm, nf;
    int m[REPORT_LIST], f[REPORT_LIST]; /* the first of each */
    const char *id, *title, *error, *body;
    size_t idlen, titlelen, errlen, bodylen;
};

/* One line of r from *p on, into *s and *n. */
static void rec_line(const char **p, const char *end, const char **s, size_t *n)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    *s = *p;
    *n = (size_t)((nl ? nl : end) - *p);
    *p = nl ? nl + 1 : end;
}

/* A number in [lo, hi) at *p, or false. */
static bool rec_int(const char **p, int lo, int hi, int *v)
{
    char *end;
    long x = strtol(*p, &end, 10);
    bool ok = end != *p && x >= lo && x < hi;
    *p = end;
    *v = (int)x;
    return ok;
}

/* Read a record of trace_html for plan p; false when it is not one. */
static bool rec_read(const struct plan *p, const char *s, size_t len,
                     struct rec *r)
{
    const char *q = s, *end = s + len, *head;
    size_t hlen;
    int x;
    if (!memchr(s, '\n', len) || !rec_int(&q, 0, 3, &r->status) ||
        !rec_int(&q, -1, p->verdicts.n, &r->verdict) ||
        !rec_int(&q, 0, p->nmeasures + 1, &r->nm))
        return false;
    for (int i = 0; i < r->nm; i++) {
        if (!rec_int(&q, 0, p->nmeasures, &x))
            return false;
        if (i < REPORT_LIST)
            r->m[i] = x;
    }
    if (!rec_int(&q, 0, p->nfacts + 1, &r->nf))
        return false;
    for (int i = 0; i < r->nf; i++) {
        if (!rec_int(&q, 0, p->nfacts, &x))
            return false;
        if (i < REPORT_LIST)
            r->f[i] = x;
    }
    rec_line(&q, end, &head, &hlen);
    rec_line(&q, end, &r->id, &r->idlen);
    rec_line(&q, end, &r->title, &r->titlelen);
    rec_line(&q, end, &r->error, &r->errlen);
    r->body = q;
    r->bodylen = (size_t)(end - q);
    return q < end;
}

/* "v3", "u", "e" or "n": the key of a case's state, for the filter. */
static void key(struct sbuf *out, const struct rec *r)
{
    if (r->status == ST_ERROR)
        sb_putc(out, 'e');
    else if (r->status == ST_UNDETERMINED)
        sb_putc(out, 'u');
    else if (r->verdict < 0)
        sb_putc(out, 'n');
    else
        sb_printf(out, "v%d", r->verdict);
}

/* The state as a reader says it: the verdict, undetermined, error. */
static void state(const struct rc_report *rep, const struct plan *p,
                  const struct rec *r, struct sbuf *out)
{
    sb_html(out, r->status == ST_ERROR ? MSG(html_error, rep->lang)
                 : r->status == ST_UNDETERMINED
                     ? MSG(html_undetermined, rep->lang)
                 : r->verdict < 0 ? MSG(html_none, rep->lang)
                                  : p->verdicts.names[r->verdict]);
}

/* The names of v (the first REPORT_LIST of n), in a list. */
static void names(const struct rc_report *rep, struct sbuf *out, const int *v,
                  int n, const char *(*name)(const struct plan *, int))
{
    const char *sep = MSG(html_list_sep, rep->lang);
    for (int i = 0; i < n && i < REPORT_LIST; i++) {
        sb_puts(out, i ? sep : "");
        sb_html(out, name(rep->p, v[i]));
    }
    if (n > REPORT_LIST)
        sb_printf(out, "%s&hellip;", sep);
}

static const char *measure_id(const struct plan *p, int i)
{
    return p->measures[i].id;
}

static const char *fact_name(const struct plan *p, int i)
{
    return p->facts[i].name;
}

/* The case's cell: its ID, a link when its explanation is in. */
static void id_cell(struct rc_report *rep, const struct rec *r, bool linked)
{
    struct sbuf *o = &rep->scratch;
    sb_puts(o, "<td>");
    if (linked)
        sb_printf(o, "<a href=\"#c%ld\">", rep->n);
    sb_put(o, r->id, r->idlen);
    sb_puts(o, linked ? "</a></td><td>" : "</td><td>");
    sb_put(o, r->title, r->titlelen);
    sb_puts(o, "</td>");
}

static void spool(struct rc_report *rep, FILE *f)
{
    if (fwrite(rep->scratch.p, 1, rep->scratch.len, f) != rep->scratch.len)
        rep->werr = 1;
    rep->scratch.len = 0;
}

/* The counts and lists of the summary for a case of the run. */
static void tally(struct rc_report *rep, const struct rec *r)
{
    const struct plan *p = rep->p;
    if (r->status == ST_ERROR) {
        rep->errors++;
        if (rep->nerrs++ < REPORT_LISTED) {
            sb_puts(&rep->errs, "<li><b>");
            sb_put(&rep->errs, r->id, r->idlen);
            sb_printf(&rep->errs, "</b>%s", MSG(html_label_sep, rep->lang));
            sb_put(&rep->errs, r->error, r->errlen);
            sb_puts(&rep->errs, "</li>\n");
        }
        return;
    }
    for (int i = 0; i < r->nm && i < REPORT_LIST; i++)
        rep->by_measure[r->m[i]]++;
    if (r->status == ST_DECIDED) {
        rep->decided++;
        rep->by_verdict[r->verdict < 0 ? p->verdicts.n : r->verdict]++;
        return;
    }
    rep->undetermined++;
    for (int i = 0; i < r->nf && i < REPORT_LIST; i++)
        rep->needed[r->f[i]]++;
    if (rep->nundet++ < REPORT_LISTED) {
        sb_puts(&rep->undet, "<li><b>");
        sb_put(&rep->undet, r->id, r->idlen);
        sb_printf(&rep->undet, "</b>%s", MSG(html_label_sep, rep->lang));
        names(rep, &rep->undet, r->f, r->nf, fact_name);
        sb_puts(&rep->undet, "</li>\n");
    }
}

static void add_work(void *ud)
{
    struct report_arg *a = ud;
    struct rc_report *rep = a->rep;
    struct rec r;
    if (!rec_read(rep->p, a->rec, a->len, &r)) {
        a->bad = true;
        return;
    }
    rep->n++;
    tally(rep, &r);
    bool in = rep->n <= REPORT_SECTIONS;
    struct sbuf *o = &rep->scratch;
    sb_puts(o, "<tr data-v=\"");
    key(o, &r);
    sb_printf(o, "\"><td class=\"n\">%ld</td>", rep->n);
    id_cell(rep, &r, in);
    sb_puts(o, "<td>");
    state(rep, rep->p, &r, o);
    sb_puts(o, "</td><td>");
    names(rep, o, r.m, r.nm, measure_id);
    sb_puts(o, "</td><td>");
    names(rep, o, r.f, r.nf, fact_name);
    sb_puts(o, "</td></tr>\n");
    spool(rep, rep->rows);
    if (!in)
        return;
    sb_printf(o, "<details class=\"case\" id=\"c%ld\" data-v=\"", rep->n);
    key(o, &r);
    sb_puts(o, "\">");
    sb_put(o, r.body, r.bodylen);
    sb_puts(o, "</details>\n");
    spool(rep, rep->secs);
}

/* Count one transition of the diff. */
static void transit(struct rc_report *rep, const struct rec *o,
                    const struct rec *n, bool monly)
{
    int os = o->status == ST_DECIDED ? o->verdict : -1 - o->status;
    int ns = n->status == ST_DECIDED ? n->verdict : -1 - n->status;
    for (int i = 0; i < rep->ntr; i++)
        if (rep->tr[i].os == os && rep->tr[i].ns == ns &&
            rep->tr[i].monly == monly) {
            rep->tr[i].n++;
            return;
        }
    if (rep->ntr == rep->cap) {
        rep->cap = rep->cap ? rep->cap * 2 : 16;
        rep->tr = xrealloc(rep->tr, (size_t)rep->cap * sizeof *rep->tr);
    }
    rep->tr[rep->ntr++] = (struct report_tr){os, ns, monly, 1};
}

static void diff_body(struct rc_report *rep, const struct rec *r, bool old)
{
    const struct plan *p = old ? rep->old : rep->p;
    const char *b = memchr(r->body, '\n', r->bodylen); /* past <summary> */
    b = b ? b + 1 : r->body + r->bodylen;
    sb_puts(&rep->scratch, "<div><h4>");
    struct sbuf t = {0}, name = {0};
    sb_puts(&name, report_name(p));
    if (p->version)
        sb_printf(&name, " %s", p->version);
    if (old)
        SB_MSG(&t, rep->lang, html_old_rules, name.p);
    else
        SB_MSG(&t, rep->lang, html_new_rules, name.p);
    sb_html(&rep->scratch, t.p);
    sb_free(&t);
    sb_free(&name);
    sb_puts(&rep->scratch, "</h4>");
    sb_put(&rep->scratch, b, (size_t)(r->body + r->bodylen - b));
    sb_puts(&rep->scratch, "</div>");
}

static void diff_work(void *ud)
{
    struct report_arg *a = ud;
    struct rc_report *rep = a->rep;
    struct rec o, n;
    if (!rec_read(rep->old, a->old, a->olen, &o) ||
        !rec_read(rep->p, a->rec, a->len, &n)) {
        a->bad = true;
        return;
    }
    rep->cases++;
    if (o.status == ST_ERROR && n.status == ST_ERROR)
        rep->errors++;
    if (!a->changed)
        return;
    rep->n++;
    bool both = o.status == ST_ERROR && n.status == ST_ERROR;
    bool monly = !both && o.status == n.status && o.verdict == n.verdict;
    if (!(o.status == ST_ERROR && n.status == ST_ERROR))
        transit(rep, &o, &n, monly);
    bool in = rep->n <= REPORT_SECTIONS;
    struct sbuf *s = &rep->scratch;
    sb_puts(s, "<tr data-v=\"");
    key(s, &n);
    sb_printf(s, "\"><td class=\"n\">%ld</td>", rep->n);
    id_cell(rep, &n, in);
    sb_puts(s, "<td>");
    state(rep, rep->old, &o, s);
    sb_puts(s, "</td><td>");
    state(rep, rep->p, &n, s);
    if (monly)
        sb_printf(s, " %s", MSG(html_measures_only, rep->lang));
    sb_puts(s, "</td></tr>\n");
    spool(rep, rep->rows);
    if (!in)
        return;
    sb_printf(s, "<details class=\"case\" id=\"c%ld\" data-v=\"", rep->n);
    key(s, &n);
    sb_puts(s, "\"><summary><span class=\"id\">");
    sb_put(s, n.id, n.idlen);
    sb_puts(s, "</span> &mdash; ");
    state(rep, rep->old, &o, s);
    sb_puts(s, " &rarr; <b>");
    state(rep, rep->p, &n, s);
    sb_puts(s, "</b></summary><div class=\"sbs\">");
    diff_body(rep, &o, true);
    diff_body(rep, &n, false);
    sb_puts(s, "</div></details>\n");
    spool(rep, rep->secs);
}

static int protect(void (*fn)(void *), struct report_arg *a)
{
    if (!a->rep || !a->rec || (a->old == NULL) != (a->rep->old == NULL))
        return RC_RUN_BAD_ARGUMENT;
    a->rep->scratch.len = 0;
    if (arena_protect(fn, a) != 0)
        return RC_RUN_NO_MEMORY;
    return a->bad ? RC_RUN_BAD_ARGUMENT : a->rep->werr ? RC_REPORT_SPOOL : 0;
}

int rc_report_add(struct rc_report *rep, const char *rec, size_t len)
{
    struct report_arg a = {rep, rec, len, NULL, 0, 0, false};
    return protect(add_work, &a);
}

int rc_report_add_diff(struct rc_report *rep, const char *old, size_t olen,
                       const char *new_, size_t nlen, int changed)
{
    struct report_arg a = {rep, new_, nlen, old, olen, changed, false};
    if (!old)
        return RC_RUN_BAD_ARGUMENT;
    return protect(diff_work, &a);
}

/* A temporary file in $TMPDIR (else /tmp), gone once closed; NULL when
 * none can be made. */
static FILE *spool_file(void)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/rongcuo-report.XXXXXX",
                     dir && *dir ? dir : "/tmp");
    if (n < 0 || (size_t)n >= sizeof path)
        return NULL;
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    unlink(path);
    FILE *f = fdopen(fd, "w+b");
    if (!f)
        close(fd);
    return f;
}

const char *report_name(const struct plan *p)
{
    return p->policy ? p->policy : p->src->name;
}

struct rc_report *rc_report_new(const struct rc_ruleset *rs,
                                const struct rc_ruleset *old, enum rc_lang lang)
{
    if (!handle_live(rs, H_RULESET) || (old && !handle_live(old, H_RULESET)) ||
        !api_lang_ok(lang))
        return NULL;
    struct rc_report *rep = calloc(1, sizeof *rep);
    if (!rep)
        return NULL;
    const struct plan *p = rs->plan;
    rep->p = p;
    rep->old = old ? old->plan : NULL;
    rep->lang = lang == RC_LANG_AUTO ? p->lang : (enum lang)lang;
    rep->by_verdict = calloc((size_t)p->verdicts.n + 1, sizeof(long));
    rep->by_measure = calloc((size_t)p->nmeasures + 1, sizeof(long));
    rep->needed = calloc((size_t)p->nfacts + 1, sizeof(long));
    rep->rows = spool_file();
    rep->secs = spool_file();
    if (!rep->by_verdict || !rep->by_measure || !rep->needed || !rep->rows ||
        !rep->secs) {
        rc_report_free(rep);
        return NULL;
    }
    api_ruleset_hold(rep->rs = (struct rc_ruleset *)rs);
    if (old)
        api_ruleset_hold(rep->rs_old = (struct rc_ruleset *)old);
    return rep;
}

void rc_report_free(struct rc_report *rep)
{
    if (!rep)
        return;
    free(rep->by_verdict);
    free(rep->by_measure);
    free(rep->needed);
    free(rep->tr);
    free(rep->note);
    sb_free(&rep->scratch);
    sb_free(&rep->undet);
    sb_free(&rep->errs);
    if (rep->rows)
        fclose(rep->rows);
    if (rep->secs)
        fclose(rep->secs);
    if (rep->rs)
        api_ruleset_drop(rep->rs);
    if (rep->rs_old)
        api_ruleset_drop(rep->rs_old);
    free(rep);
}

int rc_report_note(struct rc_report *rep, const char *text)
{
    if (!rep || !text)
        return RC_RUN_BAD_ARGUMENT;
    char *t = strdup(text);
    if (!t)
        return RC_RUN_NO_MEMORY;
    free(rep->note);
    rep->note = t;
    return 0;
}
