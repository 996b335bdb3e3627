#ifndef ENGINE_LANG_H
#define ENGINE_LANG_H

#include <stddef.h>

/*
 * The keywords of the rule language. Every keyword has an English, a
 * traditional-Chinese and a simplified-Chinese spelling (LANGUAGE.md §1);
 * all three are reserved in every file.
 */
enum kw {
    KW_POLICY,
    KW_VERSION,
    KW_EXTENDS,
    KW_FACT,
    KW_CONCLUSION,
    KW_LIST,
    KW_RULE,
    KW_CITES,
    KW_WHEN,
    KW_THEN,
    KW_OVERRIDES,
    KW_BECAUSE,
    KW_VERDICT,
    KW_OTHERWISE,
    KW_MEASURE,
    KW_AMEND,
    KW_REPEAL,
    KW_CASE,
    KW_TEST,
    KW_GIVEN,
    KW_EXPECT,
    KW_FIRED,
    KW_UNDETERMINED,
    KW_MISSING,
    KW_AND,
    KW_OR,
    KW_NOT,
    KW_IN,
    KW_CONTAINS,
    KW_ANY,
    KW_TRUE,
    KW_FALSE,
    KW_UNKNOWN,
    KW_IS_KNOWN,
    KW_BOOL,
    KW_NUMBER,
    KW_TEXT,
    KW_DATE,
    KW_ONE_OF,
    KW_SET_OF,
    KW_INVARIANT,
    KW_COUNT
};

/* Spelling languages; LANG_ZH marks a Chinese spelling shared by both. */
enum lang { LANG_EN, LANG_ZH_HANT, LANG_ZH_HANS, LANG_ZH };

/* The keyword spelled s[0..len), or -1; *lang gets its spelling's language. */
int kw_lookup(const char *s, size_t len, enum lang *lang);
/* The language of a file by the keyword spellings counted in it (by enum
 * lang): English when most are English; else traditional unless more are
 * simplified. */
enum lang lang_of_counts(const int counts[4]);
/* How keyword k is spelled in lang (LANG_EN, LANG_ZH_HANT, LANG_ZH_HANS). */
const char *kw_text(enum kw k, enum lang lang);

#endif
