#include "engine/errstr.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "engine/msg.h"

/* The catalog's message for err, or -1 for one it does not hold. */
static int errstr_msg(int err)
{
    switch (err) {
    case ENOENT:
        return MSG_os_enoent;
    case EACCES:
        return MSG_os_eacces;
    case EPERM:
        return MSG_os_eperm;
    case EISDIR:
        return MSG_os_eisdir;
    case ENOTDIR:
        return MSG_os_enotdir;
    case ENOSPC:
        return MSG_os_enospc;
    case EDQUOT:
        return MSG_os_edquot;
    case EIO:
        return MSG_os_eio;
    case EROFS:
        return MSG_os_erofs;
    case ENAMETOOLONG:
        return MSG_os_enametoolong;
    case ELOOP:
        return MSG_os_eloop;
    case EMFILE:
        return MSG_os_emfile;
    case ENFILE:
        return MSG_os_enfile;
    case ENOMEM:
        return MSG_os_enomem;
    case EEXIST:
        return MSG_os_eexist;
    case EFBIG:
        return MSG_os_efbig;
    default:
        return -1;
    }
}

struct errstr errstr(int err)
{
    struct errstr e;
    if (strerror_r(err, e.s, sizeof e.s) != 0) /* XSI: 0 on success */
        snprintf(e.s, sizeof e.s, "error %d", err);
    return e;
}

struct errstr errstr_in(int err, enum lang lang)
{
    int m = errstr_msg(err);
    if (lang == LANG_EN || m < 0)
        return errstr(err);
    struct errstr e;
    snprintf(e.s, sizeof e.s, "%s", msg_fmt((enum msg)m, lang));
    return e;
}
