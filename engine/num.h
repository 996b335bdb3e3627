#ifndef ENGINE_NUM_H
#define ENGINE_NUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct sbuf;

/*
 * Exact numbers of any size, up to generous limits (engine/limits.h):
 * rationals, so that decimals such as 12.50 are exact (25/2), 0.1 + 0.2 ==
 * 0.3 holds, as money needs, and nothing is ever rounded.
 *
 * A value that fits (the usual case) is a reduced fraction n/d of 64-bit
 * integers with d > 0 and n > INT64_MIN, computed without any allocation.
 * A value that does not fit is "big": a GMP rational copied into an arena,
 * immutable, shared by every copy of the struct; then d is 0 (positive) or
 * -1 (negative) and n holds the address of its magnitude. A value is big
 * only when it does not fit, so each value has one form. A big value lives
 * as long as the arena it was made in, like a string.
 *
 * The operations that may make a big value take the arena to make it in.
 * A result past LIMIT_NUM_BITS is NUM_OVERFLOW, never a rounded value.
 * Out of memory in an arena goes the arena_protect way (arena.h); GMP's own
 * temporaries come from malloc, and GMP aborts the process when malloc
 * fails there (they are at most a few times LIMIT_NUM_BITS in size).
 */
struct num {
    int64_t n, d;
};

enum num_status { NUM_OK, NUM_OVERFLOW, NUM_DIV_ZERO, NUM_SYNTAX };

/* Parse [-+]digits[.digits][(e|E)[-+]digits] (JSON numbers included):
 * NUM_SYNTAX when s[0..len) is not that, NUM_OVERFLOW past
 * LIMIT_NUM_DIGITS digits or an exponent past LIMIT_NUM_EXPONENT. */
enum num_status num_parse(struct arena *a, const char *s, size_t len,
                          struct num *out);
enum num_status num_add(struct arena *a, struct num x, struct num y,
                        struct num *out);
enum num_status num_sub(struct arena *a, struct num x, struct num y,
                        struct num *out);
enum num_status num_mul(struct arena *a, struct num x, struct num y,
                        struct num *out);
enum num_status num_div(struct arena *a, struct num x, struct num y,
                        struct num *out);
/* -x; never allocates (a big value shares its magnitude). */
struct num num_neg(struct num x);
/* -1, 0, 1; exact. */
int num_cmp(struct num x, struct num y);
/* Whether x is big (for tests and limits; the value does not depend on
 * the form). */
bool num_is_big(struct num x);
/* x with its big form (if any) copied out of its arena into memory of its
 * own, for a value kept across arena resets; num_release frees it. */
struct num num_keep(struct num x);
void num_release(struct num x);
/* Whether x has a finite decimal expansion (its denominator is 2^a 5^b). */
bool num_is_decimal(struct num x);
/* Append x exactly: as a decimal when it has one (12.5, -0.001, 3), else
 * as the reduced fraction n/d (1/3, -7/6). Never rounded, never cut. */
void num_print(struct sbuf *out, struct num x);
/* The same in JSON: a decimal as a JSON number, a fraction as a JSON
 * string ("1/3"). */
void num_print_json(struct sbuf *out, struct num x);

#endif
