#ifndef ENGINE_NUM_H
#define ENGINE_NUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Exact numbers: a reduced fraction n/d with d > 0. Decimals such as 12.50
 * are exact (25/2), so 0.1 + 0.2 == 0.3 holds, as money needs. Operations
 * report overflow instead of rounding.
 */
struct num {
    int64_t n, d;
};

enum num_status { NUM_OK, NUM_OVERFLOW, NUM_DIV_ZERO, NUM_SYNTAX };

/* Parse [-]digits[.digits][e[+-]digits] (JSON numbers included). */
enum num_status num_parse(const char *s, size_t len, struct num *out);
enum num_status num_add(struct num a, struct num b, struct num *out);
enum num_status num_sub(struct num a, struct num b, struct num *out);
enum num_status num_mul(struct num a, struct num b, struct num *out);
enum num_status num_div(struct num a, struct num b, struct num *out);
struct num num_neg(struct num a); /* callers keep |n| < INT64_MAX */
/* -1, 0, 1; exact. */
int num_cmp(struct num a, struct num b);
/* Decimal text when the fraction terminates (12.5), else n/d. Returns the
 * length written (buf of at least 48 bytes). */
int num_format(struct num a, char *buf, size_t size);

#endif
