#include "engine/rongcuo.h"
#include "engine/api_int.h"

#include <string.h>

#include "engine/arena.h"
#include "engine/handle.h"
#include "engine/names.h"
#include "engine/plan.h"
#include "engine/plan_show.h"
#include "engine/sbuf.h"
#include "engine/show.h"

/* The library interface, part three: the parts of a rule set by ID. */

int rc_ruleset_ids(const struct rc_ruleset *rs, enum rc_part part,
                   const char **ids, int max)
{
    if (!handle_live(rs, H_RULESET) ||
        (part != RC_RULE && part != RC_MEASURE && part != RC_VERDICT_TABLE) ||
        max < 0 || (max > 0 && !ids))
        return -1;
    const struct plan *p = rs->plan;
    int n = part == RC_RULE ? p->nrules : part == RC_MEASURE ? p->nmeasures : 0;
    for (int i = 0; i < n && i < max; i++)
        ids[i] = part == RC_RULE ? p->rules[i].id : p->measures[i].id;
    return n;
}

struct part_args {
    const struct wdecl *d;
    struct sbuf *out;
};

static void part_work(void *ud)
{
    struct part_args *a = ud;
    show_part(a->d, a->out);
}

const char *rc_ruleset_part_text(struct rc_ruleset *rs, enum rc_part part,
                                 const char *id)
{
    if (!handle_live(rs, H_RULESET) ||
        (part != RC_RULE && part != RC_MEASURE && part != RC_VERDICT_TABLE) ||
        (part != RC_VERDICT_TABLE && !id))
        return NULL;
    enum wdecl_kind kind = part == RC_RULE      ? WD_RULE
                           : part == RC_MEASURE ? WD_MEASURE
                                                : WD_VERDICT;
    const struct show_info *s = rs->plan->show;
    for (int i = 0; i < s->ndecls; i++) {
        const struct wdecl *d = &s->decls[i];
        if (d->kind == kind && (kind == WD_VERDICT || names_eq(d->name, id))) {
            rs->shown.len = 0;
            struct part_args a = {d, &rs->shown};
            if (arena_protect(part_work, &a) != 0)
                return NULL;
            return rs->shown.p;
        }
    }
    return NULL;
}

const char *rc_ruleset_rule_origin(const struct rc_ruleset *rs, const char *id,
                                   int *line)
{
    int dummy;
    if (!line)
        line = &dummy;
    *line = 0;
    if (!handle_live(rs, H_RULESET) || !id)
        return NULL;
    const struct plan *p = rs->plan;
    int i = names_get(&p->rule_ids, id);
    if (i >= 0) {
        *line = p->rules[i].loc.first_line;
        return p->rules[i].loc.src->name;
    }
    i = names_get(&p->measure_ids, id);
    if (i >= 0) {
        *line = p->measures[i].loc.first_line;
        return p->measures[i].loc.src->name;
    }
    if (!id[0]) {
        *line = p->verdict_loc.first_line;
        return p->verdict_loc.src ? p->verdict_loc.src->name : NULL;
    }
    return NULL;
}

int rc_name_same(const char *a, const char *b)
{
    return a && b && names_eq(a, b);
}
