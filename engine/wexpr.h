#ifndef ENGINE_WEXPR_H
#define ENGINE_WEXPR_H

#include <stdbool.h>

#include "engine/num.h"
#include "engine/source.h"

/* The operators of a condition as written (the syntax tree's too). */
enum ast_op {
    OP_NAME,
    OP_NUM,
    OP_DATE,
    OP_STR,
    OP_BOOL,
    OP_SET,
    OP_VERDICT,
    OP_NOT,
    OP_AND,
    OP_OR,
    OP_EQ,
    OP_NE,
    OP_LT,
    OP_LE,
    OP_GT,
    OP_GE,
    OP_ADD,
    OP_SUB,
    OP_MUL,
    OP_DIV,
    OP_NEG,
    OP_IN,
    OP_CONTAINS,
    OP_CONTAINS_ANY,
    OP_KNOWN
};

/* A condition as written, kept in the compiled plan so that the trace and
 * `show` print it (engine/show.h show_expr) without the syntax tree. */
struct wexpr {
    enum ast_op op;
    struct src_loc loc;
    const struct wexpr *l, *r; /* operands (unary: l) */
    const char *text;          /* OP_NAME, OP_STR */
    struct num num;            /* OP_NUM */
    int date;                  /* OP_DATE: a day number */
    bool b;                    /* OP_BOOL */
    const char *const *items;  /* OP_SET: the options, nitems of them */
    int nitems;
};

#endif
