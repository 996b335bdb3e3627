/* The effective rule set written back (rc_ruleset_show, engine/show.c):
 * every declaration with its origin, amended and repealed ones across
 * extends, keywords in each language, and text that reads back as the
 * same rule set. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rules_text.h"

static const char shown_en[] =
    "# the effective rule set of mem.rules\n"
    "# files: mem.rules\n"
    "policy \"省\" version \"1\"\n"
    "\n"
    "fact 甲: bool  # mem.rules:2\n"
    "fact 額: number = 0  # mem.rules:3\n"
    "fact 域: one of {甲類, 乙類} = 甲類  # mem.rules:4\n"
    "conclusion 成立  # mem.rules:5\n"
    "conclusion 排除  # mem.rules:6\n"
    "\n"
    "rule R1 \"甲而額小\"  # mem.rules:7\n"
    "  when 甲 and 額 < 10\n"
    "  then 成立\n"
    "\n"
    "rule X1  # mem.rules:8\n"
    "  when 域 == 乙類\n"
    "  then 排除\n"
    "\n"
    "verdict {  # mem.rules:9\n"
    "  不容錯 when 排除\n"
    "  容錯 when 成立\n"
    "  otherwise 另議\n"
    "}\n"
    "\n"
    "measure 提醒  # mem.rules:12\n"
    "  when verdict == 容錯 and 額 > 5\n";

static void test_show_every_declaration(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    assert_string_equal(rc_ruleset_show(rs, RC_LANG_EN), shown_en);
    /* the rule file's own language by default */
    assert_string_equal(rc_ruleset_show(rs, RC_LANG_AUTO), shown_en);
    rc_ruleset_free(rs);
}

static void test_show_languages(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    const char *hans = rc_ruleset_show(rs, RC_LANG_ZH_HANS);
    assert_non_null(strstr(hans, "事实 甲: 是非  # mem.rules:2\n"));
    assert_non_null(strstr(hans, "认定 成立"));
    assert_null(strstr(hans, "fact "));
    const char *hant = rc_ruleset_show(rs, RC_LANG_ZH_HANT);
    assert_non_null(strstr(hant, "事實 甲"));
    assert_null(strstr(hant, "fact "));
    rc_ruleset_free(rs);
}

/* The declarations, without the comments that say where they stand. */
static char *declarations(const char *shown)
{
    char *out = calloc(1, strlen(shown) + 1);
    for (const char *l = shown; *l;) {
        const char *end = strchr(l, '\n');
        size_t n = end ? (size_t)(end - l) : strlen(l);
        const char *c = memchr(l, '#', n);
        size_t keep = c ? (size_t)(c - l) : n;
        while (keep && l[keep - 1] == ' ')
            keep--;
        if (keep) {
            strncat(out, l, keep);
            strcat(out, "\n");
        }
        l += end ? n + 1 : n;
    }
    return out;
}

/* What show writes reads back as the same rule set. */
static void test_show_reads_back(void **state)
{
    (void)state;
    struct rc_ruleset *rs = rules_load(rules_text);
    char *once = strdup(rc_ruleset_show(rs, RC_LANG_EN));
    struct rc_ruleset *again = rules_load(once);
    int a[4], b[4];
    rc_ruleset_counts(rs, &a[0], &a[1], &a[2], &a[3]);
    rc_ruleset_counts(again, &b[0], &b[1], &b[2], &b[3]);
    assert_memory_equal(a, b, sizeof a);
    char *d1 = declarations(once);
    char *d2 = declarations(rc_ruleset_show(again, RC_LANG_EN));
    assert_string_equal(d1, d2);
    free(d1);
    free(d2);
    free(once);
    rc_ruleset_free(again);
    rc_ruleset_free(rs);
}

/* Across extends: an amended rule names the one it replaces, a repealed
 * one is listed at the end with where and why. */
static void test_show_amend_and_repeal(void **state)
{
    (void)state;
    char *base = scratch_file(".rules", rules_text);
    char city[128];
    snprintf(city, sizeof city, "%.*s/city.rules",
             (int)(strrchr(base, '/') - base), base);
    FILE *f = fopen(city, "w");
    assert_non_null(f);
    fputs("extends \"x.rules\"\n"
          "amend rule R1 \"改\" when 甲 then 成立\n"
          "repeal rule X1 because \"本市另行規定\"\n",
          f);
    fclose(f);
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load(city, &d);
    assert_non_null(rs);
    rc_diags_free(d);
    const char *s = rc_ruleset_show(rs, RC_LANG_EN);
    char want[512];
    snprintf(want, sizeof want, "rule R1 \"改\"  # %s:2, amends %s:7\n", city,
             base);
    assert_non_null(strstr(s, want));
    snprintf(want, sizeof want,
             "# repealed:\n#   rule X1  %s:8, repealed at %s:3, because "
             "\"本市另行規定\"\n",
             base, city);
    assert_non_null(strstr(s, want));
    assert_null(strstr(s, "rule X1  #"));
    rc_ruleset_free(rs);
    unlink(city);
    scratch_drop(base);
}

/* A rule, measure or verdict table alone, in canonical form (what `diff`
 * compares): English keywords, no origin, a title kept whole even where
 * it looks like the origin comment. */
static void test_show_parts(void **state)
{
    (void)state;
    struct rc_ruleset *rs =
        rules_load("fact 甲: bool\n"
                   "conclusion 成立\n"
                   "conclusion 排除\n"
                   "規則 T1 如果 甲 則 成立\n"
                   "rule X1 cites \"第五條\" when not 甲 then 排除 "
                   "overrides T* because \"依{甲}\"\n"
                   "verdict \"處理  # 結論\" { 不容錯 when 排除\n"
                   "  otherwise 另議 }\n"
                   "measure 提醒 when verdict == 另議 because \"提醒\"\n");
    assert_string_equal(rc_ruleset_part_text(rs, RC_RULE, "T1"),
                        "rule T1\n  when 甲\n  then 成立\n");
    assert_string_equal(rc_ruleset_part_text(rs, RC_RULE, "X1"),
                        "rule X1\n  cites \"第五條\"\n  when not 甲\n"
                        "  then 排除\n  overrides T*\n  because \"依{甲}\"\n");
    assert_string_equal(rc_ruleset_part_text(rs, RC_MEASURE, "提醒"),
                        "measure 提醒\n  when verdict == 另議\n"
                        "  because \"提醒\"\n");
    assert_string_equal(rc_ruleset_part_text(rs, RC_VERDICT_TABLE, NULL),
                        "verdict \"處理  # 結論\" {\n  不容錯 when 排除\n"
                        "  otherwise 另議\n}\n");
    assert_null(rc_ruleset_part_text(rs, RC_RULE, "T2"));
    assert_null(rc_ruleset_part_text(rs, RC_MEASURE, "T1"));
    rc_ruleset_free(rs);
}

static void test_show_bad_arguments(void **state)
{
    (void)state;
    assert_null(rc_ruleset_show(NULL, RC_LANG_EN));
    struct rc_ruleset *rs = rules_load(rules_text);
    assert_null(rc_ruleset_show(rs, (enum rc_lang)7));
    rc_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_show_every_declaration),
        cmocka_unit_test(test_show_languages),
        cmocka_unit_test(test_show_reads_back),
        cmocka_unit_test(test_show_amend_and_repeal),
        cmocka_unit_test(test_show_parts),
        cmocka_unit_test(test_show_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
