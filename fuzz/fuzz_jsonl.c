/* libFuzzer target: the JSON Lines reader (the one-pass reader against
 * yajl's), evaluation and both traces. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "engine/jsonl.h"
#include "fuzz/fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct plan *p = fuzz_setup();
    struct result *r = eval_new(p);
    const char *text = (const char *)data;
    size_t start = 0;
    int line = 1;
    /* one case a line, as the command reads them */
    for (size_t i = 0; i <= size; i++) {
        if (i < size && text[i] != '\n')
            continue;
        struct arena a;
        arena_init(&a);
        struct diag_list errors;
        diag_init(&errors, &a);
        struct source *src =
            src_from_text(&a, "fuzz.jsonl", text + start, i - start, line);
        struct case_facts *cf = jsonl_case(&a, p, src, &errors, NULL);
        /* the one-pass reader takes only what yajl reads without fault */
        struct diag_list full;
        diag_init(&full, &a);
        jsonl_case_full(&a, p, src, &full, NULL);
        if (full.errors != errors.errors)
            abort();
        fuzz_run(p, r, cf);
        arena_free(&a);
        start = i + 1;
        line++;
    }
    eval_free(r);
    return 0;
}
