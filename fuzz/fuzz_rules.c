/* libFuzzer target: the rule-file front end (lex, parse, check). */
#include <stddef.h>
#include <stdint.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/plan.h"
#include "engine/sbuf.h"
#include "parser/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct arena a;
    arena_init(&a);
    struct diag_list dl;
    diag_init(&dl, &a);
    struct source *src =
        src_from_text(&a, "fuzz.rules", (const char *)data, size, 1);
    struct ast_file *file = NULL;
    if (parse_source(&a, &dl, src, &file) == 0)
        check_file(&a, &dl, file);
    /* every diagnostic must render, carets and all */
    struct sbuf out = {0};
    for (const struct diag *d = dl.head; d; d = d->next)
        diag_format(d, "", &out);
    sb_free(&out);
    arena_free(&a);
    return 0;
}
