/*
 * rongcuo-prove analyse [--lang L] RULES: the deeper warnings of `rongcuo
 * check` (prove/analysis.h), which runs this and prints what it writes.
 * Writes the number of warnings on a line of its own, then the warnings
 * as check prints diagnostics (and a note line when the solver left a
 * question undecided). RULES has been checked by the caller: it is
 * loaded again quietly; exit status 2 when it does not load.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "engine/api_int.h"
#include "engine/sbuf.h"
#include "prove/analysis.h"
#include "prove/prove.h"

int cli_analyse(int argc, char **argv)
{
    const char *rules = NULL;
    for (int i = 1; i < argc; i++) {
        enum rc_lang l;
        if (strcmp(argv[i], "--lang") != 0 || i + 1 == argc) {
            rules = argv[i];
            continue;
        }
        if (cli_parse_lang(argv[++i], &l) == 0)
            cli_lang_set(l);
    }
    if (!rules)
        return EXIT_USAGE;
    struct rc_diags *d;
    struct rc_ruleset *rs = rc_ruleset_load(rules, &d);
    rc_diags_free(d);
    if (!rs)
        return EXIT_USAGE;
    enum rc_lang given = cli_lang_given();
    enum lang lang =
        (enum lang)(given != RC_LANG_AUTO ? given : rc_ruleset_lang(rs));
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
