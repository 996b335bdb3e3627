#include "engine/sha256.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The SHA extensions of x86-64 processors (SHA-NI) hash a rule file ten
 * times as fast as the portable code: used when the processor has them
 * (cpuid, checked once), as the compiler can build them. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SHA256_HW 1
#include <cpuid.h>
#include <immintrin.h>
#else
#define SHA256_HW 0
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

/* One round on the eight working variables, named in place: each round
 * renames them instead of moving them. */
#define ROUND(a, b, c, d, e, f, g, h, i)                          \
    do {                                                          \
        uint32_t t1 = h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + \
                      ((e & f) ^ (~e & g)) + K[i] + w[i];         \
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) +     \
                      ((a & b) ^ (a & c) ^ (b & c));              \
        d += t1;                                                  \
        h = t1 + t2;                                              \
    } while (0)

/* The 64-byte blocks at p (n of them) into h, in portable C. */
static void blocks_c(uint32_t h[8], const uint8_t *p, size_t n)
{
    for (; n--; p += 64) {
        uint32_t w[64];
        for (int i = 0; i < 16; i++)
            w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
                   (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
        for (int i = 16; i < 64; i++) {
            uint32_t s0 =
                ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint32_t s1 =
                ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5],
                 g = h[6], k = h[7];
        for (int i = 0; i < 64; i += 8) {
            ROUND(a, b, c, d, e, f, g, k, i);
            ROUND(k, a, b, c, d, e, f, g, i + 1);
            ROUND(g, k, a, b, c, d, e, f, i + 2);
            ROUND(f, g, k, a, b, c, d, e, i + 3);
            ROUND(e, f, g, k, a, b, c, d, i + 4);
            ROUND(d, e, f, g, k, a, b, c, i + 5);
            ROUND(c, d, e, f, g, k, a, b, i + 6);
            ROUND(b, c, d, e, f, g, k, a, i + 7);
        }
        h[0] += a, h[1] += b, h[2] += c, h[3] += d;
        h[4] += e, h[5] += f, h[6] += g, h[7] += k;
    }
}

#if SHA256_HW
/* Four rounds from message words m (K[i..i+4) added to them). */
#define HW_ROUNDS(m, i)                                                    \
    do {                                                                   \
        __m128i k_ = _mm_add_epi32(                                        \
            m, _mm_loadu_si128((const __m128i *)(const void *)(K + (i)))); \
        s1 = _mm_sha256rnds2_epu32(s1, s0, k_);                            \
        s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(k_, 0x0E));   \
    } while (0)

/* The next four message words after a, b, c, d (the oldest first). */
__attribute__((target("sha,ssse3,sse4.1"))) static __m128i
hw_next(__m128i a, __m128i b, __m128i c, __m128i d)
{
    __m128i t =
        _mm_add_epi32(_mm_sha256msg1_epu32(a, b), _mm_alignr_epi8(d, c, 4));
    return _mm_sha256msg2_epu32(t, d);
}

/* blocks_c with the SHA extensions. */
__attribute__((target("sha,ssse3,sse4.1"))) static void
blocks_hw(uint32_t h[8], const uint8_t *p, size_t n)
{
    const __m128i swap =
        _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i t = _mm_loadu_si128((const __m128i *)(const void *)h);
    __m128i s1 = _mm_loadu_si128((const __m128i *)(const void *)(h + 4));
    t = _mm_shuffle_epi32(t, 0xB1);         /* CDAB */
    s1 = _mm_shuffle_epi32(s1, 0x1B);       /* EFGH */
    __m128i s0 = _mm_alignr_epi8(t, s1, 8); /* ABEF */
    s1 = _mm_blend_epi16(s1, t, 0xF0);      /* CDGH */
    for (; n--; p += 64) {
        __m128i a0 = s0, c0 = s1, m[4];
        for (int i = 0; i < 4; i++) {
            m[i] = _mm_shuffle_epi8(
                _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i)),
                swap);
            HW_ROUNDS(m[i], 4 * i);
        }
        for (int i = 4; i < 16; i++) {
            __m128i x = hw_next(m[0], m[1], m[2], m[3]);
            m[0] = m[1], m[1] = m[2], m[2] = m[3], m[3] = x;
            HW_ROUNDS(x, 4 * i);
        }
        s0 = _mm_add_epi32(s0, a0);
        s1 = _mm_add_epi32(s1, c0);
    }
    t = _mm_shuffle_epi32(s0, 0x1B);   /* FEBA */
    s1 = _mm_shuffle_epi32(s1, 0xB1);  /* DCHG */
    s0 = _mm_blend_epi16(t, s1, 0xF0); /* DCBA */
    s1 = _mm_alignr_epi8(s1, t, 8);    /* HGFE */
    _mm_storeu_si128((__m128i *)(void *)h, s0);
    _mm_storeu_si128((__m128i *)(void *)(h + 4), s1);
}

/* Whether the processor has the SHA extensions and SSE4.1. */
static bool hw_present(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) ||
        !(c & bit_SSSE3))
        return false;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return false;
    return (b >> 29) & 1; /* SHA */
}
#endif

/* -1 until asked, then whether blocks_hw is used (sha256_hw). */
static atomic_int use_hw = -1;

int sha256_hw(int on)
{
#if SHA256_HW
    return atomic_exchange(&use_hw, on && hw_present());
#else
    (void)on;
    return atomic_exchange(&use_hw, 0);
#endif
}

static void blocks(uint32_t h[8], const uint8_t *p, size_t n)
{
#if SHA256_HW
    int hw = atomic_load_explicit(&use_hw, memory_order_relaxed);
    if (hw < 0) { /* the same answer in every thread: no harm in a race */
        hw = hw_present();
        atomic_store_explicit(&use_hw, hw, memory_order_relaxed);
    }
    if (hw) {
        blocks_hw(h, p, n);
        return;
    }
#endif
    blocks_c(h, p, n);
}

void sha256_init(struct sha256 *s)
{
    static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372,
                                   0xa54ff53a, 0x510e527f, 0x9b05688c,
                                   0x1f83d9ab, 0x5be0cd19};
    memcpy(s->h, h0, sizeof h0);
    s->len = 0;
    s->n = 0;
}

void sha256_update(struct sha256 *s, const void *data, size_t len)
{
    const uint8_t *p = data;
    s->len += len;
    if (s->n) { /* fill the block begun */
        size_t k = 64 - s->n < len ? 64 - s->n : len;
        memcpy(s->buf + s->n, p, k);
        s->n += k;
        p += k;
        len -= k;
        if (s->n < 64)
            return;
        blocks(s->h, s->buf, 1);
        s->n = 0;
    }
    if (len >= 64) { /* whole blocks straight from the data */
        blocks(s->h, p, len / 64);
        p += len / 64 * 64;
        len %= 64;
    }
    memcpy(s->buf, p, len);
    s->n = len;
}

void sha256_hex(struct sha256 *s, char out[65])
{
    uint64_t bits = s->len * 8;
    uint8_t pad = 0x80, zero = 0, len[8];
    sha256_update(s, &pad, 1);
    while (s->n != 56)
        sha256_update(s, &zero, 1);
    for (int i = 0; i < 8; i++)
        len[i] = (uint8_t)(bits >> (56 - 8 * i));
    sha256_update(s, len, 8);
    for (int i = 0; i < 8; i++)
        snprintf(out + 8 * i, 9, "%08x", (unsigned)s->h[i]);
}
