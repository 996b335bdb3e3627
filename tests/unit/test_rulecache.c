/*
 * Rule files read, parsed and hashed once for many loads (rc_rulecache,
 * engine/layer.h): variants that extend one base read it once, and each
 * rule set is what it would be without the cache.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include "engine/api_int.h"
#include "rules_text.h"

static const char *const shipped[] = {
    "rules/hubei.rules", "rules/xiangyang.rules", "rules/yichang.rules",
    "rules/huangshi.rules"};

/* rs's hash and its effective rule set, as text. */
static char *summary(struct rc_ruleset *rs)
{
    const char *show = rc_ruleset_show(rs, RC_LANG_EN);
    assert_non_null(show);
    const char *sha = rc_ruleset_sha256(rs);
    char *s = malloc(strlen(sha) + strlen(show) + 2);
    sprintf(s, "%s\n%s", sha, show);
    return s;
}

static char *load_summary(struct rc_rulecache *c, const char *path)
{
    struct rc_diags *d;
    struct rc_ruleset *rs =
        c ? rc_ruleset_load_cached(c, path, &d) : rc_ruleset_load(path, &d);
    if (!rs)
        fail_msg("%s", rc_diags_text(d));
    rc_diags_free(d);
    char *s = summary(rs);
    rc_ruleset_free(rs);
    return s;
}

/* Four rule sets, three of which extend hubei.rules: four files read, and
 * every rule set (the hash, the merged declarations) the same as loaded
 * alone, whatever the order; loading them all again reads nothing. */
static void test_rulecache_base_read_once(void **state)
{
    (void)state;
    struct rc_rulecache *c = rc_rulecache_new();
    assert_non_null(c);
    for (int round = 0; round < 2; round++)
        for (int i = 3; i >= 0; i--) {
            char *alone = load_summary(NULL, shipped[i]);
            char *kept = load_summary(c, shipped[i]);
            assert_string_equal(kept, alone);
            free(alone);
            free(kept);
        }
    assert_int_equal(api_rulecache_reads(c), 4);
    rc_rulecache_free(c);
}

/* Rule sets loaded through a cache outlive it. */
static void test_rulecache_freed_first(void **state)
{
    (void)state;
    struct rc_rulecache *c = rc_rulecache_new();
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load_cached(c, shipped[1], &d);
    assert_non_null(rs);
    rc_diags_free(d);
    char *before = summary(rs);
    rc_rulecache_free(c);
    char *after = summary(rs);
    assert_string_equal(after, before);
    free(before);
    free(after);
    rc_ruleset_free(rs);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A base changed on disk is read again; a file whose parse failed is not
 * kept, so that its errors are said each time. */
static void test_rulecache_changed_and_bad(void **state)
{
    (void)state;
    char dir[] = "/tmp/rccache-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char base[64], var[64], bad[64];
    snprintf(base, sizeof base, "%s/base.rules", dir);
    snprintf(var, sizeof var, "%s/var.rules", dir);
    snprintf(bad, sizeof bad, "%s/bad.rules", dir);
    write_file(base, "fact a: bool\nconclusion c\nrule R when a then c\n"
                     "verdict { x when c otherwise y }\n");
    write_file(var, "extends \"base.rules\"\nrule S when not a then c\n");
    write_file(bad, "fact a: bool\nrule R when then\n");
    struct rc_rulecache *c = rc_rulecache_new();
    char *one = load_summary(c, var);
    assert_int_equal(api_rulecache_reads(c), 2);
    write_file(base, "fact a: bool\nconclusion c\nrule R when a then c\n"
                     "verdict { x when c otherwise zz }\n");
    char *two = load_summary(c, var), *alone = load_summary(NULL, var);
    assert_int_equal(api_rulecache_reads(c), 3);
    assert_string_not_equal(two, one);
    assert_string_equal(two, alone);
    for (int k = 0; k < 2; k++) {
        struct rc_diags *d, *e;
        assert_null(rc_ruleset_load_cached(c, bad, &d));
        assert_null(rc_ruleset_load(bad, &e));
        assert_string_equal(rc_diags_text(d), rc_diags_text(e));
        rc_diags_free(d);
        rc_diags_free(e);
    }
    assert_int_equal(api_rulecache_reads(c), 5);
    rc_rulecache_free(c);
    free(one);
    free(two);
    free(alone);
    unlink(base);
    unlink(var);
    unlink(bad);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rulecache_base_read_once),
        cmocka_unit_test(test_rulecache_freed_first),
        cmocka_unit_test(test_rulecache_changed_and_bad),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
