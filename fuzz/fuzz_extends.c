/* libFuzzer target: variants (extends, amend, repeal). The input is split
 * at lines "#---" into a variant, a base written to base.rules and a
 * second base written to mid.rules, in a temporary folder; without a
 * second part the base is the fixed rule set of fuzz_ruletext.h. A variant
 * that does not say `extends` (沿用) gets `extends "base.rules"` first.
 * The rule set that loads is shown, tested, compared part by part, and
 * evaluated on an empty case. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/rongcuo.h"
#include "fuzz/fuzz_files.h"
#include "fuzz/fuzz_ruletext.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_sep[] = "\n#---\n";

/* Where the next part of text (len bytes) ends: at a separator or the
 * end. */
static size_t fuzz_part(const char *text, size_t len)
{
    size_t n = sizeof fuzz_sep - 1;
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(text + i, fuzz_sep, n) == 0)
            return i;
    return len;
}

static int fuzz_says_extends(const char *text, size_t len)
{
    static const char *const kw[] = {"extends", "沿用"};
    for (int k = 0; k < 2; k++) {
        size_t n = strlen(kw[k]);
        for (size_t i = 0; i + n <= len; i++)
            if (memcmp(text + i, kw[k], n) == 0)
                return 1;
    }
    return 0;
}

static void fuzz_use(struct rc_ruleset *rs)
{
    int passed = 0, failed = 0;
    const char *junit = NULL;
    if (!rc_ruleset_show(rs, RC_LANG_AUTO) ||
        !rc_ruleset_test(rs, RC_LANG_EN, &passed, &failed, &junit))
        abort();
    struct rc_cover cov[64];
    rc_ruleset_coverage(rs, cov, 64);
    for (int part = RC_RULE; part <= RC_MEASURE; part++) {
        const char *ids[64];
        int n = rc_ruleset_ids(rs, (enum rc_part)part, ids, 64);
        for (int i = 0; i < n && i < 64; i++) {
            int line = 0;
            if (!rc_ruleset_part_text(rs, (enum rc_part)part, ids[i]) ||
                !rc_ruleset_rule_origin(rs, ids[i], &line))
                abort();
        }
    }
    rc_ruleset_part_text(rs, RC_VERDICT_TABLE, "");
    struct rc_eval *ev = rc_eval_new(rs);
    struct rc_case *c = rc_case_new(rs, "fuzz", NULL);
    rc_evaluate(ev, c);
    size_t len;
    rc_eval_render(ev, RC_TEXT, RC_LANG_AUTO, &len);
    rc_eval_render(ev, RC_JSON, RC_LANG_EN, &len);
    rc_case_free(c);
    rc_eval_free(ev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    size_t n0 = fuzz_part(text, size), skip = sizeof fuzz_sep - 1;
    if (n0 < size) {
        const char *b = text + n0 + skip;
        size_t rest = size - n0 - skip, n1 = fuzz_part(b, rest);
        fuzz_write("base.rules", b, n1);
        if (n1 < rest)
            fuzz_write("mid.rules", b + n1 + skip, rest - n1 - skip);
        else
            fuzz_write("mid.rules", "", 0);
    } else {
        fuzz_write("base.rules", fuzz_rules, strlen(fuzz_rules));
        fuzz_write("mid.rules", "", 0);
    }
    static const char ext[] = "extends \"base.rules\"\n";
    int add = !fuzz_says_extends(text, n0);
    size_t len = (add ? sizeof ext - 1 : 0) + n0;
    char *variant = malloc(len + 1);
    if (!variant)
        abort();
    memcpy(variant, ext, add ? sizeof ext - 1 : 0);
    memcpy(variant + (add ? sizeof ext - 1 : 0), text, n0);
    char name[300];
    snprintf(name, sizeof name, "%s/variant.rules", fuzz_dir());
    struct rc_diags *dg = NULL;
    struct rc_ruleset *rs = rc_ruleset_load_buffer(name, variant, len, &dg);
    if (!rc_diags_text(dg))
        abort();
    for (int i = 0; i < rc_diags_count(dg); i++) {
        struct rc_diag d;
        if (rc_diags_get(dg, i, &d) != 0)
            abort();
    }
    rc_diags_free(dg);
    if (rs)
        fuzz_use(rs);
    rc_ruleset_free(rs);
    free(variant);
    return 0;
}
