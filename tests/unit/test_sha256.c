/* SHA-256 (engine/sha256.h): the FIPS 180-4 examples and data fed in
 * pieces of every size, by the portable code and by the processor's SHA
 * extensions (when it has them), which must agree. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "engine/sha256.h"

/* The digest of data[0..len), fed in pieces of at most step bytes. */
static void digest(const void *data, size_t len, size_t step, char out[65])
{
    struct sha256 s;
    sha256_init(&s);
    const char *p = data;
    for (size_t at = 0; at < len; at += step)
        sha256_update(&s, p + at, len - at < step ? len - at : step);
    sha256_hex(&s, out);
}

static void known(int hw)
{
    sha256_hw(hw);
    static const char *const in[] = {
        "", "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"};
    static const char *const want[] = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"};
    char out[65];
    for (int i = 0; i < 3; i++) {
        digest(in[i], strlen(in[i]), 1000, out);
        assert_string_equal(out, want[i]);
    }
    char *a = malloc(1000000);
    assert_non_null(a);
    memset(a, 'a', 1000000);
    digest(a, 1000000, 1000000, out);
    assert_string_equal(
        out,
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    digest(a, 1000000, 4093, out); /* pieces across the blocks */
    assert_string_equal(
        out,
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}

static void test_sha256_portable(void **state)
{
    (void)state;
    known(0);
    sha256_hw(1);
}

static void test_sha256_hw(void **state)
{
    (void)state;
    known(1); /* the portable code again on a processor without them */
}

/* 1,000 bytes in pieces of 1 to 130 bytes: every way a piece may begin
 * and end in a block gives the same digest, in both codes. */
static void test_sha256_pieces(void **state)
{
    (void)state;
    unsigned char d[1000];
    for (int i = 0; i < 1000; i++)
        d[i] = (unsigned char)(i * 7 + 3);
    for (int hw = 0; hw < 2; hw++) {
        sha256_hw(hw);
        for (size_t step = 1; step <= 130; step++) {
            char out[65];
            digest(d, sizeof d, step, out);
            assert_string_equal(out, "1e9bc38cbf860b9ec31918b065f9b52476c549a7"
                                     "82e0e7990bed8ce3868d2371");
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_portable),
        cmocka_unit_test(test_sha256_hw),
        cmocka_unit_test(test_sha256_pieces),
    };
    return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}
