#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/api_int.h"
#include "engine/msg.h"
#include "engine/report_html_int.h"
#include "engine/trace_html.h"

/* The HTML report written out (engine/report_html.c gathers it). */

static const char style[] =
    "body{font:15px/1.5 system-ui,'Noto Sans CJK SC','Noto Sans CJK TC',"
    "sans-serif;margin:1.5em auto;max-width:72em;padding:0 1em;color:#222}"
    "h1{font-size:1.6em;margin:.2em 0}h2{border-bottom:2px solid #345;"
    "padding-bottom:.2em;margin-top:1.6em}h3{margin:1.2em 0 .4em}"
    ".stamp{color:#555}table{border-collapse:collapse;margin:.4em 0}"
    "th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;"
    "vertical-align:top}th{background:#e8edf2}td.n,th.n{text-align:right}"
    "#cases th{cursor:pointer}#cases th[aria-sort=ascending]::after{"
    "content:' \\25b2'}#cases th[aria-sort=descending]::after{"
    "content:' \\25bc'}details.case{border:1px solid #bbb;border-radius:4px;"
    "margin:.4em 0;padding:.3em .8em}details.case summary{cursor:pointer}"
    ".id{font-weight:bold}dt{font-weight:bold;margin-top:.4em}"
    "dd{margin-left:1.5em}code{background:#f3f3f3;padding:0 .2em}"
    ".loc,.src{color:#666;font-size:.9em}.cite,.because,.facts,.hint{"
    "margin-left:1em;font-size:.95em}.sbs{display:grid;"
    "grid-template-columns:1fr 1fr;gap:1em}.sbs>div{min-width:0}"
    "pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}"
    ".bar{fill:#4a78a8}.bar.u{fill:#d9a13b}.bar.e{fill:#c0392b}"
    "svg text{font-size:13px;fill:#222}"
    "@media print{.noprint{display:none}body{max-width:none;margin:0;"
    "font-size:11pt}details.case{break-inside:avoid}a{color:inherit;"
    "text-decoration:none}[hidden]{display:none}}";

static const char script[] =
    "(function(){var t=document.getElementById('cases'),"
    "f=document.getElementById('filter');if(!t)return;var b=t.tBodies[0];"
    "function show(){var v=f.value,r=b.rows,"
    "d=document.querySelectorAll('details.case'),i;"
    "for(i=0;i<r.length;i++)r[i].hidden=!!v&&r[i].getAttribute('data-v')!==v;"
    "for(i=0;i<d.length;i++)d[i].hidden=!!v&&d[i].getAttribute('data-v')!==v;}"
    "if(f)f.addEventListener('change',show);var h=t.tHead.rows[0].cells;"
    "Array.prototype.forEach.call(h,function(c,k){c.tabIndex=0;"
    "c.addEventListener('click',function(){"
    "var up=c.getAttribute('aria-sort')!=='ascending',"
    "n=c.classList.contains('n'),a=Array.prototype.slice.call(b.rows);"
    "a.sort(function(x,y){var p=x.cells[k].textContent,"
    "q=y.cells[k].textContent,d=n?p-q:p.localeCompare(q);return up?d:-d;});"
    "Array.prototype.forEach.call(h,function(e){"
    "e.removeAttribute('aria-sort');});"
    "c.setAttribute('aria-sort',up?'ascending':'descending');"
    "var g=document.createDocumentFragment();"
    "a.forEach(function(r){g.appendChild(r);});b.appendChild(g);});});"
    "window.addEventListener('beforeprint',function(){"
    "var d=document.querySelectorAll('details');"
    "for(var i=0;i<d.length;i++)d[i].open=true;});})();";

struct wctx {
    struct rc_report *rep;
    rc_write_fn write;
    void *ctx;
    int rc;
    struct sbuf out;
};

static void flush(struct wctx *w)
{
    if (!w->rc && w->out.len)
        w->rc = w->write(w->ctx, w->out.p, w->out.len);
    w->out.len = 0;
}

/* A spool file, copied whole. */
static void copy(struct wctx *w, FILE *f)
{
    char buf[65536];
    size_t n;
    flush(w);
    if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0)
        w->rep->werr = 1;
    while (!w->rc && !w->rep->werr && (n = fread(buf, 1, sizeof buf, f)) > 0)
        w->rc = w->write(w->ctx, buf, n);
    if (ferror(f))
        w->rep->werr = 1;
}

static const char *L(struct wctx *w, enum msg m)
{
    return msg_fmt(m, w->rep->lang);
}

static void h(struct wctx *w, const char *tag, enum msg m)
{
    sb_printf(&w->out, "<%s>", tag);
    sb_html(&w->out, L(w, m));
    sb_printf(&w->out, "</%s>\n", tag);
}

/* A state of a diff or run (report_tr's codes) in plan p, escaped. */
static void state_name(struct wctx *w, const struct plan *p, int s)
{
    sb_html(&w->out, s >= 0    ? p->verdicts.names[s]
                     : s == -1 ? L(w, MSG_html_none)
                     : s == -2 ? L(w, MSG_html_undetermined)
                               : L(w, MSG_html_error));
}

static void state_key(struct sbuf *out, int s)
{
    if (s >= 0)
        sb_printf(out, "v%d", s);
    else
        sb_putc(out, s == -1 ? 'n' : s == -2 ? 'u' : 'e');
}

static void stamp(struct wctx *w, const struct plan *p, enum msg label)
{
    struct sbuf name = {0}, text = {0};
    sb_puts(&name, report_name(p));
    if (p->version)
        sb_printf(&name, " %s", p->version);
    sb_printf(&text, msg_fmt(label, w->rep->lang), name.p);
    sb_puts(&w->out, "<p class=\"stamp\">");
    sb_html(&w->out, text.p);
    sb_free(&name);
    sb_free(&text);
    if (p->sha256[0])
        sb_printf(&w->out, " &middot; sha256 %.12s", p->sha256);
    sb_puts(&w->out, "</p>\n");
}

static void head(struct wctx *w)
{
    static const char *const langs[] = {"en", "zh-Hant", "zh-Hans", "zh-Hant"};
    struct rc_report *rep = w->rep;
    struct sbuf title = {0};
    if (rep->old)
        SB_MSG(&title, rep->lang, html_title_diff, report_name(rep->old),
               report_name(rep->p));
    else
        SB_MSG(&title, rep->lang, html_title_run, report_name(rep->p));
    sb_printf(&w->out,
              "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
              "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
              "content=\"width=device-width, initial-scale=1\">\n<title>",
              langs[rep->lang]);
    sb_html(&w->out, title.p);
    sb_printf(&w->out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>",
              style);
    sb_html(&w->out, title.p);
    sb_puts(&w->out, "</h1>\n");
    sb_free(&title);
    if (rep->old)
        stamp(w, rep->old, MSG_html_old_rules);
    stamp(w, rep->p, rep->old ? MSG_html_new_rules : MSG_html_ruleset);
}

/* A bar chart: n bars, each a label (escaped already), a count and a
 * class. */
struct bar {
    struct sbuf label;
    long n;
    char cls;
    int state; /* report_tr's code */
};

static void chart(struct wctx *w, enum msg title, const struct bar *b, int n)
{
    long max = 1;
    for (int i = 0; i < n; i++)
        max = b[i].n > max ? b[i].n : max;
    sb_printf(&w->out,
              "<svg role=\"img\" width=\"640\" height=\"%d\" "
              "viewBox=\"0 0 640 %d\">"
              "<title>",
              n * 26 + 6, n * 26 + 6);
    sb_html(&w->out, L(w, title));
    sb_puts(&w->out, "</title>\n");
    for (int i = 0; i < n; i++) {
        int y = 4 + i * 26, len = (int)(360 * b[i].n / max);
        sb_printf(&w->out,
                  "<text x=\"210\" y=\"%d\" text-anchor=\"end\">%s</text>"
                  "<rect class=\"bar %c\" x=\"220\" y=\"%d\" width=\"%d\" "
                  "height=\"20\"/><text x=\"%d\" y=\"%d\">%ld</text>\n",
                  y + 15, b[i].label.p, b[i].cls, y, len > 0 ? len : 1,
                  226 + len, y + 15, b[i].n);
    }
    sb_puts(&w->out, "</svg>\n");
}

static void more(struct wctx *w, long n)
{
    if (n > REPORT_LISTED) {
        sb_puts(&w->out, "<p>");
        SB_MSG(&w->out, w->rep->lang, html_more_listed, n - REPORT_LISTED,
               (int)REPORT_LISTED);
        sb_puts(&w->out, "</p>\n");
    }
}

/* The bars of a run: each verdict given, none, undetermined, error. */
static int run_bars(struct wctx *w, struct bar *b)
{
    const struct plan *p = w->rep->p;
    int n = 0;
    for (int v = 0; v <= p->verdicts.n + 2; v++) {
        long c = v <= p->verdicts.n       ? w->rep->by_verdict[v]
                 : v == p->verdicts.n + 1 ? w->rep->undetermined
                                          : w->rep->errors;
        int s = v < p->verdicts.n ? v : p->verdicts.n - 1 - v;
        if (c == 0)
            continue;
        b[n] = (struct bar){{0}, c, s == -2 ? 'u' : s == -3 ? 'e' : 'v', s};
        struct sbuf o = w->out;
        w->out = b[n].label;
        state_name(w, p, s);
        b[n++].label = w->out;
        w->out = o;
    }
    return n;
}

static void bars_free(struct bar *b, int n)
{
    for (int i = 0; i < n; i++)
        sb_free(&b[i].label);
    free(b);
}

/* The counts of a table of two columns: label, count. */
static void count_table(struct wctx *w, enum msg col, const struct bar *b,
                        int n)
{
    sb_puts(&w->out, "<table class=\"counts\"><tr><th>");
    sb_html(&w->out, L(w, col));
    sb_puts(&w->out, "</th><th class=\"n\">");
    sb_html(&w->out, L(w, MSG_html_col_cases));
    sb_puts(&w->out, "</th></tr>\n");
    for (int i = 0; i < n; i++)
        sb_printf(&w->out, "<tr><td>%s</td><td class=\"n\">%ld</td></tr>\n",
                  b[i].label.p, b[i].n);
    sb_puts(&w->out, "</table>\n");
}

static void measures(struct wctx *w)
{
    const struct plan *p = w->rep->p;
    h(w, "h3", MSG_html_by_measure);
    struct bar *b = xcalloc((size_t)p->nmeasures + 1, sizeof *b);
    int n = 0;
    for (int i = 0; i < p->nmeasures; i++)
        if (w->rep->by_measure[i]) {
            b[n].n = w->rep->by_measure[i];
            sb_html(&b[n++].label, p->measures[i].id);
        }
    if (n)
        count_table(w, MSG_html_col_measure, b, n);
    else
        h(w, "p", MSG_html_no_measure);
    bars_free(b, n);
}

/* The facts the undetermined cases need, most needed first. */
static void needed(struct wctx *w)
{
    const struct plan *p = w->rep->p;
    const long *c = w->rep->needed;
    int *o = xcalloc((size_t)p->nfacts + 1, sizeof *o), n = 0;
    for (int i = 0; i < p->nfacts; i++) {
        if (!c[i])
            continue;
        int k = n++;
        for (; k > 0 && c[o[k - 1]] < c[i]; k--)
            o[k] = o[k - 1];
        o[k] = i;
    }
    if (n) {
        h(w, "h3", MSG_html_needed);
        sb_puts(&w->out, "<table class=\"needed\"><tr><th>");
        sb_html(&w->out, L(w, MSG_html_col_fact));
        sb_puts(&w->out, "</th><th>");
        sb_html(&w->out, L(w, MSG_html_col_question));
        sb_puts(&w->out, "</th><th class=\"n\">");
        sb_html(&w->out, L(w, MSG_html_col_needed_by));
        sb_puts(&w->out, "</th></tr>\n");
    }
    for (int k = 0; k < n; k++) {
        const struct fact_info *f = &p->facts[o[k]];
        sb_puts(&w->out, "<tr><td><code>");
        sb_html(&w->out, f->name);
        sb_puts(&w->out, "</code></td><td>");
        sb_html(&w->out, f->desc ? f->desc : "");
        sb_printf(&w->out, "</td><td class=\"n\">%ld</td></tr>\n", c[o[k]]);
    }
    if (n)
        sb_puts(&w->out, "</table>\n");
    free(o);
}

static void lists(struct wctx *w)
{
    struct rc_report *rep = w->rep;
    if (rep->nundet) {
        h(w, "h3", MSG_html_undetermined_cases);
        sb_printf(&w->out, "<ul>\n%s</ul>\n", rep->undet.p);
        more(w, rep->nundet);
    }
    if (rep->nerrs) {
        h(w, "h3", MSG_html_errors);
        sb_printf(&w->out, "<ul class=\"diag\">\n%s</ul>\n", rep->errs.p);
        more(w, rep->nerrs);
    }
}

/* The filter's options: the states the bars show. */
static void filter(struct wctx *w, enum msg label, const struct bar *b, int n)
{
    sb_puts(&w->out, "<p class=\"noprint\"><label>");
    sb_html(&w->out, L(w, label));
    sb_puts(&w->out, " <select id=\"filter\"><option value=\"\">");
    sb_html(&w->out, L(w, MSG_html_filter_all));
    sb_puts(&w->out, "</option>");
    for (int i = 0; i < n; i++) {
        sb_puts(&w->out, "<option value=\"");
        state_key(&w->out, b[i].state);
        sb_printf(&w->out, "\">%s</option>", b[i].label.p);
    }
    sb_puts(&w->out, "</select></label> ");
    sb_html(&w->out, L(w, MSG_html_sort_hint));
    sb_puts(&w->out, "</p>\n");
}

static void table_head(struct wctx *w, const enum msg *cols, int n)
{
    sb_puts(&w->out, "<table id=\"cases\"><thead><tr>");
    for (int i = 0; i < n; i++) {
        sb_puts(&w->out, i ? "<th>" : "<th class=\"n\">");
        sb_html(&w->out, L(w, cols[i]));
        sb_puts(&w->out, "</th>");
    }
    sb_puts(&w->out, "</tr></thead>\n<tbody>\n");
}

static void run_summary(struct wctx *w)
{
    static const enum msg cols[] = {
        MSG_html_col_no,      MSG_html_col_case,     MSG_html_col_title,
        MSG_html_col_verdict, MSG_html_col_measures, MSG_html_col_missing};
    struct rc_report *rep = w->rep;
    struct bar *b = xcalloc((size_t)rep->p->verdicts.n + 3, sizeof *b);
    int n = run_bars(w, b);
    h(w, "h2", MSG_html_summary);
    sb_puts(&w->out, "<p>");
    SB_MSG(&w->out, rep->lang, html_counts, rep->n, rep->decided,
           rep->undetermined, rep->errors);
    sb_puts(&w->out, "</p>\n");
    h(w, "h3", MSG_html_chart);
    chart(w, MSG_html_chart, b, n);
    h(w, "h3", MSG_html_by_verdict);
    count_table(w, MSG_html_col_verdict, b, n);
    measures(w);
    needed(w);
    lists(w);
    h(w, "h2", MSG_html_all_cases);
    filter(w, MSG_html_filter, b, n);
    table_head(w, cols, 6);
    bars_free(b, n);
}

/* The bars of a diff: one per transition, "before → after". */
static int diff_bars(struct wctx *w, struct bar *b)
{
    struct rc_report *rep = w->rep;
    for (int i = 0; i < rep->ntr; i++) {
        const struct report_tr *t = &rep->tr[i];
        struct sbuf o = w->out;
        w->out = (struct sbuf){0};
        state_name(w, rep->old, t->os);
        sb_puts(&w->out, " &rarr; ");
        state_name(w, rep->p, t->ns);
        if (t->monly)
            sb_printf(&w->out, " %s", L(w, MSG_html_measures_only));
        b[i] = (struct bar){w->out, t->n,
                            t->ns == -2   ? 'u'
                            : t->ns == -3 ? 'e'
                                          : 'v',
                            t->ns};
        w->out = o;
    }
    return rep->ntr;
}

/* The filter's options of a diff: each state after the change, once. */
static int diff_states(struct wctx *w, struct bar *b)
{
    struct rc_report *rep = w->rep;
    int n = 0;
    for (int i = 0; i <= rep->ntr; i++) {
        int s = i < rep->ntr ? rep->tr[i].ns : -3;
        bool seen = i == rep->ntr && rep->errors == 0;
        for (int k = 0; k < n && !seen; k++)
            seen = b[k].state == s;
        if (seen)
            continue;
        b[n] = (struct bar){{0}, 0, 'v', s};
        struct sbuf o = w->out;
        w->out = (struct sbuf){0};
        state_name(w, rep->p, s);
        b[n++].label = w->out;
        w->out = o;
    }
    return n;
}

static void diff_summary(struct wctx *w)
{
    static const enum msg cols[] = {MSG_html_col_no, MSG_html_col_case,
                                    MSG_html_col_title, MSG_html_col_from,
                                    MSG_html_col_to};
    struct rc_report *rep = w->rep;
    if (rep->note) {
        h(w, "h2", MSG_html_diff_parts);
        sb_puts(&w->out, "<pre>");
        sb_html(&w->out, rep->note);
        sb_puts(&w->out, "</pre>\n");
    }
    h(w, "h2", MSG_html_summary);
    sb_puts(&w->out, "<p>");
    SB_MSG(&w->out, rep->lang, html_diff_counts, rep->cases,
           rep->n - rep->errors, rep->cases - rep->n, rep->errors);
    sb_puts(&w->out, "</p>\n");
    struct bar *b = xcalloc((size_t)rep->ntr + 1, sizeof *b);
    int n = diff_bars(w, b);
    h(w, "h3", MSG_html_diff_transitions);
    if (n) {
        chart(w, MSG_html_diff_transitions, b, n);
        sb_puts(&w->out, "<table class=\"counts\"><tr><th>");
        sb_html(&w->out, L(w, MSG_html_diff_transitions));
        sb_puts(&w->out, "</th><th class=\"n\">");
        sb_html(&w->out, L(w, MSG_html_col_cases));
        sb_puts(&w->out, "</th></tr>\n");
        for (int i = 0; i < n; i++)
            sb_printf(&w->out, "<tr><td>%s</td><td class=\"n\">%ld</td></tr>\n",
                      b[i].label.p, b[i].n);
        sb_puts(&w->out, "</table>\n");
    } else {
        h(w, "p", MSG_html_no_transition);
    }
    bars_free(b, n);
    b = xcalloc((size_t)rep->ntr + 1, sizeof *b);
    n = diff_states(w, b);
    h(w, "h2", MSG_html_changed_cases);
    filter(w, MSG_html_filter_new, b, n);
    table_head(w, cols, 5);
    bars_free(b, n);
}

static void write_work(void *ud)
{
    struct wctx *w = ud;
    struct rc_report *rep = w->rep;
    head(w);
    if (rep->old)
        diff_summary(w);
    else
        run_summary(w);
    copy(w, rep->rows);
    sb_puts(&w->out, "</tbody></table>\n");
    if (rep->n > 0)
        h(w, "h2", MSG_html_explanations);
    copy(w, rep->secs);
    if (rep->n > REPORT_SECTIONS) {
        sb_puts(&w->out, "<p class=\"left-out\">");
        SB_MSG(&w->out, rep->lang, html_left_out, rep->n - REPORT_SECTIONS,
               (int)REPORT_SECTIONS);
        sb_puts(&w->out, "</p>\n");
    }
    sb_printf(&w->out, "<script>%s</script>\n</body>\n</html>\n", script);
    flush(w);
}

int rc_report_write(struct rc_report *rep, rc_write_fn write, void *ctx)
{
    if (!rep || !write)
        return RC_RUN_BAD_ARGUMENT;
    struct wctx w = {rep, write, ctx, 0, {0}};
    int rc = arena_protect(write_work, &w);
    sb_free(&w.out);
    if (rc != 0)
        return RC_RUN_NO_MEMORY;
    return w.rc ? w.rc : rep->werr ? RC_REPORT_SPOOL : 0;
}
