/* libFuzzer target: the .case reader (a case block at a time, as the
 * command reads), evaluation and both traces. */
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
    struct parse_stream *ps = parse_stream_open(src);
    struct result *r = eval_new(p);
    struct arena per; /* reset between cases, as the command does */
    arena_init(&per);
    const struct ast_case *c;
    while (diag_init(&dl, &per), (c = parse_stream_next(ps, &per, &dl))) {
        struct diag_list *errors = arena_alloc(&per, sizeof *errors);
        diag_init(errors, &per);
        struct case_facts *cf = cases_new(&per, p, errors);
        cf->id = c->id.text;
        cf->title = c->title;
        cf->loc = c->loc;
        for (const struct ast_assign *s = c->facts; s; s = s->next)
            cases_set(&per, p, cf, &s->name, s->value);
        r->explain = true;
        r->why_not = 2;
        fuzz_run(p, r, cf);
        arena_reset(&per);
    }
    parse_stream_free(ps);
    arena_free(&per);
    eval_free(r);
    arena_free(&a);
    return 0;
}
