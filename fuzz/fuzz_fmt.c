/* libFuzzer target: rongcuo fmt (rc_format). Whatever parses is laid out
 * with the same tokens, and laying the layout out again changes nothing. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/rongcuo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rc_diags *d;
    size_t n = 0;
    char *out = rc_format("fuzz.rules", (const char *)data, size, &n, &d);
    /* a text that parses is laid out: never "could not be laid out" */
    struct rc_diag x;
    for (int i = 0; rc_diags_get(d, i, &x) == 0; i++)
        if (x.code && strcmp(x.code, "fmt_not_same") == 0)
            abort();
    rc_diags_free(d);
    if (out) {
        size_t m = 0;
        char *again = rc_format("fuzz.rules", out, n, &m, NULL);
        if (!again || m != n || memcmp(again, out, n) != 0)
            abort();
        free(again);
    }
    free(out);
    return 0;
}
