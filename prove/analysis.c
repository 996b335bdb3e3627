#include "prove/analysis.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/arena.h"
#include "engine/msg.h"
#include "engine/sbuf.h"
#include "prove/enc_int.h"
#include "prove/prove.h"

/* The questions of `rongcuo check` over every possible case, each asked of
 * one solver that knows the values a case can give (enc_plan.wf). */

struct asker {
    struct enc_plan *e;
    Z3_context z;
    Z3_solver s;
    struct diag_list *dl;
    struct analysis_counts *n;
    const char **reason;
    double deadline; /* seconds (CLOCK_MONOTONIC): no question after it */
};

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Whether some case makes q true: Z3_L_TRUE, Z3_L_FALSE, or Z3_L_UNDEF
 * (counted, its reason kept). */
static Z3_lbool ask(struct asker *a, Z3_ast q)
{
    if (now() >= a->deadline) {
        a->n->unknown++;
        *a->reason = "timeout";
        return Z3_L_UNDEF;
    }
    Z3_solver_push(a->z, a->s);
    Z3_solver_assert(a->z, a->s, q);
    Z3_lbool r = Z3_solver_check(a->z, a->s);
    if (r == Z3_L_UNDEF) {
        a->n->unknown++;
        *a->reason = arena_strdup(a->dl->arena,
                                  Z3_solver_get_reason_unknown(a->z, a->s));
    }
    Z3_solver_pop(a->z, a->s, 1);
    return r;
}

/* 1. A rule whose condition is true in no case. */
static void never_fires(struct asker *a)
{
    const struct plan *p = a->e->p;
    for (int i = 0; i < p->nrules; i++) {
        const struct rule_info *r = &p->rules[i];
        if (r->cond < 0 || ask(a, enc_node_tv(a->e, r->cond).t) != Z3_L_FALSE)
            continue;
        a->n->warnings++;
        struct diag *d =
            DIAG(a->dl, DIAG_WARNING, &r->loc, analysis_never_fires, r->id);
        HINT0(a->dl, d, analysis_never_fires_hint);
    }
}

/* 2. A verdict line true in no case, or in none that the lines before it
 * leave to it (tried: every line before it is false). */
static void never_decides(struct asker *a)
{
    const struct plan *p = a->e->p;
    Z3_ast tried = Z3_mk_true(a->z);
    for (int i = 0; i < p->nlines; i++) {
        const struct vline_info *l = &p->lines[i];
        struct enc_tv t = enc_node_tv(a->e, l->cond);
        const char *v = p->verdicts.names[l->verdict];
        struct diag *d = NULL;
        if (l->cond >= 0 && ask(a, t.t) == Z3_L_FALSE) {
            d = DIAG(a->dl, DIAG_WARNING, &l->loc, analysis_line_false, v);
            HINT0(a->dl, d, analysis_line_false_hint);
        } else if (i > 0 && ask(a, enc_and2(a->z, tried, t.t)) == Z3_L_FALSE) {
            d = DIAG(a->dl, DIAG_WARNING, &l->loc, analysis_line_shadowed, v);
            HINT0(a->dl, d, analysis_line_shadowed_hint);
        }
        a->n->warnings += d != NULL;
        tried = enc_and2(a->z, tried, t.f);
    }
}

/* 3. Two rules, each overriding the other, that can hold in one case:
 * then neither applies. Said at the later one. */
static bool overrides(const struct rule_info *r, int by)
{
    for (int k = 0; k < r->nover; k++)
        if (r->overriders[k] == by)
            return true;
    return false;
}

static void mutual(struct asker *a)
{
    const struct plan *p = a->e->p;
    for (int j = 0; j < p->nrules; j++)
        for (int i = 0; i < j; i++) {
            const struct rule_info *ri = &p->rules[i], *rj = &p->rules[j];
            if (!overrides(ri, j) || !overrides(rj, i) || ri->cond < 0 ||
                rj->cond < 0)
                continue;
            Z3_ast both = enc_and2(a->z, enc_node_tv(a->e, ri->cond).t,
                                   enc_node_tv(a->e, rj->cond).t);
            if (ask(a, both) != Z3_L_TRUE)
                continue;
            a->n->warnings++;
            struct diag *d = DIAG(a->dl, DIAG_WARNING, &rj->loc,
                                  analysis_mutual, rj->id, ri->id);
            HINT(a->dl, d, analysis_mutual_hint, ri->id, ri->loc.first_line);
        }
}

/* 3b. Three or more rules in a cycle, each overriding the next and the
 * last the first, that can all hold in one case: then none applies
 * (two are mutual's). Each cycle once, from its first rule; said at its
 * last rule in the file. The search stops after CYCLE_STEPS steps. */
enum { CYCLE_STEPS = 100000 };

struct cycles {
    struct asker *a;
    int *path, len;
    bool *on;   /* on the path */
    long steps; /* left */
};

static void cycle_found(struct cycles *c)
{
    const struct plan *p = c->a->e->p;
    Z3_ast all = Z3_mk_true(c->a->z);
    int last = c->path[0];
    struct sbuf ids = {0};
    for (int k = 0; k <= c->len; k++) {
        const struct rule_info *r = &p->rules[c->path[k % c->len]];
        sb_puts(&ids, k ? " → " : "");
        sb_puts(&ids, r->id);
        if (k < c->len && r->cond >= 0)
            all = enc_and2(c->a->z, all, enc_node_tv(c->a->e, r->cond).t);
        last = c->path[k % c->len] > last ? c->path[k % c->len] : last;
    }
    if (ask(c->a, all) == Z3_L_TRUE) {
        c->a->n->warnings++;
        struct diag *d = DIAG(c->a->dl, DIAG_WARNING, &p->rules[last].loc,
                              test_prove_cycle, ids.p);
        HINT0(c->a->dl, d, test_prove_cycle_hint);
    }
    sb_free(&ids);
}

/* The cycles from c->path[0] through rule i, which the path reaches now:
 * each next rule one that i overrides, after the first. */
static void cycle_walk(struct cycles *c, int i)
{
    const struct plan *p = c->a->e->p;
    c->path[c->len++] = i;
    c->on[i] = true;
    for (int j = c->path[0]; j < p->nrules && c->steps > 0; j++) {
        if (!overrides(&p->rules[j], i) || p->rules[j].cond < 0)
            continue;
        c->steps--;
        if (j == c->path[0] && c->len >= 3)
            cycle_found(c);
        else if (j != c->path[0] && !c->on[j])
            cycle_walk(c, j);
    }
    c->on[i] = false;
    c->len--;
}

static void cycles(struct asker *a)
{
    const struct plan *p = a->e->p;
    struct cycles c = {a, calloc((size_t)p->nrules + 1, sizeof *c.path), 0,
                       calloc((size_t)p->nrules + 1, sizeof *c.on),
                       CYCLE_STEPS};
    if (!c.path || !c.on)
        arena_oom();
    for (int i = 0; i < p->nrules && c.steps > 0; i++)
        if (p->rules[i].cond >= 0)
            cycle_walk(&c, i);
    if (c.steps <= 0) {
        a->n->unknown++;
        *a->reason = "too many override cycles";
    }
    free(c.path);
    free(c.on);
}

/* 4. A conclusion true in every case. */
static void always_holds(struct asker *a)
{
    const struct plan *p = a->e->p;
    for (int i = 0; i < p->nconcls; i++) {
        const struct concl_info *c = &p->concls[i];
        if (c->nrules == 0 ||
            ask(a, Z3_mk_not(a->z, a->e->concl[i].t)) != Z3_L_FALSE)
            continue;
        a->n->warnings++;
        struct diag *d =
            DIAG(a->dl, DIAG_WARNING, &c->loc, analysis_always, c->name);
        HINT0(a->dl, d, analysis_always_hint);
    }
}

/* 5. A table without otherwise that leaves some case decided with no
 * line: the warning, with the case of fewest facts as its owner. */
static void no_line(struct asker *a)
{
    const struct plan *p = a->e->p;
    for (int i = 0; i < p->nlines; i++)
        if (p->lines[i].cond < 0)
            return;
    if (p->nlines == 0)
        return;
    Z3_ast none = enc_and2(
        a->z, a->e->decided,
        Z3_mk_eq(a->z, a->e->verdict, Z3_mk_int(a->z, -1, a->e->cx->int_s)));
    if (ask(a, none) != Z3_L_TRUE)
        return;
    struct prove_case c;
    const char *id = p->lang == LANG_EN ? "example" : "示例";
    enum prove_answer r = prove_find(a->e, none, id, NULL, &c);
    a->n->warnings++;
    struct diag *d =
        DIAG0(a->dl, DIAG_WARNING, &p->verdict_loc, analysis_no_line);
    HINT0(a->dl, d, analysis_no_line_hint);
    if (r == PROVE_FOUND)
        d->owner = arena_strdup(a->dl->arena, c.text);
    else if (c.reason && ++a->n->unknown)
        *a->reason = arena_strdup(a->dl->arena, c.reason);
    prove_case_free(&c);
}

void analysis_run(const struct plan *p, struct diag_list *dl,
                  struct analysis_counts *n, const char **reason)
{
    *reason = NULL;
    struct enc_ctx *cx = enc_ctx_new();
    if (!cx)
        arena_oom();
    struct asker a = {enc_plan_new(cx, p),
                      enc_z3(cx),
                      NULL,
                      dl,
                      n,
                      reason,
                      now() + ANALYSIS_BUDGET_MS / 1e3};
    a.s = Z3_mk_solver(a.z);
    Z3_solver_inc_ref(a.z, a.s);
    Z3_params ps = Z3_mk_params(a.z);
    Z3_params_inc_ref(a.z, ps);
    Z3_params_set_uint(a.z, ps, Z3_mk_string_symbol(a.z, "timeout"),
                       ANALYSIS_TIMEOUT_MS);
    Z3_solver_set_params(a.z, a.s, ps);
    Z3_solver_assert(a.z, a.s, a.e->wf);
    never_fires(&a);
    never_decides(&a);
    mutual(&a);
    cycles(&a);
    always_holds(&a);
    no_line(&a);
    Z3_params_dec_ref(a.z, ps);
    Z3_solver_dec_ref(a.z, a.s);
    enc_ctx_free(cx);
}

/* text, each line indented by ind */
static void indented(struct sbuf *out, const char *text, const char *ind)
{
    for (const char *s = text; *s;) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) + 1 : strlen(s);
        sb_puts(out, ind);
        sb_put(out, s, len);
        s += len;
    }
}

void analysis_report(const struct plan *p, const char *path, enum lang lang,
                     struct sbuf *out, struct analysis_counts *n)
{
    if (!analysis_fits(p)) {
        SB_MSG(out, lang, analysis_too_large, path, MSG(sev_note, lang),
               ANALYSIS_MAX_DECLS, ANALYSIS_MAX_OVERRIDES);
        sb_putc(out, '\n');
        return;
    }
    struct arena ar;
    arena_init(&ar);
    struct diag_list dl;
    diag_init(&dl, &ar);
    const char *reason;
    analysis_run(p, &dl, n, &reason);
    diag_sort(&dl);
    for (const struct diag *d = dl.head; d; d = d->next) {
        diag_format_in(d, "", lang, out);
        if (d->owner) {
            sb_puts(out, "    ");
            sb_puts(out, MSG(analysis_example, lang));
            sb_putc(out, '\n');
            indented(out, d->owner, "    ");
        }
    }
    if (n->unknown || reason) {
        SB_MSG(out, lang, analysis_undecided, path, MSG(sev_note, lang),
               reason ? reason : "unknown");
        sb_putc(out, '\n');
    }
    arena_free(&ar);
}
