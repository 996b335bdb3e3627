#ifndef ENGINE_ERRSTR_H
#define ENGINE_ERRSTR_H

#include "engine/lang.h"

/* The text of an errno value, as strerror gives it but safe from any
 * thread (strerror_r). The text lives in the value returned, until the
 * end of the full expression: diag_addf(…, "%s", errstr(errno).s). */
struct errstr {
    char s[128];
};
struct errstr errstr(int err);
/* The same in lang: the catalog's text for the common reasons (no such
 * file, permission denied, disk full …), else the C library's English. */
struct errstr errstr_in(int err, enum lang lang);

#endif
