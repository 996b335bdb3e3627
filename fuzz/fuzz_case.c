/* libFuzzer target: the .case reader, evaluation and both traces. */
#include <stddef.h>
#include <stdint.h>

#include "engine/cases.h"
#include "fuzz/fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct plan *p = fuzz_setup();
    struct arena a;
    arena_init(&a);
    struct diag_list dl;
    diag_init(&dl, &a);
    struct source *src =
        src_from_text(&a, "fuzz.case", (const char *)data, size, 1);
    struct ast_file *file = NULL;
    parse_source(&a, &dl, src, &file);
    struct result *r = eval_new(p);
    for (const struct ast_case *c = file->cases; c; c = c->next) {
        struct diag_list *errors = arena_alloc(&a, sizeof *errors);
        diag_init(errors, &a);
        struct case_facts *cf = cases_new(&a, p, errors);
        cf->id = c->id.text;
        cf->title = c->title;
        cf->loc = c->loc;
        for (const struct ast_assign *s = c->facts; s; s = s->next)
            cases_set(&a, p, cf, &s->name, s->value);
        r->explain = true;
        r->why_not = 2;
        fuzz_run(p, r, cf);
    }
    eval_free(r);
    arena_free(&a);
    return 0;
}
