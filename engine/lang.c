#include "engine/lang.h"

#include <pthread.h>
#include <stdbool.h>
#include <string.h>

/* Each spelling with its length, so that a lookup compares only the
 * spellings of the same length. */
struct spelling {
    const char *text;
    size_t len;
};

#define S(t)            \
    {                   \
        t, sizeof t - 1 \
    }

static const struct spelling spell[KW_COUNT][3] = {
    [KW_POLICY] = {S("policy"), S("辦法"), S("办法")},
    [KW_VERSION] = {S("version"), S("版本"), S("版本")},
    [KW_EXTENDS] = {S("extends"), S("沿用"), S("沿用")},
    [KW_FACT] = {S("fact"), S("事實"), S("事实")},
    [KW_CONCLUSION] = {S("conclusion"), S("認定"), S("认定")},
    [KW_LIST] = {S("list"), S("清單"), S("清单")},
    [KW_RULE] = {S("rule"), S("規則"), S("规则")},
    [KW_CITES] = {S("cites"), S("依據"), S("依据")},
    [KW_WHEN] = {S("when"), S("如果"), S("如果")},
    [KW_THEN] = {S("then"), S("則"), S("则")},
    [KW_OVERRIDES] = {S("overrides"), S("優先於"), S("优先于")},
    [KW_BECAUSE] = {S("because"), S("理由"), S("理由")},
    [KW_VERDICT] = {S("verdict"), S("結論"), S("结论")},
    [KW_OTHERWISE] = {S("otherwise"), S("否則"), S("否则")},
    [KW_MEASURE] = {S("measure"), S("措施"), S("措施")},
    [KW_AMEND] = {S("amend"), S("修訂"), S("修订")},
    [KW_REPEAL] = {S("repeal"), S("廢止"), S("废止")},
    [KW_CASE] = {S("case"), S("案件"), S("案件")},
    [KW_TEST] = {S("test"), S("測試"), S("测试")},
    [KW_GIVEN] = {S("given"), S("已知"), S("已知")},
    [KW_EXPECT] = {S("expect"), S("預期"), S("预期")},
    [KW_FIRED] = {S("fired"), S("適用"), S("适用")},
    [KW_UNDETERMINED] = {S("undetermined"), S("待定"), S("待定")},
    [KW_MISSING] = {S("missing"), S("缺少"), S("缺少")},
    [KW_AND] = {S("and"), S("且"), S("且")},
    [KW_OR] = {S("or"), S("或"), S("或")},
    [KW_NOT] = {S("not"), S("非"), S("非")},
    [KW_IN] = {S("in"), S("屬於"), S("属于")},
    [KW_CONTAINS] = {S("contains"), S("包含"), S("包含")},
    [KW_ANY] = {S("any"), S("任一"), S("任一")},
    [KW_TRUE] = {S("true"), S("是"), S("是")},
    [KW_FALSE] = {S("false"), S("否"), S("否")},
    [KW_UNKNOWN] = {S("unknown"), S("未知"), S("未知")},
    [KW_IS_KNOWN] = {S("is known"), S("已查明"), S("已查明")},
    [KW_BOOL] = {S("bool"), S("是非"), S("是非")},
    [KW_NUMBER] = {S("number"), S("數值"), S("数值")},
    [KW_TEXT] = {S("text"), S("文字"), S("文字")},
    [KW_DATE] = {S("date"), S("日期"), S("日期")},
    [KW_ONE_OF] = {S("one of"), S("選項"), S("选项")},
    [KW_SET_OF] = {S("set of"), S("多選"), S("多选")},
    [KW_INVARIANT] = {S("invariant"), S("底線"), S("底线")},
};

/* The spellings by a hash of their bytes (kw_slot: the index k * 3 + l
 * of the first keyword so spelled, plus 1; 0 for none), made once: the
 * lexer looks up every name it reads, most of them no keyword. */
enum { KW_SLOTS = 512, KW_MAX_LEN = 12 };
static unsigned short kw_slot[KW_SLOTS];
static pthread_once_t kw_once = PTHREAD_ONCE_INIT;

static unsigned kw_hash(const char *s, size_t len)
{
    unsigned h = (unsigned)len;
    for (size_t i = 0; i < len; i++)
        h = h * 31u + (unsigned char)s[i];
    return h;
}

static void kw_index(void)
{
    for (int k = 0; k < KW_COUNT; k++)
        for (int l = 0; l < 3; l++) {
            const struct spelling *w = &spell[k][l];
            unsigned i = kw_hash(w->text, w->len) % KW_SLOTS;
            bool seen = false;
            for (; kw_slot[i] && !seen; i = (i + 1) % KW_SLOTS) {
                const struct spelling *o = &spell[0][0] + kw_slot[i] - 1;
                seen =
                    o->len == w->len && memcmp(o->text, w->text, w->len) == 0;
            }
            if (!seen)
                kw_slot[i] = (unsigned short)(k * 3 + l + 1);
        }
}

int kw_lookup(const char *s, size_t len, enum lang *lang)
{
    if (len == 0 || len > KW_MAX_LEN)
        return -1;
    pthread_once(&kw_once, kw_index);
    for (unsigned i = kw_hash(s, len) % KW_SLOTS; kw_slot[i];
         i = (i + 1) % KW_SLOTS) {
        int k = (kw_slot[i] - 1) / 3, l = (kw_slot[i] - 1) % 3;
        const struct spelling *w = &spell[k][l];
        if (w->len != len || memcmp(w->text, s, len) != 0)
            continue;
        if (lang)
            *lang = l == 0 ? LANG_EN
                    : strcmp(spell[k][1].text, spell[k][2].text) == 0
                        ? LANG_ZH
                        : (enum lang)l;
        return k;
    }
    return -1;
}

const char *kw_text(enum kw k, enum lang lang)
{
    int l = lang == LANG_ZH ? 1 : (int)lang;
    return spell[k][l].text;
}

enum lang lang_of_counts(const int counts[4])
{
    const int *k = counts;
    int zh = k[LANG_ZH_HANT] + k[LANG_ZH_HANS] + k[LANG_ZH];
    if (k[LANG_EN] > zh)
        return LANG_EN;
    return k[LANG_ZH_HANS] > k[LANG_ZH_HANT] ? LANG_ZH_HANS : LANG_ZH_HANT;
}
