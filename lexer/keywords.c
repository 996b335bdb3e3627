#include "lexer/keywords.h"

#include <string.h>

static const char *const spell[KW_COUNT][3] = {
    [KW_POLICY] = {"policy", "辦法", "办法"},
    [KW_VERSION] = {"version", "版本", "版本"},
    [KW_EXTENDS] = {"extends", "沿用", "沿用"},
    [KW_FACT] = {"fact", "事實", "事实"},
    [KW_CONCLUSION] = {"conclusion", "認定", "认定"},
    [KW_LIST] = {"list", "清單", "清单"},
    [KW_RULE] = {"rule", "規則", "规则"},
    [KW_CITES] = {"cites", "依據", "依据"},
    [KW_WHEN] = {"when", "如果", "如果"},
    [KW_THEN] = {"then", "則", "则"},
    [KW_OVERRIDES] = {"overrides", "優先於", "优先于"},
    [KW_BECAUSE] = {"because", "理由", "理由"},
    [KW_VERDICT] = {"verdict", "結論", "结论"},
    [KW_OTHERWISE] = {"otherwise", "否則", "否则"},
    [KW_MEASURE] = {"measure", "措施", "措施"},
    [KW_AMEND] = {"amend", "修訂", "修订"},
    [KW_REPEAL] = {"repeal", "廢止", "废止"},
    [KW_CASE] = {"case", "案件", "案件"},
    [KW_TEST] = {"test", "測試", "测试"},
    [KW_GIVEN] = {"given", "已知", "已知"},
    [KW_EXPECT] = {"expect", "預期", "预期"},
    [KW_FIRED] = {"fired", "適用", "适用"},
    [KW_UNDETERMINED] = {"undetermined", "待定", "待定"},
    [KW_MISSING] = {"missing", "缺少", "缺少"},
    [KW_AND] = {"and", "且", "且"},
    [KW_OR] = {"or", "或", "或"},
    [KW_NOT] = {"not", "非", "非"},
    [KW_IN] = {"in", "屬於", "属于"},
    [KW_CONTAINS] = {"contains", "包含", "包含"},
    [KW_ANY] = {"any", "任一", "任一"},
    [KW_TRUE] = {"true", "是", "是"},
    [KW_FALSE] = {"false", "否", "否"},
    [KW_UNKNOWN] = {"unknown", "未知", "未知"},
    [KW_IS_KNOWN] = {"is known", "已查明", "已查明"},
    [KW_BOOL] = {"bool", "是非", "是非"},
    [KW_NUMBER] = {"number", "數值", "数值"},
    [KW_TEXT] = {"text", "文字", "文字"},
    [KW_DATE] = {"date", "日期", "日期"},
    [KW_ONE_OF] = {"one of", "選項", "选项"},
    [KW_SET_OF] = {"set of", "多選", "多选"},
};

int kw_lookup(const char *s, size_t len, enum lang *lang)
{
    for (int k = 0; k < KW_COUNT; k++)
        for (int l = 0; l < 3; l++) {
            const char *w = spell[k][l];
            if (strlen(w) == len && memcmp(w, s, len) == 0) {
                if (lang)
                    *lang = l == 0 ? LANG_EN
                            : strcmp(spell[k][1], spell[k][2]) == 0
                                ? LANG_ZH
                                : (enum lang)l;
                return k;
            }
        }
    return -1;
}

const char *kw_text(enum kw k, enum lang lang)
{
    int l = lang == LANG_ZH ? 1 : (int)lang;
    return spell[k][l];
}
