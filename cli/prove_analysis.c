/*
 * rongcuo-prove analyse [--lang L] RULES: the deeper warnings of `rongcuo
 * check` (prove/analysis.h), which runs this and prints what it writes.
 * Writes the number of warnings on a line of its own, then the warnings
 * as check prints diagnostics (and a note line when the solver left a
 * question undecided).
 *
 * rongcuo-prove bottom [--junit] [--lang L] RULES: the bottom lines that
 * `rongcuo test` proves (cli/test_prove.c): a line "PROVEN VIOLATED
 * UNDECIDED", then each bottom line as `rongcuo prove` prints it
 * (prove/report.h). With --junit, the first line also gives the length
 * of that report in bytes, and a JUnit <testsuite> follows it.
 *
 * RULES has been checked by the caller: it is loaded again quietly; exit
 * status 2 when it does not load.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "engine/api_int.h"
#include "engine/sbuf.h"
#include "engine/testrun.h"
#include "prove/analysis.h"
#include "prove/prove.h"
#include "prove/report.h"

/* The rule set named by the arguments [--lang L] RULES (--lang sets the
 * language), loaded quietly, and the language of the report; NULL when
 * none is named or it does not load. */
static struct rc_ruleset *load(int argc, char **argv, const char **rules,
                               enum lang *lang)
{
    *rules = NULL;
    *lang = LANG_EN;
    for (int i = 1; i < argc; i++) {
        enum rc_lang l;
        if (strcmp(argv[i], "--lang") != 0 || i + 1 == argc) {
            *rules = argv[i];
            continue;
        }
        if (cli_parse_lang(argv[++i], &l) == 0)
            cli_lang_set(l);
    }
    if (!*rules)
        return NULL;
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load(*rules, &d);
    rc_diags_free(d);
    enum rc_lang given = cli_lang_given();
    if (rs)
        *lang =
            (enum lang)(given != RC_LANG_AUTO ? given : rc_ruleset_lang(rs));
    return rs;
}

int cli_analyse(int argc, char **argv)
{
    const char *rules;
    enum lang lang;
    struct rc_ruleset *rs = load(argc, argv, &rules, &lang);
    if (!rs)
        return EXIT_USAGE;
    struct sbuf b = {0};
    struct analysis_counts n = {0, 0};
    analysis_report(rs->plan, rules, lang, &b, &n);
    printf("%d\n", n.warnings);
    if (b.len)
        fwrite(b.p, 1, b.len, stdout);
    sb_free(&b);
    rc_ruleset_free(rs);
    prove_finalize();
    return cli_close_output(stdout, NULL, true) ? EXIT_OK : EXIT_CASE_ERROR;
}

/* The JUnit <testsuite> of the bottom lines of rules: cases (their
 * <testcase> elements) counted by n, in lang. */
static void bottom_suite(const char *rules, enum lang lang,
                         const struct prove_counts *n, const struct sbuf *cases)
{
    struct sbuf name = {0};
    SB_MSG(&name, lang, test_prove_junit_suite, rules);
    struct sbuf x = {0};
    sb_puts(&x, "  <testsuite name=\"");
    sb_xml(&x, name.p);
    sb_printf(&x, "\" tests=\"%d\" failures=\"%d\" skipped=\"%d\">\n",
              n->proven + n->violated + n->undecided, n->violated,
              n->undecided);
    fwrite(x.p, 1, x.len, stdout);
    if (cases->len)
        fwrite(cases->p, 1, cases->len, stdout);
    fputs("  </testsuite>\n", stdout);
    sb_free(&x);
    sb_free(&name);
}

int cli_bottom(int argc, char **argv)
{
    bool junit = argc > 1 && strcmp(argv[1], "--junit") == 0;
    const char *rules;
    enum lang lang;
    struct rc_ruleset *rs = load(argc - junit, argv + junit, &rules, &lang);
    if (!rs)
        return EXIT_USAGE;
    struct sbuf b = {0}, j = {0};
    struct prove_counts n = {0, 0, 0};
    prove_report_junit(rs, rules, lang, false, &b, junit ? &j : NULL, &n);
    printf("%d %d %d", n.proven, n.violated, n.undecided);
    if (junit)
        printf(" %zu", b.len);
    putchar('\n');
    if (b.len)
        fwrite(b.p, 1, b.len, stdout);
    if (junit)
        bottom_suite(rules, lang, &n, &j);
    sb_free(&b);
    sb_free(&j);
    rc_ruleset_free(rs);
    prove_report_finalize();
    return cli_close_output(stdout, NULL, true) ? EXIT_OK : EXIT_CASE_ERROR;
}
