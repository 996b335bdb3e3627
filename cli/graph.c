/*
 * rongcuo graph: the rule graph of a rule file in Graphviz DOT
 * (rc_ruleset_graph, docs/graph.md), coloured by one case with --case.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

#define USAGE_GRAPH CLI_USAGE_TEXT(usage_graph)

enum { OPT_LANG = 256, OPT_CASE, OPT_ID };

struct graph_opts {
    const char *rules, *case_file, *id, *out;
};

/* One option of graph and its value v: -1, or an exit status. */
static int graph_option(struct graph_opts *o, int c, const char *v)
{
    enum rc_lang l;
    if (c == 'h')
        return cli_help(USAGE_GRAPH);
    if (c == OPT_LANG && cli_parse_lang(v, &l) != 0)
        return CLI_USAGE(USAGE_GRAPH, cli_lang_value, v);
    if (c == OPT_LANG)
        cli_lang_set(l);
    else if (c == OPT_CASE)
        o->case_file = v;
    else if (c == OPT_ID)
        o->id = v;
    else if (c == 'o')
        o->out = v;
    else if (o->rules)
        return CLI_USAGE(USAGE_GRAPH, cli_one_rule_file, v);
    else
        o->rules = v;
    return -1;
}

/* graph's options and rule file: -1, or an exit status. */
static int graph_args(int argc, char **argv, struct graph_opts *o)
{
    static const struct option longs[] = {
        {"case", required_argument, NULL, OPT_CASE},
        {"id", required_argument, NULL, OPT_ID},
        {"lang", required_argument, NULL, OPT_LANG},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *v;
    struct cli_args args;
    cli_args_init(&args, argc, argv, "o:h", longs, USAGE_GRAPH);
    for (int c, rc; (c = cli_args_next(&args, &v)) != CLI_END;) {
        if (c == CLI_BAD)
            return EXIT_USAGE;
        if ((rc = graph_option(o, c, v)) != -1)
            return rc;
    }
    if (!o->rules)
        return CLI_USAGE0(USAGE_GRAPH, cli_name_rules_graph);
    if (o->id && !o->case_file)
        return CLI_USAGE0(USAGE_GRAPH, cli_graph_id_without_case);
    return -1;
}

/* "rongcuo: " and a message of ours on stderr. */
#define GRAPH_SAY(id, ...)                                                    \
    (CLI_PRINT(stderr, cli_prefixed, ""), CLI_PRINT(stderr, id, __VA_ARGS__), \
     fputc('\n', stderr))

/* Case c evaluated: a copy of the graph it colours, or (*bad) of its
 * trace, for a case with errors. */
static char *graph_of_case(struct rc_ruleset *rs, struct rc_eval *ev,
                           const struct rc_case *c, bool *bad)
{
    rc_evaluate(ev, c);
    *bad = rc_eval_status(ev) == RC_ERROR;
    const char *t = *bad ? rc_eval_render(ev, RC_TEXT, cli_lang_given(), NULL)
                         : rc_ruleset_graph(rs, ev, cli_lang_given());
    char *copy = t ? strdup(t) : NULL;
    if (!copy)
        cli_out_of_memory();
    return copy;
}

/* The case of o->case_file that the graph is for: the one it holds, or
 * the one whose ID is o->id (a case whose ID could not be read, such as
 * that of a file that cannot be read, is kept in *unread, to be reported
 * when no case has that ID). *found counts the cases that fit, up to 2. */
static char *graph_pick(struct rc_ruleset *rs, const struct graph_opts *o,
                        int *found, bool *bad, char **unread)
{
    struct rc_cases *cs = rc_cases_open(rs, o->case_file);
    struct rc_eval *ev = rc_eval_new(rs);
    if (!cs || !ev)
        cli_out_of_memory();
    const struct rc_case *c;
    char *got = NULL;
    bool unread_bad;
    while (*found < 2 && (c = rc_cases_next(cs))) {
        const char *id = rc_case_id(c);
        if (o->id && !id && !*unread)
            *unread = graph_of_case(rs, ev, c, &unread_bad);
        if (o->id && (!id || strcmp(id, o->id) != 0))
            continue;
        if ((*found)++ == 0)
            got = graph_of_case(rs, ev, c, bad);
        if (o->id)
            break;
    }
    rc_eval_free(ev);
    rc_cases_close(cs);
    return got;
}

/* The graph coloured by the case of o->case_file (graph_pick), a copy in
 * *dot: -1, or an exit status after a message. */
static int graph_case(struct rc_ruleset *rs, const struct graph_opts *o,
                      char **dot)
{
    int found = 0, rc = -1;
    bool bad = false;
    char *unread = NULL, *got = graph_pick(rs, o, &found, &bad, &unread);
    if (found > 1) {
        GRAPH_SAY(cli_graph_several_cases, o->case_file);
        rc = EXIT_USAGE;
    } else if (found == 0 && unread) {
        fputs(unread, stderr);
        GRAPH_SAY(cli_graph_case_error, o->case_file);
        rc = EXIT_CASE_ERROR;
    } else if (found == 0) {
        if (o->id)
            GRAPH_SAY(cli_graph_no_such_case, o->case_file, o->id);
        else
            GRAPH_SAY(cli_graph_no_case, o->case_file);
        rc = EXIT_USAGE;
    } else if (bad) {
        fputs(got, stderr);
        GRAPH_SAY(cli_graph_case_error, o->case_file);
        rc = EXIT_CASE_ERROR;
    } else {
        *dot = got;
        got = NULL;
    }
    free(got);
    free(unread);
    return rc;
}

/* dot on standard output or into o->out, which appears only when whole. */
static int graph_write(const struct rc_ruleset *rs, const struct graph_opts *o,
                       const char *dot)
{
    struct cli_inputs in = {NULL, 0, 0};
    cli_inputs_add(&in, o->rules);
    cli_inputs_add_rules(&in, rs);
    cli_inputs_add(&in, o->case_file);
    FILE *out = cli_open_output(o->out, &in);
    cli_inputs_free(&in);
    if (!out)
        return EXIT_USAGE;
    fputs(dot, out);
    return cli_close_output(out, o->out, true) ? EXIT_OK : EXIT_CASE_ERROR;
}

int cli_graph(int argc, char **argv)
{
    struct graph_opts o = {NULL, NULL, NULL, NULL};
    int rc = graph_args(argc, argv, &o);
    if (rc != -1)
        return rc;
    struct rc_ruleset *rs =
        o.case_file ? cli_load(o.rules) : cli_load_only(o.rules);
    if (!rs)
        return EXIT_USAGE;
    char *dot = NULL;
    if (o.case_file) {
        rc = graph_case(rs, &o, &dot);
    } else {
        const char *g = rc_ruleset_graph(rs, NULL, cli_lang_given());
        if (!g || !(dot = strdup(g)))
            cli_out_of_memory();
    }
    if (rc == -1)
        rc = graph_write(rs, &o, dot);
    free(dot);
    rc_ruleset_free(rs);
    return rc;
}
