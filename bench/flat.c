/*
 * bench/hubei-v1.rules written by hand in C, as fast as a simple program
 * goes: the minimal baseline `make bench` measures Rongcuo against. No
 * JSON library and no allocation per case: each line is scanned once, in
 * the read buffer; a key is found by its length and first bytes in a small
 * hash table; values are read by their first byte. It trusts its input
 * (the generated register of bench/gen.c): a line it does not understand
 * prints "?<TAB>error". Prints "ID<TAB>verdict" (待定 when undetermined)
 * for each case, as bench/hand.c does.
 *
 * usage: flat < corpus.jsonl
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

enum { F, T, U }; /* false, true, unknown */

static inline int AND(int a, int b)
{
    return a == F || b == F ? F : a == U || b == U ? U : T;
}

static inline int OR(int a, int b)
{
    return a == T || b == T ? T : a == U || b == U ? U : F;
}

static inline int NOT(int a)
{
    return a == U ? U : !a;
}

/* the keys: 26 yes-or-no facts, then 履職情形 and 舉報核查結果 */
enum { NBOOL = 26, KINDS = 26, REPORT = 27, NKEY = 28 };
static const char *const keys[NKEY] = {
    "謀取私利",     "明知故犯",         "違反明令禁止",
    "屢錯屢犯",     "重大安全責任事故", "弄虛作假",
    "拒不糾錯",     "個人專斷",         "出於工作需要",
    "集體決策",     "緊急決策",         "事後及時報告",
    "履職盡責",     "政策把握不準",     "政策界限不明確",
    "不可抗力因素", "政策法規調整",     "造成不良後果",
    "提出反對意見", "建議糾正上級決策", "上級決策明顯違法違規",
    "主動挽回損失", "配合調查",         "已整改",
    "存在程序瑕疵", "暴露制度漏洞",     "履職情形",
    "舉報核查結果"};
/* the facts with a default (false) */
static const uint32_t defaults = 1u << 2 | 1u << 3 | 1u << 4 | 1u << 5 |
                                 1u << 6 | 1u << 7 | 1u << 10 | 1u << 16 |
                                 1u << 18 | 1u << 19 | 1u << 25;
static const char *const kinds[8] = {
    "落實上級決策部署", "改革先行先試", "應急處置",     "化解歷史遺留問題",
    "投資招商創新",     "服務群眾",     "優化營商環境", "其他"};
static const char *const reports[8] = {
    "無舉報",   "屬實",     "部分屬實", "失實",
    "嚴重失實", "捏造事實", "誣告陷害", "未查實但不能排除"};

/* A string's hash: its length and its last three bytes (one character). */
static unsigned hash(const char *s, size_t n)
{
    unsigned h = (unsigned)n * 2654435761u;
    h ^= (unsigned char)s[n - 1] * 40503u + (unsigned char)s[n - 2] * 97u +
         (unsigned char)s[n - 3];
    return (h ^ h >> 7) & 255;
}

/* three tables of 256 slots: keys, kinds, reports; 1 + index, or 0 */
static unsigned char tab[3][256];
static const char *const *const lists[3] = {keys, kinds, reports};
static const int sizes[3] = {NKEY, 8, 8};

static void tab_init(void)
{
    for (int t = 0; t < 3; t++)
        for (int i = 0; i < sizes[t]; i++) {
            unsigned h = hash(lists[t][i], strlen(lists[t][i]));
            while (tab[t][h])
                h = (h + 1) & 255;
            tab[t][h] = (unsigned char)(i + 1);
        }
}

static int find(int t, const char *s, size_t n)
{
    if (n < 3)
        return -1;
    for (unsigned h = hash(s, n); tab[t][h]; h = (h + 1) & 255) {
        const char *k = lists[t][tab[t][h] - 1];
        if (strlen(k) == n && memcmp(k, s, n) == 0)
            return tab[t][h] - 1;
    }
    return -1;
}

struct state {
    uint32_t yes, known; /* the yes-or-no facts: bit i */
    int kinds_known, kinds, report;
    const char *id;
    size_t idlen;
};

static int has(const struct state *s, int k)
{
    return s->kinds_known ? (s->kinds >> k & 1 ? T : F) : U;
}

static int b(const struct state *s, int i)
{
    return s->known >> i & 1 ? (int)(s->yes >> i & 1) : U;
}

/* The verdict table of bench/hubei-v1.rules: first hit, undetermined on the
 * first unknown line. */
static const char *verdict(const struct state *s)
{
    int report = s->report < 0 ? U : s->report >= 3 && s->report <= 6 ? T : F;
    int ex1 =
        OR(OR(b(s, 0), b(s, 1)), OR(b(s, 2), AND(b(s, 3), NOT(b(s, 15)))));
    int ex2 = OR(OR(b(s, 4), b(s, 5)), OR(b(s, 6), b(s, 7)));
    int exclusion = OR(ex1, ex2);
    int public_mind = AND(b(s, 8), NOT(b(s, 0)));
    int procedure = OR(b(s, 9), AND(b(s, 10), b(s, 11)));
    int diligent = AND(b(s, 12), NOT(b(s, 1)));
    int sit1 = OR(OR(has(s, 0), has(s, 1)),
                  OR(OR(b(s, 14), b(s, 13)), OR(b(s, 15), b(s, 16))));
    int sit2 =
        OR(OR(has(s, 2), has(s, 3)), OR(has(s, 4), OR(has(s, 5), has(s, 6))));
    int situation = OR(sit1, sit2);
    int ex3 = OR(AND(diligent, b(s, 15)), AND(b(s, 19), NOT(b(s, 20))));
    int exempt =
        OR(OR(OR(has(s, 1), b(s, 14)), NOT(b(s, 17))), OR(b(s, 18), ex3));
    int reduce = OR(b(s, 21), OR(b(s, 22), b(s, 23)));
    int base = AND(AND(public_mind, procedure), AND(diligent, situation));
    int lines[4] = {report, exclusion, AND(base, exempt), AND(base, reduce)};
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

/* The string that starts after the quote at p: its end (the closing
 * quote). The register has no escapes. */
static const char *str_end(const char *p, const char *end)
{
    const char *q = memchr(p, '"', (size_t)(end - p));
    return q ? q : end;
}

/* The value of key k at p (after the colon and its space); past it. */
static const char *value(struct state *s, int k, const char *p, const char *end)
{
    if (k < NBOOL) {
        if (*p != 'n') {
            s->known |= 1u << k;
            s->yes = (s->yes & ~(1u << k)) | (uint32_t)(*p == 't') << k;
        } else {
            s->known &= ~(1u << k);
        }
        return p + 4;
    }
    if (k == KINDS && *p == '[') {
        s->kinds_known = 1;
        s->kinds = 0;
        while (++p < end && *p != ']') {
            if (*p != '"')
                continue;
            const char *q = str_end(p + 1, end);
            int i = find(1, p + 1, (size_t)(q - p - 1));
            if (i >= 0)
                s->kinds |= 1 << i;
            p = q;
        }
        return p + 1;
    }
    if (k == REPORT && *p == '"') {
        const char *q = str_end(p + 1, end);
        s->report = find(2, p + 1, (size_t)(q - p - 1));
        return q + 1;
    }
    return p + 1;
}

/* One line: its verdict into out; the bytes written. */
static size_t line(const char *p, const char *end, char *out)
{
    struct state s = {.known = defaults, .report = 0};
    int k = -1;
    while (p < end) {
        if (*p != '"') {
            p++;
            continue;
        }
        const char *q = str_end(++p, end);
        size_t n = (size_t)(q - p);
        if (q + 2 < end && q[1] == ':') { /* a key */
            const char *v = q + (q[2] == ' ' ? 3 : 2);
            if (n == 2 && p[0] == 'i' && p[1] == 'd' && *v == '"') {
                s.id = v + 1;
                s.idlen = (size_t)(str_end(v + 1, end) - s.id);
                p = s.id + s.idlen + 1;
                continue;
            }
            k = find(0, p, n);
            p = k >= 0 ? value(&s, k, v, end) : v;
            continue;
        }
        p = q + 1; /* a string value, not read */
    }
    if (!s.id)
        return (size_t)sprintf(out, "?\terror\n");
    const char *v = verdict(&s);
    size_t vl = strlen(v);
    memcpy(out, s.id, s.idlen);
    out[s.idlen] = '\t';
    memcpy(out + s.idlen + 1, v, vl);
    out[s.idlen + 1 + vl] = '\n';
    return s.idlen + vl + 2;
}

static char in[1 << 20], out[1 << 17];

int main(void)
{
    tab_init();
    size_t fill = 0, o = 0;
    ssize_t got;
    while ((got = read(0, in + fill, sizeof in - fill)) > 0 || fill) {
        fill += got > 0 ? (size_t)got : 0;
        const char *p = in, *end = in + fill;
        const char *nl;
        while ((nl = memchr(p, '\n', (size_t)(end - p))) ||
               (got <= 0 && p < end && (nl = end))) {
            if (o + (size_t)(nl - p) + 64 > sizeof out) {
                fwrite(out, 1, o, stdout);
                o = 0;
            }
            o += line(p, nl, out + o);
            p = nl + 1;
        }
        if (p > end)
            p = end;
        fill = (size_t)(end - p);
        memmove(in, p, fill);
        if (got <= 0 || fill == sizeof in)
            break; /* the end, or a line longer than the buffer */
    }
    fwrite(out, 1, o, stdout);
    return 0;
}
