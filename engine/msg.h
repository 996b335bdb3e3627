#ifndef ENGINE_MSG_H
#define ENGINE_MSG_H

/* The messages users see, from the catalog engine/messages.txt (one entry
 * per message, in English, traditional and simplified Chinese), turned
 * into a table at build time (engine/msggen.awk → messages.h).
 *
 *   DIAG(dl, DIAG_ERROR, loc, no_fact, name)   a diagnostic, all versions
 *   HINT(dl, d, did_you_mean, near)            its hint, all versions
 *   SB_MSG(out, lang, cases_run, n)            a report line in one
 *   MSG(id, lang)                              a message without arguments
 *
 * The arguments are checked by the compiler against the English format;
 * the build checks that the other versions have the same conversions. The
 * macros evaluate their arguments twice: pass no side effects. */

#include "engine/lang.h"
#include "messages.h"

static inline __attribute__((format(printf, 1, 2))) int
msg_check(const char *fmt, ...)
{
    (void)fmt;
    return 0;
}

/* The format of m in lang (LANG_ZH counts as traditional). */
const char *msg_fmt(enum msg m, enum lang lang);
/* The stable code of m, for machines (the JSON "code"). */
const char *msg_code_of(enum msg m);
/* The language of the command's own messages by the environment: LC_ALL,
 * LC_MESSAGES, LANG (the first set): zh_TW, zh_HK, zh_MO → traditional;
 * zh_CN, zh_SG or any other zh → simplified; else English. */
enum lang msg_env_lang(void);
/* "en", "zh-Hant", "zh-Hans" (or zh_TW, zh_CN, 繁體, 简体, …) → *lang;
 * -1 for anything else. */
int msg_parse_lang(const char *s, enum lang *lang);

#define MSG_ID(id, ...) (msg_check(MSGF_##id, __VA_ARGS__), MSG_##id)
#define MSG(id, lang)   msg_fmt(MSG_##id, (lang))
#define SB_MSG(out, lang, id, ...) \
    sb_printf((out), msg_fmt(MSG_ID(id, __VA_ARGS__), (lang)), __VA_ARGS__)
#define DIAG(dl, sev, loc, id, ...) \
    diag_msg((dl), (sev), (loc), MSG_ID(id, __VA_ARGS__), __VA_ARGS__)
#define DIAG0(dl, sev, loc, id) diag_msg((dl), (sev), (loc), MSG_##id)
#define DIAG_OS(dl, sev, loc, id, what, err) \
    diag_os((dl), (sev), (loc), MSG_ID(id, (what), ""), (what), (err))
#define HINT(dl, d, id, ...) \
    diag_hint((dl), (d), MSG_ID(id, __VA_ARGS__), __VA_ARGS__)
#define HINT0(dl, d, id) diag_hint((dl), (d), MSG_##id)

#endif
