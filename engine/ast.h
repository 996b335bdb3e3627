#ifndef ENGINE_AST_H
#define ENGINE_AST_H

#include <stdbool.h>

#include "engine/date.h"
#include "engine/num.h"
#include "engine/source.h"
#include "engine/wexpr.h"

struct arena;

/* The syntax tree of one file, built by the parser in the file's arena. */

struct ast_name { /* a name, an option, a rule ID or a citation */
    struct ast_name *next;
    struct ast_name *last; /* on a list's head: its last node, or NULL */
    const char *text;
    struct src_loc loc;
    bool prefix; /* overrides T*: matches every rule ID starting with text */
};

struct ast_expr {
    enum ast_op op;
    struct src_loc loc;
    struct ast_expr *l, *r; /* operands (unary: l) */
    const char *text;       /* OP_NAME, OP_STR */
    struct num num;         /* OP_NUM */
    int date;               /* OP_DATE: a day number (ast_date) */
    bool b;                 /* OP_BOOL */
    struct ast_name *items; /* OP_SET */
    int depth;              /* of the tree below, for the nesting limit */
};

/* Deepest condition tree the checker and evaluator accept. */
#define AST_MAX_DEPTH 1000

enum ast_vkind {
    VAL_BOOL,
    VAL_NUM,
    VAL_DATE,
    VAL_STR,
    VAL_NAME,
    VAL_SET,
    VAL_UNKNOWN
};

struct ast_value { /* a value in a case, a given, or a fact default */
    enum ast_vkind kind;
    struct src_loc loc;
    bool b;
    struct num num;
    int date;
    const char *text;       /* VAL_STR, VAL_NAME */
    struct ast_name *items; /* VAL_SET */
};

enum ast_tkind { TY_BOOL, TY_NUMBER, TY_TEXT, TY_DATE, TY_ONE_OF, TY_SET_OF };

struct ast_type {
    enum ast_tkind kind;
    struct src_loc loc;
    const char *unit;         /* number 萬元 */
    struct ast_name *options; /* one of / set of */
};

enum ast_dkind {
    DECL_FACT,
    DECL_CONCLUSION,
    DECL_LIST,
    DECL_RULE,
    DECL_VERDICT,
    DECL_MEASURE,
    DECL_INVARIANT /* a bottom line (LANGUAGE.md §10): its title in name */
};

struct ast_vline { /* one line of the verdict table */
    struct ast_vline *next;
    struct ast_name name;
    struct ast_expr *when; /* NULL: otherwise */
    struct src_loc loc;
};

enum ast_action { ACT_DECLARE, ACT_AMEND, ACT_REPEAL };

struct ast_decl {
    struct ast_decl *next;
    enum ast_dkind kind;
    enum ast_action action; /* amend/repeal: of a rule, measure, verdict */
    const struct ast_decl *amends; /* after layering: the base declaration
                                      this one replaced, or NULL */
    struct ast_name name;          /* fact/conclusion/list/rule/measure ID */
    struct src_loc loc;            /* the keyword */
    const char *title;      /* rule/measure/verdict title, descriptions */
    struct ast_type type;   /* DECL_FACT */
    struct ast_value *dflt; /* DECL_FACT default, or NULL */
    struct ast_name *items; /* DECL_LIST members */
    struct ast_name *cites; /* DECL_RULE, DECL_MEASURE */
    struct ast_expr *when;
    struct src_loc when_loc;
    int nwhen; /* clauses seen, to report duplicates */
    struct ast_name *then;
    struct ast_name *overrides;
    struct ast_name because;    /* text NULL when absent */
    struct ast_vline *lines;    /* DECL_VERDICT */
    struct ast_expect *expects; /* DECL_INVARIANT, in source order */
};

struct ast_repeal { /* a base declaration that a variant repealed */
    struct ast_repeal *next;
    const struct ast_decl *decl; /* the repealed declaration */
    const struct ast_decl *by;   /* the repeal */
};

struct ast_assign { /* 名稱 = 值 inside a case */
    struct ast_assign *next;
    struct ast_name name;
    struct ast_value *value;
};

struct ast_case {
    struct ast_case *next;
    struct ast_name id;
    const char *title;
    struct src_loc loc;
    struct ast_assign *facts, *facts_tail;
    bool broken; /* a syntax error inside it */
};

enum ast_ekind {
    EX_VERDICT,
    EX_MEASURE,
    EX_NOT_MEASURE,
    EX_FIRED,
    EX_NOT_FIRED,
    EX_UNDETERMINED,
    EX_NOT_VERDICT,
    EX_NOT_UNDETERMINED
};

struct ast_expect { /* one expectation of a test or a bottom line */
    struct ast_expect *next;
    enum ast_ekind kind;
    struct src_loc loc;
    struct ast_name name;     /* verdict, measure or rule */
    struct ast_name *missing; /* expect undetermined missing …, */
    bool has_missing;
};

struct ast_test { /* test "name" { given … expect … } (LANGUAGE.md §6) */
    struct ast_test *next;
    const char *name;
    struct src_loc loc;
    struct ast_case *given;     /* given { … } */
    struct ast_name given_file; /* given case "FILE" ["ID"] */
    struct ast_name given_id;
    int ngiven;
    struct ast_expect *expects;
};

struct ast_file {
    const struct source *src;
    const char *policy, *version;
    struct src_loc policy_loc;
    struct ast_decl *decls, *decls_tail;
    struct ast_case *cases, *cases_tail;
    struct ast_test *tests, *tests_tail;
    int keyword_lang[4]; /* keyword spellings seen, by enum lang */
    const char *extends; /* the base file, as written */
    struct src_loc extends_loc;
    struct ast_file *base;       /* loaded by the layering (engine/layer.c) */
    struct ast_repeal *repealed; /* after layering: what variants removed */
};

struct ast_expr *ast_expr(struct arena *a, enum ast_op op,
                          const struct src_loc *loc, struct ast_expr *l,
                          struct ast_expr *r);
struct ast_name *ast_name(struct arena *a, const char *text,
                          const struct src_loc *loc);
/* Append list b to list a (either may be NULL); returns the head. The head
 * remembers its last node, so building a list is linear. */
struct ast_name *ast_names_append(struct ast_name *a, struct ast_name *b);
struct ast_value *ast_value(struct arena *a, enum ast_vkind k,
                            const struct src_loc *loc);
struct ast_decl *ast_decl(struct arena *a, enum ast_dkind k,
                          const struct src_loc *loc);
void ast_add_decl(struct ast_file *f, struct ast_decl *d);
void ast_add_case(struct ast_file *f, struct ast_case *c);

#endif
