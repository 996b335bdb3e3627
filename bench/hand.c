/*
 * bench/hubei-v1.rules written by hand in C: the baseline `make bench`
 * measures Rongcuo against. It reads the same JSON Lines with the same
 * yajl event parser and applies the same three-valued logic, and prints
 * "ID<TAB>verdict" (待定 when undetermined) for each case.
 *
 * usage: hand < corpus.jsonl
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

enum { F, T, U }; /* false, true, unknown */

static int and2(int a, int b)
{
    return a == F || b == F ? F : a == U || b == U ? U : T;
}

static int or2(int a, int b)
{
    return a == T || b == T ? T : a == U || b == U ? U : F;
}

static int not1(int a)
{
    return a == U ? U : !a;
}

enum fact {
    謀取私利,
    明知故犯,
    違反明令禁止,
    屢錯屢犯,
    重大安全責任事故,
    弄虛作假,
    拒不糾錯,
    個人專斷,
    出於工作需要,
    集體決策,
    緊急決策,
    事後及時報告,
    履職盡責,
    政策把握不準,
    政策界限不明確,
    不可抗力因素,
    政策法規調整,
    造成不良後果,
    提出反對意見,
    建議糾正上級決策,
    上級決策明顯違法違規,
    主動挽回損失,
    配合調查,
    已整改,
    存在程序瑕疵,
    暴露制度漏洞,
    NBOOL
};

static const char *const names[NBOOL] = {
    "謀取私利",     "明知故犯",         "違反明令禁止",
    "屢錯屢犯",     "重大安全責任事故", "弄虛作假",
    "拒不糾錯",     "個人專斷",         "出於工作需要",
    "集體決策",     "緊急決策",         "事後及時報告",
    "履職盡責",     "政策把握不準",     "政策界限不明確",
    "不可抗力因素", "政策法規調整",     "造成不良後果",
    "提出反對意見", "建議糾正上級決策", "上級決策明顯違法違規",
    "主動挽回損失", "配合調查",         "已整改",
    "存在程序瑕疵", "暴露制度漏洞",
};
static const bool has_default[NBOOL] = {
    [違反明令禁止] = 1,     [屢錯屢犯] = 1,     [重大安全責任事故] = 1,
    [弄虛作假] = 1,         [拒不糾錯] = 1,     [個人專斷] = 1,
    [緊急決策] = 1,         [政策法規調整] = 1, [提出反對意見] = 1,
    [建議糾正上級決策] = 1, [暴露制度漏洞] = 1,
};
static const char *const kinds[] = {
    "落實上級決策部署", "改革先行先試", "應急處置",     "化解歷史遺留問題",
    "投資招商創新",     "服務群眾",     "優化營商環境", "其他"};

struct state {
    int b[NBOOL];
    int kinds_known, kinds; /* 履職情形 */
    int report;             /* 舉報核查結果: 0..7, -1 unknown */
    char id[64];
    int key; /* -1 none, -2 id, -3 履職情形, -4 舉報, -5 other */
    int depth, in_array;
};

static int on_key(void *ctx, const unsigned char *k, size_t n)
{
    struct state *s = ctx;
    s->key = -5;
    if (s->depth == 1 && n == 2 && !memcmp(k, "id", 2)) {
        s->key = -2;
        return 1;
    }
    for (int i = 0; i < NBOOL; i++)
        if (strlen(names[i]) == n && !memcmp(names[i], k, n)) {
            s->key = i;
            return 1;
        }
    if (n == strlen("履職情形") && !memcmp(k, "履職情形", n))
        s->key = -3;
    else if (n == strlen("舉報核查結果") && !memcmp(k, "舉報核查結果", n))
        s->key = -4;
    return 1;
}

static int on_null(void *ctx)
{
    struct state *s = ctx;
    if (s->key >= 0)
        s->b[s->key] = U;
    else if (s->key == -3)
        s->kinds_known = 0;
    else if (s->key == -4)
        s->report = -1;
    return 1;
}

static int on_bool(void *ctx, int v)
{
    struct state *s = ctx;
    if (s->key >= 0)
        s->b[s->key] = v ? T : F;
    return 1;
}

static int on_string(void *ctx, const unsigned char *v, size_t n)
{
    struct state *s = ctx;
    if (s->key == -2) {
        snprintf(s->id, sizeof s->id, "%.*s", (int)n, v);
    } else if (s->key == -3 && s->in_array) {
        for (int i = 0; i < 8; i++)
            if (strlen(kinds[i]) == n && !memcmp(kinds[i], v, n))
                s->kinds |= 1 << i;
    } else if (s->key == -4) {
        static const char *const r[] = {
            "無舉報",   "屬實",     "部分屬實", "失實",
            "嚴重失實", "捏造事實", "誣告陷害", "未查實但不能排除"};
        for (int i = 0; i < 8; i++)
            if (strlen(r[i]) == n && !memcmp(r[i], v, n))
                s->report = i;
    }
    return 1;
}

static int on_number(void *ctx, const char *v, size_t n)
{
    (void)ctx, (void)v, (void)n;
    return 1;
}

static int on_map_start(void *ctx)
{
    ((struct state *)ctx)->depth++;
    return 1;
}

static int on_map_end(void *ctx)
{
    ((struct state *)ctx)->depth--;
    return 1;
}

static int on_array_start(void *ctx)
{
    struct state *s = ctx;
    if (s->key == -3) {
        s->kinds_known = 1;
        s->kinds = 0;
        s->in_array = 1;
    }
    return 1;
}

static int on_array_end(void *ctx)
{
    ((struct state *)ctx)->in_array = 0;
    return 1;
}

static const yajl_callbacks cb = {
    on_null,      on_bool, NULL,       NULL,           on_number,    on_string,
    on_map_start, on_key,  on_map_end, on_array_start, on_array_end,
};

static int has(const struct state *s, int kind)
{
    return s->kinds_known ? (s->kinds >> kind & 1 ? T : F) : U;
}

/* The verdict table of bench/hubei-v1.rules, first hit, undetermined on the
 * first unknown line. */
static const char *verdict(const struct state *s)
{
    const int *b = s->b;
    int report = s->report < 0 ? U : s->report >= 3 && s->report <= 6 ? T : F;
    int exclusion =
        or2(or2(or2(b[謀取私利], b[明知故犯]),
                or2(b[違反明令禁止], and2(b[屢錯屢犯], not1(b[不可抗力因素])))),
            or2(or2(b[重大安全責任事故], b[弄虛作假]),
                or2(b[拒不糾錯], b[個人專斷])));
    int public_mind = and2(b[出於工作需要], not1(b[謀取私利]));
    int procedure = or2(b[集體決策], and2(b[緊急決策], b[事後及時報告]));
    int diligent = and2(b[履職盡責], not1(b[明知故犯]));
    int situation = or2(or2(or2(has(s, 0), has(s, 1)),
                            or2(or2(b[政策界限不明確], b[政策把握不準]),
                                or2(b[不可抗力因素], b[政策法規調整]))),
                        or2(or2(has(s, 2), has(s, 3)),
                            or2(has(s, 4), or2(has(s, 5), has(s, 6)))));
    int exempt =
        or2(or2(or2(has(s, 1), b[政策界限不明確]), not1(b[造成不良後果])),
            or2(b[提出反對意見],
                or2(and2(diligent, b[不可抗力因素]),
                    and2(b[建議糾正上級決策], not1(b[上級決策明顯違法違規])))));
    int reduce = or2(b[主動挽回損失], or2(b[配合調查], b[已整改]));
    int base = and2(and2(public_mind, procedure), and2(diligent, situation));
    int lines[4] = {report, exclusion, and2(base, exempt), and2(base, reduce)};
    static const char *const v[4] = {"澄清正名", "不予容錯", "容錯免責",
                                     "容錯減責"};
    for (int i = 0; i < 4; i++) {
        if (lines[i] == T)
            return v[i];
        if (lines[i] == U)
            return "待定";
    }
    return "依規依紀處理";
}

int main(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    static char out[1 << 16];
    setvbuf(stdout, out, _IOFBF, sizeof out);
    while ((n = getline(&line, &cap, stdin)) > 0) {
        struct state s = {.report = 0, .key = -1};
        for (int i = 0; i < NBOOL; i++)
            s.b[i] = has_default[i] ? F : U;
        yajl_handle h = yajl_alloc(&cb, NULL, &s);
        if (yajl_parse(h, (unsigned char *)line, (size_t)n) != yajl_status_ok ||
            yajl_complete_parse(h) != yajl_status_ok) {
            printf("?\terror\n");
        } else {
            printf("%s\t%s\n", s.id, verdict(&s));
        }
        yajl_free(h);
    }
    free(line);
    return 0;
}
