#ifndef FUZZ_FUZZ_COMMON_H
#define FUZZ_FUZZ_COMMON_H

/* A fixed rule set for the case readers (fuzz_ruletext.h), compiled once. */

#include <stdlib.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/eval.h"
#include "engine/plan.h"
#include "engine/sbuf.h"
#include "engine/trace.h"
#include "fuzz/fuzz_ruletext.h"
#include "parser/parse.h"

static struct arena fuzz_arena;
static struct plan *fuzz_plan;

static const struct plan *fuzz_setup(void)
{
    if (fuzz_plan)
        return fuzz_plan;
    arena_init(&fuzz_arena);
    struct diag_list dl;
    diag_init(&dl, &fuzz_arena);
    struct source *src = src_from_text(&fuzz_arena, "fuzz.rules", fuzz_rules,
                                       strlen(fuzz_rules), 1);
    struct ast_file *file = NULL;
    if (parse_source(&fuzz_arena, &dl, src, &file) != 0 ||
        !(fuzz_plan = check_file(&fuzz_arena, &dl, file))) {
        diag_print_all(&dl, stderr);
        abort();
    }
    return fuzz_plan;
}

/* Evaluate and render both traces, as the command would. */
static void fuzz_run(const struct plan *p, struct result *r,
                     const struct case_facts *cf)
{
    struct sbuf out = {0};
    eval_case(r, cf);
    trace_text(r, LANG_ZH_HANT, &out);
    trace_json(r, LANG_EN, &out);
    sb_free(&out);
    (void)p;
}

#endif
