#include "engine/errstr.h"

#include <stdio.h>
#include <string.h>

struct errstr errstr(int err)
{
    struct errstr e;
    if (strerror_r(err, e.s, sizeof e.s) != 0) /* XSI: 0 on success */
        snprintf(e.s, sizeof e.s, "error %d", err);
    return e;
}
