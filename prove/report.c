#include "prove/report.h"

#include <string.h>

#include "engine/api_int.h"
#include "engine/msg.h"
#include "engine/plan_tests.h"
#include "engine/sbuf.h"
#include "engine/testrun.h"
#include "prove/diff.h"
#include "prove/prove.h"

/* The report of `rongcuo prove` on one rule set, as text or JSON Lines. */

/* What a case got, as the test report says it. */
static const char *got(const struct plan *p, const struct prove_result *r,
                       enum lang lang)
{
    if (r->got_status == ST_ERROR)
        return MSG(test_got_error, lang);
    if (r->got_status == ST_UNDETERMINED)
        return MSG(test_got_undetermined, lang);
    return r->got_verdict >= 0 ? p->verdicts.names[r->got_verdict]
                               : MSG(test_got_no_verdict, lang);
}

/* How the counterexample breaks expectation r->expect. */
static void broken(const struct plan *p, const struct invariant_info *iv,
                   const struct prove_result *r, enum lang lang,
                   struct sbuf *out)
{
    const struct expect_info *x = &iv->expects[r->expect];
    const char *g = got(p, r, lang);
    switch (x->kind) {
    case EXPECT_VERDICT:
        SB_MSG(out, lang, test_want_verdict, x->name, g);
        break;
    case EXPECT_NOT_VERDICT:
        SB_MSG(out, lang, prove_want_not_verdict, x->name, g);
        break;
    case EXPECT_MEASURE:
        SB_MSG(out, lang, test_want_measure, x->name);
        break;
    case EXPECT_NOT_MEASURE:
        SB_MSG(out, lang, test_want_no_measure, x->name);
        break;
    case EXPECT_UNDETERMINED:
        SB_MSG(out, lang, test_want_undetermined, g);
        break;
    default:
        SB_MSG(out, lang, prove_want_decided, g);
        break;
    }
}

/* text, each line indented by ind */
static void indented(struct sbuf *out, const char *text, const char *ind)
{
    for (const char *s = text; *s;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
        sb_puts(out, ind);
        sb_put(out, s, n);
        s += n;
    }
}

static const char *status_word(enum prove_status s, enum lang lang)
{
    return s == PROVE_PROVEN     ? MSG(prove_proven, lang)
           : s == PROVE_VIOLATED ? MSG(prove_violated, lang)
                                 : MSG(prove_undecided, lang);
}

static void text_one(const struct plan *p, int i, const struct prove_result *r,
                     enum lang lang, struct sbuf *out)
{
    const struct invariant_info *iv = &p->invariants[i];
    const char *file = iv->loc.src ? iv->loc.src->name : "?";
    const char *w = status_word(r->status, lang);
    sb_puts(out, "  ");
    if (iv->loc.src != p->src)
        SB_MSG(out, lang, prove_line_inherited, w, iv->title, file,
               iv->loc.first_line);
    else
        SB_MSG(out, lang, prove_line, w, iv->title, file, iv->loc.first_line);
    sb_puts(out, "\n    ");
    if (r->status == PROVE_VIOLATED) {
        broken(p, iv, r, lang, out);
        sb_puts(out, "\n    ");
        if (r->c.nfacts == 1)
            SB_MSG(out, lang, prove_counterexample_one, r->c.nfacts);
        else
            SB_MSG(out, lang, prove_counterexample, r->c.nfacts);
        sb_putc(out, '\n');
        indented(out, r->c.text, "    ");
    } else if (r->status == PROVE_UNDECIDED && r->c.reason &&
               strcmp(r->c.reason, PROVE_NOT_CONFIRMED) == 0) {
        sb_puts(out, MSG(prove_not_confirmed, lang));
        sb_putc(out, '\n');
    } else if (r->status == PROVE_UNDECIDED && r->c.reason &&
               strcmp(r->c.reason, PROVE_NO_DECIMAL) == 0) {
        sb_puts(out, MSG(prove_no_decimal, lang));
        sb_putc(out, '\n');
    } else if (r->status == PROVE_UNDECIDED) {
        SB_MSG(out, lang, prove_solver_unknown, r->c.reason);
        sb_putc(out, '\n');
    } else {
        out->len -= 5; /* nothing more to say */
        sb_putc(out, '\n');
    }
}

static void json_one(const struct plan *p, const char *path, int i,
                     const struct prove_result *r, enum lang lang,
                     struct sbuf *out)
{
    static const char *const st[] = {"proven", "violated", "undecided"};
    const struct invariant_info *iv = &p->invariants[i];
    sb_puts(out, "{\"file\":");
    sb_json(out, path);
    sb_puts(out, ",\"bottom_line\":");
    sb_json(out, iv->title);
    sb_puts(out, ",\"from\":");
    sb_json(out, iv->loc.src ? iv->loc.src->name : "?");
    sb_printf(out, ",\"line\":%d,\"inherited\":%s,\"status\":\"%s\"",
              iv->loc.first_line, iv->loc.src != p->src ? "true" : "false",
              st[r->status]);
    if (r->status == PROVE_VIOLATED) {
        struct sbuf why = {0};
        broken(p, iv, r, lang, &why);
        sb_puts(out, ",\"broken\":");
        sb_json(out, why.p);
        sb_free(&why);
        sb_printf(out, ",\"facts\":%d,\"counterexample\":", r->c.nfacts);
        sb_json(out, r->c.text);
    } else if (r->status == PROVE_UNDECIDED) {
        sb_puts(out, ",\"reason\":");
        sb_json(out, r->c.reason ? r->c.reason : "");
    }
    sb_puts(out, "}\n");
}

/* One bottom line as a JUnit <testcase>: a violated one with a
 * <failure> (how it breaks, and the counterexample), an undecided one
 * <skipped> with the reason. */
static void junit_one(const struct plan *p, const char *path, int i,
                      const struct prove_result *r, enum lang lang,
                      struct sbuf *out)
{
    const struct invariant_info *iv = &p->invariants[i];
    sb_puts(out, "    <testcase classname=\"");
    sb_xml(out, path);
    sb_puts(out, "\" name=\"");
    sb_xml(out, iv->title);
    sb_puts(out, "\" file=\"");
    sb_xml(out, iv->loc.src ? iv->loc.src->name : "?");
    sb_printf(out, "\" line=\"%d\"", iv->loc.first_line);
    if (r->status == PROVE_PROVEN) {
        sb_puts(out, "/>\n");
        return;
    }
    struct sbuf why = {0};
    if (r->status == PROVE_VIOLATED) {
        broken(p, iv, r, lang, &why);
        sb_puts(out, ">\n      <failure message=\"");
        sb_xml(out, why.p);
        sb_puts(out, "\">");
        sb_xml(out, r->c.text);
        sb_puts(out, "</failure>\n    </testcase>\n");
    } else { /* the reason: the line under text_one's first */
        text_one(p, i, r, lang, &why);
        char *reason = strchr(why.p, '\n');
        reason = reason ? reason + strspn(reason, "\n ") : why.p;
        reason[strcspn(reason, "\n")] = '\0';
        sb_puts(out, ">\n      <skipped message=\"");
        sb_xml(out, reason);
        sb_puts(out, "\"/>\n    </testcase>\n");
    }
    sb_free(&why);
}

void prove_report(const struct rc_ruleset *rs, const char *path, enum lang lang,
                  bool json, struct sbuf *out, struct prove_counts *n)
{
    prove_report_junit(rs, path, lang, json, out, NULL, n);
}

void prove_report_junit(const struct rc_ruleset *rs, const char *path,
                        enum lang lang, bool json, struct sbuf *out,
                        struct sbuf *junit, struct prove_counts *n)
{
    const struct plan *p = rs->plan;
    struct enc_ctx *cx = enc_ctx_new();
    if (!cx)
        arena_oom();
    struct enc_plan *e = enc_plan_new(cx, p);
    for (int i = 0; i < p->ninvariants; i++) {
        char id[64];
        snprintf(id, sizeof id, "%s-%d",
                 p->lang == LANG_EN ? "counterexample" : "反例", i + 1);
        struct prove_result r;
        prove_invariant(e, i, id, &r);
        if (json)
            json_one(p, path, i, &r, lang, out);
        else
            text_one(p, i, &r, lang, out);
        if (junit)
            junit_one(p, path, i, &r, lang, junit);
        n->proven += r.status == PROVE_PROVEN;
        n->violated += r.status == PROVE_VIOLATED;
        n->undecided += r.status == PROVE_UNDECIDED;
        prove_case_free(&r.c);
    }
    enc_ctx_free(cx);
}

void prove_report_finalize(void)
{
    prove_finalize();
}

/* An outcome as the diff report names it. */
static const char *outcome_word(const struct prove_outcome *o, enum lang lang)
{
    if (o->status == ST_ERROR)
        return MSG(test_got_error, lang);
    if (o->status == ST_UNDETERMINED)
        return MSG(test_got_undetermined, lang);
    return o->verdict ? o->verdict : MSG(test_got_no_verdict, lang);
}

static void diff_text_one(const struct prove_change *c, enum lang lang,
                          struct sbuf *out)
{
    sb_puts(out, "  ");
    if (c->kind == PROVE_OUTCOME)
        SB_MSG(out, lang, prove_diff_outcome, outcome_word(&c->from, lang),
               outcome_word(&c->to, lang));
    else if (c->kind == PROVE_MEASURE_GAINED)
        SB_MSG(out, lang, prove_diff_gained, c->measure);
    else
        SB_MSG(out, lang, prove_diff_lost, c->measure);
    sb_puts(out, "\n    ");
    if (c->answer != PROVE_FOUND) {
        if (c->c.reason && strcmp(c->c.reason, PROVE_NO_DECIMAL) == 0)
            sb_puts(out, MSG(prove_no_decimal, lang));
        else
            SB_MSG(out, lang, prove_solver_unknown,
                   c->c.reason ? c->c.reason : "");
        sb_putc(out, '\n');
        return;
    }
    if (c->c.nfacts == 1)
        SB_MSG(out, lang, prove_diff_example_one, c->c.nfacts);
    else
        SB_MSG(out, lang, prove_diff_example, c->c.nfacts);
    sb_putc(out, '\n');
    indented(out, c->c.text, "    ");
}

static void json_outcome(const struct prove_outcome *o, struct sbuf *out)
{
    static const char *const st[] = {"decided", "undetermined", "error"};
    sb_printf(out, "{\"status\":\"%s\",\"verdict\":", st[o->status]);
    if (o->status == ST_DECIDED && o->verdict)
        sb_json(out, o->verdict);
    else
        sb_puts(out, "null");
    sb_putc(out, '}');
}

static void diff_json_one(const struct prove_change *c, struct sbuf *out)
{
    if (c->kind == PROVE_OUTCOME) {
        sb_puts(out, "{\"change\":\"outcome\",\"old\":");
        json_outcome(&c->from, out);
        sb_puts(out, ",\"new\":");
        json_outcome(&c->to, out);
    } else {
        sb_printf(out, "{\"change\":\"%s\",\"measure\":",
                  c->kind == PROVE_MEASURE_GAINED ? "measure_gained"
                                                  : "measure_lost");
        sb_json(out, c->measure);
    }
    if (c->answer == PROVE_FOUND) {
        sb_printf(out,
                  ",\"status\":\"found\",\"facts\":%d,\"case\":", c->c.nfacts);
        sb_json(out, c->c.text);
    } else {
        sb_puts(out, ",\"status\":\"undecided\",\"reason\":");
        sb_json(out, c->c.reason ? c->c.reason : "");
    }
    sb_puts(out, "}\n");
}

void prove_diff_report(const struct rc_ruleset *old,
                       const struct rc_ruleset *new, const char *old_path,
                       const char *new_path, enum lang lang, bool json,
                       struct sbuf *out, int *changes, int *undecided)
{
    struct prove_change *ch = NULL;
    int n = prove_diff(old->plan, new->plan, false, &ch);
    *changes = *undecided = 0;
    for (int i = 0; i < n; i++) {
        *undecided += ch[i].answer != PROVE_FOUND;
        *changes += ch[i].answer == PROVE_FOUND;
    }
    if (!json) {
        char c[64];
        snprintf(
            c, sizeof c,
            msg_fmt(n == 1 ? MSG_prove_n_change : MSG_prove_n_changes, lang),
            (long)n);
        SB_MSG(out, lang, prove_diff_head, old_path, new_path, c);
        sb_putc(out, '\n');
    }
    for (int i = 0; i < n; i++)
        if (json)
            diff_json_one(&ch[i], out);
        else
            diff_text_one(&ch[i], lang, out);
    prove_changes_free(ch, n);
}
