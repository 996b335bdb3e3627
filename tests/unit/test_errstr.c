/* errno texts without strerror (engine/errstr.h). */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <string.h>

#include "engine/errstr.h"

static void test_errstr_known(void **state)
{
    (void)state;
    assert_string_equal(errstr(ENOENT).s, "No such file or directory");
    assert_string_equal(errstr(EACCES).s, "Permission denied");
}

/* A value with no text still gives one, never an empty string. */
static void test_errstr_unknown(void **state)
{
    (void)state;
    struct errstr e = errstr(123456);
    const char *s = e.s;
    assert_true(strlen(s) > 0);
    assert_non_null(strstr(s, "123456"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_errstr_known),
        cmocka_unit_test(test_errstr_unknown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
