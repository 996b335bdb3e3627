#ifndef TESTS_UNIT_RULES_TEXT_H
#define TESTS_UNIT_RULES_TEXT_H

/* A small rule set for the tests that go through rongcuo.h, and a
 * scratch file to hold case text. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/rongcuo.h"

static const char rules_text[] =
    "policy \"省\" version \"1\"\n"
    "fact 甲: bool\n"
    "fact 額: number = 0\n"
    "fact 域: one of {甲類, 乙類} = 甲類\n"
    "conclusion 成立\n"
    "conclusion 排除\n"
    "rule R1 \"甲而額小\" when 甲 and 額 < 10 then 成立\n"
    "rule X1 when 域 == 乙類 then 排除\n"
    "verdict { 不容錯 when 排除\n"
    "  容錯 when 成立\n"
    "  otherwise 另議 }\n"
    "measure 提醒 when verdict == 容錯 and 額 > 5\n";

static inline struct rc_ruleset *rules_load(const char *text)
{
    struct rc_diags *d;
    struct rc_ruleset *rs =
        rc_ruleset_load_buffer("mem.rules", text, strlen(text), &d);
    if (!rs) {
        fprintf(stderr, "%s", rc_diags_text(d));
        abort();
    }
    rc_diags_free(d);
    return rs;
}

/* text in a new file named like "x" suffix ("x.case") in a new folder;
 * the path is malloc'd. */
static inline char *scratch_file(const char *suffix, const char *text)
{
    char dir[] = "/tmp/rctest-XXXXXX";
    if (!mkdtemp(dir))
        abort();
    char *path = malloc(sizeof dir + 2 + strlen(suffix));
    sprintf(path, "%s/x%s", dir, suffix);
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0)
        abort();
    return path;
}

static inline void scratch_drop(char *path)
{
    unlink(path);
    *strrchr(path, '/') = '\0';
    rmdir(path);
    free(path);
}

#endif
