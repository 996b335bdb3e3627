#ifndef ENGINE_SHA256_H
#define ENGINE_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* SHA-256 (FIPS 180-4), for the content hash that stamps every result
 * with the exact rule files that gave it. */
struct sha256 {
    uint32_t h[8];
    uint64_t len;
    uint8_t buf[64];
    size_t n;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
/* The digest as 64 lowercase hex digits and a NUL. */
void sha256_hex(struct sha256 *s, char out[65]);
/* For tests: on (1) uses the processor's SHA extensions when it has them
 * (as by default), off (0) the portable code; the setting before (-1:
 * not yet decided). */
int sha256_hw(int on);

#endif
