#ifndef ENGINE_LIMITS_H
#define ENGINE_LIMITS_H

/*
 * Limits on input, so that no input makes Rongcuo recurse, allocate or
 * work without bound. Each is documented in docs/language.md and has a
 * test; going past one is an error at the place where it happens.
 */

#define LIMIT_FILE_BYTES   (64L * 1024 * 1024) /* a rule or case file */
#define LIMIT_LINE_BYTES   (1L * 1024 * 1024)  /* one JSON Lines case */
#define LIMIT_NAME_BYTES   1024                /* a name or rule ID */
#define LIMIT_STRING_BYTES 65536               /* a string literal */
#define LIMIT_DECLS        250000              /* declarations in a rule set */
#define LIMIT_ERRORS       100                 /* errors kept per file */
#define LIMIT_OVERRIDES    1000000 /* rule-overrides-rule pairs in a set */
#define LIMIT_NUM_DIGITS   1000    /* digits of a number as written */
#define LIMIT_NUM_EXPONENT 1000    /* |e| of a JSON number's exponent */
/* The numerator and the denominator of any number, read or computed, have
 * at most this many bits (about 9,864 decimal digits). */
#define LIMIT_NUM_BITS 32768
/* The numbers past 64 bits computed for one case take at most this much
 * memory (about 2000 of the largest); past it, arithmetic is an error. */
#define LIMIT_NUM_CASE_BYTES (16L * 1024 * 1024)
/* Also: conditions nest at most AST_MAX_DEPTH (engine/ast.h) levels,
 * extends goes at most LAYER_MAX_DEPTH (engine/layer.h) files deep, a fact
 * has at most 64 options and a verdict table at most 64 verdicts. */

#endif
