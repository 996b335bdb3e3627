/*
 * rongcuo-prove analyse [--lang L] RULES: the deeper warnings of `rongcuo
 * check` (prove/analysis.h), which runs this and prints what it writes.
 * Writes the number of warnings on a line of its own, then the warnings
 * as check prints diagnostics (and a note line when the solver left a
 * question undecided).
 *
 * rongcuo-prove bottom [--lang L] RULES: the bottom lines that `rongcuo
 * test` proves (cli/test_prove.c): a line "PROVEN VIOLATED UNDECIDED",
 * then each bottom line as `rongcuo prove` prints it (prove/report.h).
 *
 * RULES has been checked by the caller: it is loaded again quietly; exit
 * status 2 when it does not load.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "engine/api_int.h"
#include "engine/sbuf.h"
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

int cli_bottom(int argc, char **argv)
{
    const char *rules;
    enum lang lang;
    struct rc_ruleset *rs = load(argc, argv, &rules, &lang);
    if (!rs)
        return EXIT_USAGE;
    struct sbuf b = {0};
    struct prove_counts n = {0, 0, 0};
    prove_report(rs, rules, lang, false, &b, &n);
    printf("%d %d %d\n", n.proven, n.violated, n.undecided);
    if (b.len)
        fwrite(b.p, 1, b.len, stdout);
    sb_free(&b);
    rc_ruleset_free(rs);
    prove_report_finalize();
    return cli_close_output(stdout, NULL, true) ? EXIT_OK : EXIT_CASE_ERROR;
}
