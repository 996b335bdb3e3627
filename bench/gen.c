/*
 * A deterministic synthetic case register for bench/hubei-v1.rules, as JSON
 * Lines: most facts false, some true, some not established, a few given
 * explicitly as unknown (null). The same N gives the same bytes.
 *
 * usage: gen N [SEED]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state;

static unsigned rnd(unsigned n)
{
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((state >> 33) % n);
}

static const char *const bools[] = {
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
/* how likely true, in percent, for the facts that decide most cases */
static const int truth[] = {4,  4,  2,  2, 1,  2, 2, 2,  85, 80, 10, 60, 80,
                            40, 30, 20, 5, 40, 5, 3, 20, 50, 70, 60, 30, 5};
static const char *const kinds[] = {
    "落實上級決策部署", "改革先行先試", "應急處置",     "化解歷史遺留問題",
    "投資招商創新",     "服務群眾",     "優化營商環境", "其他"};
static const char *const reports[] = {
    "無舉報",   "屬實",     "部分屬實", "失實",
    "嚴重失實", "捏造事實", "誣告陷害", "未查實但不能排除"};

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 100000;
    state = argc > 2 ? strtoull(argv[2], NULL, 10) : 20221;
    for (long i = 0; i < n; i++) {
        printf("{\"id\": \"B%07ld\", \"title\": \"合成案件\", \"facts\": {", i);
        const char *sep = "";
        for (size_t k = 0; k < sizeof bools / sizeof *bools; k++) {
            unsigned r = rnd(100);
            if (r < 8)
                continue; /* not established */
            if (r < 10) {
                printf("%s\"%s\": null", sep, bools[k]);
            } else {
                printf("%s\"%s\": %s", sep, bools[k],
                       (int)rnd(100) < truth[k] ? "true" : "false");
            }
            sep = ", ";
        }
        if (rnd(100) < 92) {
            printf("%s\"履職情形\": [", sep);
            unsigned m = 1 + rnd(2);
            for (unsigned j = 0; j < m; j++)
                printf("%s\"%s\"", j ? ", " : "", kinds[rnd(8)]);
            printf("]");
            sep = ", ";
        }
        printf("%s\"損失金額\": %u.%02u", sep, rnd(300), rnd(100));
        if (rnd(100) < 15)
            printf(", \"舉報核查結果\": \"%s\"", reports[rnd(8)]);
        printf("}}\n");
    }
    return 0;
}
