/*
 * rongcuo-prove: the prover behind `rongcuo prove` (cli/prove.c), a
 * program of its own so that only it loads the Z3 solver: every other
 * command starts without it. `rongcuo prove ARGS` runs it as
 * `rongcuo-prove prove ARGS` (cli/main.c); `rongcuo-prove diff OLD NEW`
 * is the symbolic diff, for `rongcuo diff OLD NEW` without case files;
 * `rongcuo check` runs `rongcuo-prove analyse [--lang L] RULES` and
 * `rongcuo test` runs `rongcuo-prove bottom [--lang L] RULES`
 * (cli/prove_analysis.c).
 */
#include <signal.h>
#include <string.h>

#include "cli/cli.h"

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    cli_lang_init(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "analyse") == 0)
        return cli_analyse(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "bottom") == 0)
        return cli_bottom(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "prove") == 0)
        return cli_prove(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "diff") == 0) /* without case files */
        return cli_prove_diff(argc - 1, argv + 1);
    return cli_prove(argc, argv);
}
