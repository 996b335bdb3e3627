/*
 * Embedding Rongcuo: load the provincial rule set, evaluate two cases
 * built in memory, and print their verdicts with the rules that gave
 * them; then, given a case file, the verdict of each of its cases. Build
 * against an installed library with
 *
 *   cc embed.c $(pkg-config --cflags --libs rongcuo) -o embed
 *
 * usage: embed [RULES [CASES]]   (default rules/hubei.rules, no cases)
 *
 * Every function checks its arguments, and none aborts: out of memory
 * comes back as NULL or an error, as below.
 */
#include <stdio.h>

#include <rongcuo.h>

static int report(struct rc_eval *ev, const char *id)
{
    const char *fired[64], *missing[64];
    int nf = rc_eval_list(ev, RC_FIRED, fired, 64);
    int nm = rc_eval_list(ev, RC_MISSING, missing, 64);
    const char *verdict = rc_eval_verdict(ev);
    switch (rc_eval_status(ev)) {
    case RC_DECIDED:
        printf("%s: %s", id, verdict ? verdict : "(no verdict)");
        break;
    case RC_UNDETERMINED:
        printf("%s: undetermined, missing", id);
        for (int i = 0; i < nm && i < 64; i++)
            printf(" %s", missing[i]);
        break;
    case RC_ERROR: /* the case's own errors, or rc_eval_error's reason */
        printf("%s: error%s%s\n", id, rc_eval_error(ev) ? ": " : "",
               rc_eval_error(ev) ? rc_eval_error(ev) : "");
        return 1;
    }
    printf(" (rules:");
    for (int i = 0; i < nf && i < 64; i++)
        printf(" %s", fired[i]);
    printf(")\n");
    return 0;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "rules/hubei.rules";
    struct rc_diags *diags;
    struct rc_ruleset *rs = rc_ruleset_load(path, &diags);
    if (!rs) {
        struct rc_diag d;
        for (int i = 0; rc_diags_get(diags, i, &d) == 0; i++)
            fprintf(stderr, "%s:%d:%d: %s\n", d.file ? d.file : path, d.line,
                    d.column, d.message);
        rc_diags_free(diags);
        return 2;
    }
    rc_diags_free(diags);
    printf("%s %s (sha256 %.12s)\n", rc_ruleset_policy(rs),
           rc_ruleset_version(rs) ? rc_ruleset_version(rs) : "",
           rc_ruleset_sha256(rs));

    struct rc_eval *ev = rc_eval_new(rs);
    struct rc_case *c1 = rc_case_new(rs, "EMB-1", "舉報經核查失實");
    struct rc_case *c2 = rc_case_new(rs, "EMB-2", "先行先試中的失誤");
    if (!ev || !c1 || !c2) {
        fputs("embed: out of memory\n", stderr);
        return 2; /* what was made is freed at exit */
    }
    int bad = 0;

    /* a false accusation, found untrue on investigation: no private gain,
     * no knowing violation */
    bad |= rc_case_set(c1, "舉報核查結果", "失實");
    bad |= rc_case_set(c1, "謀取私利", "否");
    bad |= rc_case_set(c1, "明知故犯", "否");
    rc_evaluate(ev, c1);
    bad |= report(ev, "EMB-1");

    /* a mistake in piloting: not yet known whether private gain */
    bad |= rc_case_set(c2, "履職情形", "{改革先行先試}");
    bad |= rc_case_set(c2, "出於工作需要", "是");
    bad |= rc_case_set(c2, "明知故犯", "否");
    if (rc_case_set(c2, "損失金額", "是") != 0) /* a type error, as data */
        printf("EMB-2: rejected: %s\n", rc_case_error(c2));
    rc_evaluate(ev, c2);
    bad |= report(ev, "EMB-2");

    rc_case_free(c1);
    rc_case_free(c2);

    /* a case file: each case lives until the next one is read */
    struct rc_cases *cs = argc > 2 ? rc_cases_open(rs, argv[2]) : NULL;
    const struct rc_case *c;
    while (cs && (c = rc_cases_next(cs))) {
        rc_evaluate(ev, c);
        bad |= report(ev, rc_case_id(c) ? rc_case_id(c) : "?");
    }
    rc_cases_close(cs);
    rc_ruleset_free(rs); /* ev holds the rule set until it is freed */
    rc_eval_free(ev);
    return bad ? 1 : 0;
}
