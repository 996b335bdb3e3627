#include "engine/trace.h"
#include "engine/trace_int.h"

#include "engine/date.h"
#include "engine/explain.h"
#include "engine/show_expr.h"

#include <stdlib.h>
#include <string.h>

/* The text trace, and the helpers that the JSON trace shares. */

enum label {
    L_CASE,
    L_VERDICT,
    L_UNDETERMINED,
    L_NO_LINE,
    L_MEASURES,
    L_NONE,
    L_NOT_TAKEN,
    L_IS_FALSE,
    L_IS_UNKNOWN,
    L_FINDINGS,
    L_RULE,
    L_CITES,
    L_BECAUSE,
    L_FACTS,
    L_DEFAULT,
    L_NOT_GIVEN,
    L_OVERRIDDEN,
    L_BY,
    L_AMENDS,
    L_REPEALED,
    L_AMENDED,
    L_UNKNOWN_BY,
    L_UNKNOWN_WHY,
    L_MISSING,
    L_SETTLES,
    L_SETTLES1,
    L_ERROR,
    L_NO_RULE,
    L_OTHERWISE,
    L_IS_TRUE,
    L_WHY_NOT,
    L_IS_VERDICT,
    L_NOT_REACHED,
    L_NOT_REACHED_U,
    L_RULESET,
    L_COUNT
};

static const char *const labels[L_COUNT][3] = {
    [L_CASE] = {"case", "案件", "案件"},
    [L_VERDICT] = {"verdict", "結論", "结论"},
    [L_UNDETERMINED] = {"undetermined", "待定", "待定"},
    [L_NO_LINE] = {"none: no line of the verdict table applied",
                   "無：處理結論表中沒有一行適用",
                   "无：处理结论表中没有一行适用"},
    [L_MEASURES] = {"measures", "措施", "措施"},
    [L_NONE] = {"none", "無", "无"},
    [L_NOT_TAKEN] = {"lines not taken", "未適用的結論行", "未适用的结论行"},
    [L_IS_FALSE] = {"is false", "不成立", "不成立"},
    [L_IS_UNKNOWN] = {"is unknown", "未能確定", "未能确定"},
    [L_FINDINGS] = {"findings", "認定", "认定"},
    [L_RULE] = {"rule", "規則", "规则"},
    [L_CITES] = {"cites", "依據", "依据"},
    [L_BECAUSE] = {"because", "理由", "理由"},
    [L_FACTS] = {"facts", "事實", "事实"},
    [L_DEFAULT] = {"default", "預設", "默认"},
    [L_NOT_GIVEN] = {"not given", "未提供", "未提供"},
    [L_OVERRIDDEN] = {"overridden", "被優先規則排除", "被优先规则排除"},
    [L_BY] = {"overridden by", "優先適用", "优先适用"},
    [L_UNKNOWN_BY] = {"perhaps overridden by", "或被優先適用", "或被优先适用"},
    [L_UNKNOWN_WHY] = {"its condition is unknown, so this rule's effect is "
                       "unknown",
                       "其條件未能確定，本規則效力未定",
                       "其条件未能确定，本规则效力未定"},
    [L_MISSING] = {"missing facts, most decisive first",
                   "缺少的事實（最具決定性者在前）",
                   "缺少的事实（最具决定性者在前）"},
    [L_SETTLES] = {"bears on %d verdict lines", "涉及 %d 個結論行",
                   "涉及 %d 个结论行"},
    [L_SETTLES1] = {"bears on 1 verdict line", "涉及 1 個結論行",
                    "涉及 1 个结论行"},
    [L_ERROR] = {"error", "錯誤", "错误"},
    [L_NO_RULE] = {"no rule concluding it applied", "沒有規則得出此認定",
                   "没有规则得出此认定"},
    [L_OTHERWISE] = {"otherwise", "否則", "否则"},
    [L_IS_TRUE] = {"is true", "成立", "成立"},
    [L_RULESET] = {"rule set", "規則集", "规则集"},
    [L_WHY_NOT] = {"why not", "為何不是", "为何不是"},
    [L_IS_VERDICT] = {"this is the verdict", "此即結論", "此即结论"},
    [L_NOT_REACHED_U] = {"not reached: an earlier line is undetermined",
                         "未輪到：前面的結論行待定",
                         "未轮到：前面的结论行待定"},
    [L_NOT_REACHED] = {"not reached: an earlier line decided the case",
                       "未輪到：前面的結論行已決定本案",
                       "未轮到：前面的结论行已决定本案"},
    [L_AMENDS] = {"amends", "修訂", "修订"},
    [L_REPEALED] = {"was repealed at", "已廢止於", "已废止于"},
    [L_AMENDED] = {"amended table", "修訂後的結論表", "修订后的结论表"},
};

static const char *L(enum label l, enum lang lang)
{
    return labels[l][lang == LANG_ZH ? 1 : (int)lang];
}

/* " (s)" */
static void paren(struct sbuf *out, const char *s)
{
    sb_put(out, " (", 2);
    sb_puts(out, s);
    sb_putc(out, ')');
}

/* "  s:\n": the head of a section. */
static void section(struct sbuf *out, const char *s)
{
    sb_put(out, "  ", 2);
    sb_puts(out, s);
    sb_put(out, ":\n", 2);
}

/* "s: " */
static void label(struct sbuf *out, const char *s)
{
    sb_puts(out, s);
    sb_put(out, ": ", 2);
}

/* A text of the rule set (or, with plain false, of a case), its control
 * characters escaped unless it has none (plan.plain). */
static void rs_text(struct sbuf *out, const char *s, bool plain)
{
    if (plain)
        sb_puts(out, s);
    else
        sb_text(out, s);
}

/* ' "title"', with the title's control characters escaped. */
static void quoted(struct sbuf *out, const char *s, bool plain)
{
    sb_puts(out, " \"");
    rs_text(out, s, plain);
    sb_putc(out, '"');
}

static void loc_text(const struct src_loc *l, struct sbuf *out)
{
    if (!l->src)
        sb_putc(out, '?');
    else
        rs_text(out, l->src->name, l->src->plain_name);
    if (l->first_line > 0) {
        sb_putc(out, ':');
        sb_long(out, l->first_line);
    }
}

void trace_value(const struct fact_info *f, const struct value *v,
                 enum lang lang, struct sbuf *out)
{
    char buf[64];
    if (!v->known) {
        sb_puts(out, kw_text(KW_UNKNOWN, lang));
        return;
    }
    switch (f->type) {
    case VT_BOOL:
        sb_puts(out, kw_text(v->u.b ? KW_TRUE : KW_FALSE, lang));
        break;
    case VT_NUM:
        num_print(out, v->u.num);
        if (f->unit) {
            sb_putc(out, ' ');
            sb_puts(out, f->unit);
        }
        break;
    case VT_DATE:
        ast_date_format(v->u.date, buf);
        sb_puts(out, buf);
        break;
    case VT_TEXT:
        sb_putc(out, '"');
        sb_text(out, v->u.text);
        sb_putc(out, '"');
        break;
    case VT_SYM:
        sb_puts(out, f->dom->names[v->u.sym]);
        break;
    case VT_SET: {
        sb_putc(out, '{');
        bool first = true;
        for (int i = 0; i < f->dom->n; i++)
            if (v->u.set >> i & 1) {
                if (!first)
                    sb_put(out, ", ", 2);
                sb_puts(out, f->dom->names[i]);
                first = false;
            }
        sb_putc(out, '}');
        break;
    }
    default:
        break;
    }
}

struct tctx {
    const struct result *r;
    const struct plan *p;
    enum lang lang;
    struct sbuf *out;
    const struct explanation *ex;
    /* " (file:line)" of the last place in the case written, at
     * out->p[coff..coff + clen): the facts of a case mostly come from
     * one line */
    const struct source *csrc;
    int cline;
    size_t coff, clen;
};

/* loc_text of a place in the rule set: made once per result. */
static void ploc_text(const struct result *r, const struct src_loc *l,
                      struct sbuf *out)
{
    if (trace_memo(r, l, TRACE_MEMO_TLOC, out))
        return;
    size_t start = out->len;
    loc_text(l, out);
    trace_keep(r, l, TRACE_MEMO_TLOC, out, start);
}

/* " (file:line)" of place l in the case: copied when it is the last one
 * written. */
static void case_loc_text(struct tctx *t, const struct src_loc *l)
{
    struct sbuf *out = t->out;
    if (t->clen && l->src == t->csrc && l->first_line == t->cline) {
        sb_again(out, t->coff, t->clen);
        return;
    }
    size_t start = out->len;
    sb_put(out, " (", 2);
    loc_text(l, out);
    sb_putc(out, ')');
    t->csrc = l->src;
    t->cline = l->first_line;
    t->coff = start;
    t->clen = out->len - start;
}

/* "name = value (file:line)" for fact i of the case. */
static void fact_text(struct tctx *t, int i)
{
    const struct result *r = t->r;
    const struct fact_info *f = &r->p->facts[i];
    const struct value *v = &r->cf->vals[i];
    enum lang lang = t->lang;
    struct sbuf *out = t->out;
    if (f->type == VT_BOOL && v->known) {
        int tag = TRACE_MEMO_TFACT + (int)lang * 2 + v->u.b;
        if (!trace_memo(r, f, tag, out)) {
            size_t start = out->len;
            sb_puts(out, f->name);
            sb_put(out, " = ", 3);
            trace_value(f, v, lang, out);
            trace_keep(r, f, tag, out, start);
        }
    } else {
        sb_puts(out, f->name);
        sb_put(out, " = ", 3);
        trace_value(f, v, lang, out);
    }
    switch (r->cf->origin[i]) {
    case FROM_CASE:
        case_loc_text(t, &r->cf->locs[i]);
        break;
    case FROM_DEFAULT:
        paren(out, L(L_DEFAULT, lang));
        break;
    case FROM_ABSENT:
        paren(out, L(L_NOT_GIVEN, lang));
        break;
    }
}

/* "part is false", and for a conclusion no rule reached why: made once
 * per result, language and truth. */
static void part_head(struct tctx *t, const struct cnode *c, enum tv tv)
{
    int tag = TRACE_MEMO_TPART + (int)t->lang * 3 + (int)tv;
    if (trace_memo(t->r, c, tag, t->out))
        return;
    size_t start = t->out->len;
    trace_cond(t->r, c->x, t->lang, false, t->out);
    sb_putc(t->out, ' ');
    sb_puts(t->out, L(tv == TV_TRUE    ? L_IS_TRUE
                      : tv == TV_FALSE ? L_IS_FALSE
                                       : L_IS_UNKNOWN,
                      t->lang));
    if (c->op == C_CONCL && tv == TV_FALSE) {
        sb_printf(t->out, " (%s", L(L_NO_RULE, t->lang));
        const struct concl_info *k = &t->p->concls[c->a];
        for (int j = 0; j < k->nrepeals; j++)
            sb_printf(t->out, "; %s %s %s %s:%d", L(L_RULE, t->lang),
                      k->repeals[j].rule, L(L_REPEALED, t->lang),
                      k->repeals[j].by.src->name, k->repeals[j].by.first_line);
        sb_putc(t->out, ')');
    }
    trace_keep(t->r, c, tag, t->out, start);
}

/* "part is false [fact = value (source); …]" */
static void part_text(struct tctx *t, int i, enum tv tv, const int *facts,
                      int n)
{
    const struct cnode *c = &t->p->nodes[i];
    part_head(t, c, tv);
    if (c->op == C_CONCL && tv == TV_FALSE)
        return;
    if (n == 0)
        return;
    sb_puts(t->out, " [");
    for (int k = 0; k < n; k++) {
        if (k)
            sb_puts(t->out, "; ");
        fact_text(t, facts[k]);
    }
    sb_putc(t->out, ']');
}

/* " (amends base.rules:12)" for a declaration a variant amended. */
static void amends_text(struct tctx *t, const struct src_loc *amends)
{
    if (!amends)
        return;
    sb_put(t->out, " (", 2);
    sb_puts(t->out, L(L_AMENDS, t->lang));
    sb_putc(t->out, ' ');
    ploc_text(t->r, amends, t->out);
    sb_putc(t->out, ')');
}

/* "verdict  file:line": made once per result and language. */
static void line_head(struct tctx *t, int i)
{
    const struct vline_info *l = &t->p->lines[i];
    int tag = TRACE_MEMO_TLINE + (int)t->lang;
    if (trace_memo(t->r, l, tag, t->out))
        return;
    size_t start = t->out->len;
    sb_puts(t->out, t->p->verdicts.names[l->verdict]);
    sb_put(t->out, "  ", 2);
    loc_text(&l->loc, t->out);
    if (t->p->verdict_amends)
        paren(t->out, L(L_AMENDED, t->lang));
    trace_keep(t->r, l, tag, t->out, start);
}

static void cond_text(struct tctx *t, int node)
{
    if (node < 0)
        sb_puts(t->out, L(L_OTHERWISE, t->lang));
    else
        trace_cond(t->r, t->p->nodes[node].x, t->lang, false, t->out);
}

static void verdict_text(struct tctx *t)
{
    const struct result *r = t->r;
    const struct plan *p = t->p;
    struct sbuf *out = t->out;
    sb_put(out, "  ", 2);
    label(out, L(L_VERDICT, t->lang));
    if (r->status == ST_UNDETERMINED) {
        sb_printf(out, "%s  (", L(L_UNDETERMINED, t->lang));
        line_head(t, r->line);
        sb_puts(out, ": ");
        cond_text(t, p->lines[r->line].cond);
        sb_printf(out, " %s)\n", L(L_IS_UNKNOWN, t->lang));
        section(out, L(L_MISSING, t->lang));
        const int *order = t->ex->missing;
        for (int k = 0; k < t->ex->nmissing; k++) {
            const struct fact_info *f = &p->facts[order[k]];
            sb_printf(out, "    %s", f->name);
            if (f->desc)
                quoted(out, f->desc, p->plain);
            sb_printf(out, " (");
            if (r->settles[order[k]] == 1)
                sb_puts(out, L(L_SETTLES1, t->lang));
            else
                sb_printf(out, L(L_SETTLES, t->lang), r->settles[order[k]]);
            sb_puts(out, ")\n");
        }
    } else if (r->line < 0) {
        sb_printf(out, "%s\n", L(L_NO_LINE, t->lang));
    } else {
        line_head(t, r->line);
        sb_puts(out, ": ");
        cond_text(t, p->lines[r->line].cond);
        sb_putc(out, '\n');
    }
}

/* A measure up to the first value of its because text: made once per
 * result and language. */
static void measure_head(struct tctx *t, const struct measure_info *m)
{
    struct sbuf *out = t->out;
    int tag = TRACE_MEMO_TMEASURE + (int)t->lang;
    if (trace_memo(t->r, m, tag, out))
        return;
    size_t start = out->len;
    sb_put(out, "\n    ", 5);
    sb_puts(out, m->id);
    if (m->title)
        quoted(out, m->title, t->p->plain);
    sb_puts(out, "  ");
    loc_text(&m->loc, out);
    amends_text(t, m->amends);
    if (m->nbecause) {
        sb_put(out, "\n      ", 7);
        label(out, L(L_BECAUSE, t->lang));
        rs_text(out, m->because[0].lit, t->p->plain);
    }
    trace_keep(t->r, m, tag, out, start);
}

static void measures_text(struct tctx *t)
{
    struct sbuf *out = t->out;
    sb_put(out, "  ", 2);
    sb_puts(out, L(L_MEASURES, t->lang));
    sb_putc(out, ':');
    for (int i = 0; i < t->ex->nmeasures; i++) {
        const struct measure_info *m = &t->p->measures[t->ex->measures[i]];
        measure_head(t, m);
        if (m->nbecause)
            trace_because_rest(t->r, m->because, m->nbecause, t->lang, out);
    }
    if (!t->ex->nmeasures) {
        sb_putc(out, ' ');
        sb_puts(out, L(L_NONE, t->lang));
    }
    sb_putc(out, '\n');
}

static void not_taken_text(struct tctx *t)
{
    const struct explanation *e = t->ex;
    for (int i = 0; i < e->nnot_taken; i++) {
        const struct ex_line *l = &e->not_taken[i];
        if (i == 0)
            section(t->out, L(L_NOT_TAKEN, t->lang));
        sb_puts(t->out, "    ");
        line_head(t, l->line);
        sb_puts(t->out, ": ");
        for (int k = 0; k < l->nparts; k++) {
            if (k)
                sb_puts(t->out, "; ");
            part_text(t, l->parts[k].node, l->parts[k].is, l->parts[k].facts,
                      l->parts[k].nfacts);
        }
        sb_putc(t->out, '\n');
    }
}

/* A rule of a finding with its citations, up to the first value of its
 * because text: made once per result and language. */
static void rule_head(struct tctx *t, const struct rule_info *ru,
                      const char *indent)
{
    struct sbuf *out = t->out;
    int tag = TRACE_MEMO_TRULE + (int)t->lang;
    if (trace_memo(t->r, ru, tag, out))
        return;
    size_t start = out->len;
    sb_puts(out, indent);
    sb_puts(out, L(L_RULE, t->lang));
    sb_putc(out, ' ');
    sb_puts(out, ru->id);
    if (ru->title)
        quoted(out, ru->title, t->p->plain);
    sb_puts(out, "  ");
    loc_text(&ru->loc, out);
    amends_text(t, ru->amends);
    sb_putc(out, '\n');
    for (int k = 0; k < ru->ncites; k++) {
        sb_puts(out, indent);
        sb_put(out, "  ", 2);
        label(out, L(L_CITES, t->lang));
        rs_text(out, ru->cites[k], t->p->plain);
        sb_putc(out, '\n');
    }
    if (ru->nbecause) {
        sb_puts(out, indent);
        sb_put(out, "  ", 2);
        label(out, L(L_BECAUSE, t->lang));
        rs_text(out, ru->because[0].lit, t->p->plain);
    }
    trace_keep(t->r, ru, tag, out, start);
}

static void rule_text(struct tctx *t, int ri)
{
    static const char indent[] = "      ";
    const struct rule_info *ru = &t->p->rules[ri];
    struct sbuf *out = t->out;
    rule_head(t, ru, indent);
    if (ru->nbecause) {
        trace_because_rest(t->r, ru->because, ru->nbecause, t->lang, out);
        sb_putc(out, '\n');
    }
    if (ru->nfacts) {
        sb_puts(out, indent);
        sb_put(out, "  ", 2);
        label(out, L(L_FACTS, t->lang));
        for (int k = 0; k < ru->nfacts; k++) {
            if (k)
                sb_puts(out, "; ");
            fact_text(t, ru->facts[k]);
        }
        sb_putc(out, '\n');
    }
}

/* "    name "description"\n": made once per result. */
static void concl_head(struct tctx *t, const struct concl_info *k)
{
    if (trace_memo(t->r, k, TRACE_MEMO_TCONCL, t->out))
        return;
    size_t start = t->out->len;
    sb_put(t->out, "    ", 4);
    sb_puts(t->out, k->name);
    if (k->desc)
        quoted(t->out, k->desc, t->p->plain);
    sb_putc(t->out, '\n');
    trace_keep(t->r, k, TRACE_MEMO_TCONCL, t->out, start);
}

static void findings_text(struct tctx *t)
{
    const struct plan *p = t->p;
    for (int i = 0; i < t->ex->nfindings; i++) {
        const struct ex_finding *f = &t->ex->findings[i];
        if (i == 0)
            section(t->out, L(L_FINDINGS, t->lang));
        concl_head(t, &p->concls[f->concl]);
        for (int k = 0; k < f->nrules; k++)
            rule_text(t, f->rules[k]);
    }
}

static void overridden_text(struct tctx *t)
{
    const struct result *r = t->r;
    const struct plan *p = t->p;
    for (int i = 0; i < t->ex->noverridden; i++) {
        const struct ex_override *ov = &t->ex->overridden[i];
        if (i == 0)
            section(t->out, L(L_OVERRIDDEN, t->lang));
        const struct rule_info *ru = &p->rules[ov->rule];
        sb_put(t->out, "    ", 4);
        sb_puts(t->out, L(L_RULE, t->lang));
        sb_putc(t->out, ' ');
        sb_puts(t->out, ru->id);
        if (ru->title)
            quoted(t->out, ru->title, t->p->plain);
        sb_puts(t->out, "  ");
        ploc_text(t->r, &ru->loc, t->out);
        sb_putc(t->out, '\n');
        for (int k = 0; k < ov->nby; k++) {
            int o = ov->by[k];
            sb_put(t->out, "      ", 6);
            sb_puts(t->out,
                    L(r->cond[o] == TV_TRUE ? L_BY : L_UNKNOWN_BY, t->lang));
            sb_putc(t->out, ' ');
            sb_puts(t->out, L(L_RULE, t->lang));
            sb_putc(t->out, ' ');
            sb_puts(t->out, p->rules[o].id);
            sb_put(t->out, "  ", 2);
            ploc_text(r, &p->rules[o].loc, t->out);
            if (r->cond[o] == TV_UNKNOWN)
                paren(t->out, L(L_UNKNOWN_WHY, t->lang));
            sb_putc(t->out, '\n');
        }
    }
}

/* "rule set: 辦法 版本 sha256 1a2b3c4d5e6f": the exact rules behind the
 * result. */
static void stamp_text(const struct plan *p, enum lang lang, struct sbuf *out)
{
    sb_put(out, "  ", 2);
    label(out, L(L_RULESET, lang));
    sb_puts(out, p->policy ? p->policy : p->src->name);
    if (p->version) {
        sb_putc(out, ' ');
        sb_puts(out, p->version);
    }
    if (p->sha256[0]) {
        sb_put(out, "  sha256 ", 9);
        sb_put(out, p->sha256, strnlen(p->sha256, 12));
    }
    sb_putc(out, '\n');
}

static void why_parts_text(struct tctx *t, const struct ex_wpart *ps, int n,
                           int depth);

/* The rules behind a conclusion, each with why it did not take effect. */
static void why_rules_text(struct tctx *t, const struct ex_wrule *rs, int n,
                           int depth)
{
    const struct plan *p = t->p;
    for (int i = 0; i < n; i++) {
        const struct rule_info *ru = &p->rules[rs[i].rule];
        sb_printf(t->out, "%*s%s %s", 8 + depth * 4, "", L(L_RULE, t->lang),
                  ru->id);
        if (ru->title)
            quoted(t->out, ru->title, t->p->plain);
        sb_puts(t->out, "  ");
        ploc_text(t->r, &ru->loc, t->out);
        sb_putc(t->out, '\n');
        if (rs[i].cond != TV_TRUE) {
            why_parts_text(t, rs[i].parts, rs[i].nparts, depth + 1);
            continue;
        }
        for (int o = 0; o < rs[i].nby; o++) {
            int w = rs[i].by[o];
            sb_printf(
                t->out, "%*s%s %s %s  ", 10 + depth * 4, "",
                L(t->r->cond[w] == TV_TRUE ? L_BY : L_UNKNOWN_BY, t->lang),
                L(L_RULE, t->lang), p->rules[w].id);
            ploc_text(t->r, &p->rules[w].loc, t->out);
            sb_putc(t->out, '\n');
        }
    }
}

static void why_parts_text(struct tctx *t, const struct ex_wpart *ps, int n,
                           int depth)
{
    for (int k = 0; k < n; k++) {
        const struct ex_part *pt = &ps[k].part;
        sb_printf(t->out, "%*s", 6 + depth * 4, "");
        part_text(t, pt->node, pt->is, pt->facts, pt->nfacts);
        sb_putc(t->out, '\n');
        why_rules_text(t, ps[k].rules, ps[k].nrules, depth);
    }
}

/* --why-not V: for every line of V, why it did not decide the case. */
static void why_not_text(struct tctx *t)
{
    const struct plan *p = t->p;
    sb_printf(t->out, "  %s %s:\n", L(L_WHY_NOT, t->lang),
              p->verdicts.names[t->r->why_not]);
    for (int k = 0; k < t->ex->nwhy_not; k++) {
        const struct ex_wline *l = &t->ex->why_not[k];
        sb_puts(t->out, "    ");
        line_head(t, l->line);
        sb_puts(t->out, ": ");
        cond_text(t, p->lines[l->line].cond);
        if (l->decided) {
            sb_printf(t->out, " (%s)\n", L(L_IS_VERDICT, t->lang));
            continue;
        }
        sb_printf(t->out, " %s\n",
                  L(l->is == TV_FALSE  ? L_IS_FALSE
                    : l->is == TV_TRUE ? L_IS_TRUE
                                       : L_IS_UNKNOWN,
                    t->lang));
        if (!l->reached)
            sb_printf(
                t->out, "      %s\n",
                L(t->r->status == ST_DECIDED ? L_NOT_REACHED : L_NOT_REACHED_U,
                  t->lang));
        why_parts_text(t, l->parts, l->nparts, 0);
    }
}

void trace_text(const struct result *r, enum lang lang, struct sbuf *out)
{
    struct tctx t = {r, r->p, lang, out, NULL, NULL, 0, 0, 0};
    const struct case_facts *cf = r->cf;
    sb_puts(out, L(L_CASE, lang));
    sb_putc(out, ' ');
    sb_text(out, cf->id ? cf->id : "?");
    if (cf->title)
        quoted(out, cf->title, false);
    if (cf->loc.src) {
        sb_puts(out, "  ");
        loc_text(&cf->loc, out);
    }
    sb_putc(out, '\n');
    stamp_text(r->p, lang, out);
    for (const struct diag *d = cf->errors ? cf->errors->head : NULL;
         d && r->status != ST_ERROR; d = d->next)
        if (d->severity == DIAG_WARNING) /* a case ID used twice */
            diag_format_in(d, "  ", lang, out);
    if (r->status == ST_ERROR) {
        sb_printf(out, "  %s: %s\n", L(L_VERDICT, lang), L(L_ERROR, lang));
        const struct diag_list *dl =
            cf->errors && cf->errors->errors ? cf->errors : &r->errors;
        for (const struct diag *d = dl->head; d; d = d->next)
            diag_format_in(d, "  ", lang, out);
        sb_putc(out, '\n');
        return;
    }
    t.ex = explain_result(r);
    verdict_text(&t);
    measures_text(&t);
    not_taken_text(&t);
    findings_text(&t);
    overridden_text(&t);
    if (r->why_not >= 0)
        why_not_text(&t);
    sb_putc(out, '\n');
}

/* The names of a brief line's list begun at first: a tab for the comma
 * of the first, or a tab and a dash when there is none. */
static void brief_list_end(struct sbuf *out, size_t first)
{
    if (out->len == first)
        sb_put(out, "\t-", 2);
    else
        out->p[first] = '\t';
}

/* The names from base of t of the n for which is holds 1 (TV_TRUE or a
 * bool true), as a list of a brief line. */
static void brief_names(const struct trace_names *t, int base,
                        const uint8_t *is, int n, struct sbuf *out)
{
    size_t first = out->len;
    trace_names_put(t, base, is, n, out);
    brief_list_end(out, first);
}

void trace_text_brief(const struct result *r, enum lang lang, struct sbuf *out)
{
    const struct plan *p = r->p;
    const struct case_facts *cf = r->cf;
    sb_text(out, cf->id ? cf->id : "?");
    sb_putc(out, '\t');
    if (r->status == ST_ERROR) {
        const struct diag_list *dl =
            cf->errors && cf->errors->errors ? cf->errors : &r->errors;
        const struct diag *d = dl->head;
        sb_printf(out, "%s\t", L(L_ERROR, lang));
        if (d && d->loc.src) {
            sb_text(out, d->loc.src->name);
            sb_printf(out, ":%d:%d: ", d->loc.first_line, d->loc.first_column);
        }
        sb_text(out, d ? diag_msg_in(d, lang) : "");
        sb_printf(out, "\t%.12s\n", p->sha256);
        return;
    }
    const struct trace_names *t = trace_names(r, false, out);
    if (r->status == ST_UNDETERMINED)
        sb_puts(out, L(L_UNDETERMINED, lang));
    else if (r->verdict < 0)
        sb_puts(out, L(L_NONE, lang));
    else { /* the name without its comma */
        size_t at = t->off[r->verdict] + 1;
        sb_put(out, t->text + at, t->off[r->verdict + 1] - at);
    }
    brief_names(t, t->measures, r->measures, p->nmeasures, out);
    /* the rules fired, overridden or not */
    brief_names(t, t->rules, r->cond, p->nrules, out);
    brief_names(t, t->facts, (const uint8_t *)r->missing, p->nfacts, out);
    sb_putc(out, '\t');
    sb_put(out, p->sha256, strnlen(p->sha256, 12));
    sb_putc(out, '\n');
}
