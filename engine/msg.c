#include "engine/msg.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

const char *msg_fmt(enum msg m, enum lang lang)
{
    if ((int)m < 0 || m >= MSG_COUNT)
        return "";
    int k = lang == LANG_ZH_HANS ? 2 : lang == LANG_EN ? 0 : 1;
    return msg_table[m][k];
}

const char *msg_code_of(enum msg m)
{
    return (int)m >= 0 && m < MSG_COUNT ? msg_code[m] : NULL;
}

static bool starts(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

int msg_parse_lang(const char *s, enum lang *lang)
{
    static const char *const hant[] = {
        "zh-Hant", "zh_Hant", "zh-hant", "zh-TW",    "zh_TW",    "zh-HK",
        "zh_HK",   "繁體",    "繁体",    "繁體中文", "繁体中文", NULL};
    static const char *const hans[] = {
        "zh-Hans", "zh_Hans", "zh-hans",  "zh-CN",    "zh_CN", "zh-SG", "zh_SG",
        "简体",    "簡體",    "简体中文", "簡體中文", "zh",    NULL};
    static const char *const en[] = {"en",      "en_US", "en-US",
                                     "English", "英文",  NULL};
    for (int i = 0; hant[i]; i++)
        if (strcmp(s, hant[i]) == 0)
            return *lang = LANG_ZH_HANT, 0;
    for (int i = 0; hans[i]; i++)
        if (strcmp(s, hans[i]) == 0)
            return *lang = LANG_ZH_HANS, 0;
    for (int i = 0; en[i]; i++)
        if (strcmp(s, en[i]) == 0)
            return *lang = LANG_EN, 0;
    return -1;
}

enum lang msg_env_lang(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !*v)
            continue;
        if (!starts(v, "zh"))
            return LANG_EN;
        if (starts(v, "zh_TW") || starts(v, "zh_HK") || starts(v, "zh_MO") ||
            starts(v, "zh_Hant") || starts(v, "zh-Hant"))
            return LANG_ZH_HANT;
        return LANG_ZH_HANS;
    }
    return LANG_EN;
}
