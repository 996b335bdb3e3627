#ifndef ENGINE_ERRSTR_H
#define ENGINE_ERRSTR_H

/* The text of an errno value, as strerror gives it but safe from any
 * thread (strerror_r). The text lives in the value returned, until the
 * end of the full expression: diag_addf(…, "%s", errstr(errno).s). */
struct errstr {
    char s[128];
};
struct errstr errstr(int err);

#endif
