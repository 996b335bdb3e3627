#ifndef ENGINE_PLAN_H
#define ENGINE_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/diag.h"
#include "engine/lang.h"
#include "engine/names.h"
#include "engine/num.h"
#include "engine/source.h"
#include "engine/wexpr.h"

struct ast_file;
struct expect_info;
struct show_info;
struct test_info;

/*
 * The checked, compiled rule set. Facts live in numbered slots, options are
 * small integers, conditions are node arrays that refer to slots and to
 * other nodes by index: evaluating a case never looks up a name or compares
 * a name string.
 */

enum vtype {
    VT_BOOL,
    VT_NUM,
    VT_TEXT,
    VT_DATE,
    VT_SYM,
    VT_SET,
    VT_VERDICT,
    VT_LIST,
    VT_ERR
};

/* Three-valued truth (Kleene). */
enum tv { TV_FALSE = 0, TV_TRUE = 1, TV_UNKNOWN = 2 };

struct domain { /* the options of a one-of or set-of fact (at most 64) */
    int n;
    const char **names;
};

struct value {
    bool known;
    bool err; /* an evaluation error (u.sym: enum eval_error) */
    union {
        bool b;
        struct num num;
        int date;
        int sym;      /* index in the domain */
        uint64_t set; /* bit i: option i */
        const char *text;
    } u;
};

enum cop {
    C_FACT,
    C_CONCL,
    C_CONST,
    C_VERDICT,
    C_NOT,
    C_AND,
    C_OR,
    C_EQ,
    C_NE,
    C_LT,
    C_LE,
    C_GT,
    C_GE,
    C_ADD,
    C_SUB,
    C_MUL,
    C_DIV,
    C_NEG,
    C_DADD,
    C_DSUB,
    C_DDIFF, /* date ± days, date - date */
    C_IN,
    C_HAS_ALL,
    C_HAS_ANY,
    C_KNOWN
};

struct cnode {
    enum cop op;
    enum vtype type;       /* of the result; operand type for comparisons */
    int a, b;              /* operand nodes; C_FACT/C_CONCL: the slot */
    struct value k;        /* C_CONST; C_IN/C_HAS_*: the mask in k.u.set */
    const struct wexpr *x; /* as written: for the trace, and error places */
};

/* What evaluating a node reads, packed, in an array of its own: op and
 * type as in struct cnode, a and b its operands (or slot), k the index of
 * its constant (C_CONST's value, C_IN's and C_HAS_*'s mask) in
 * plan.consts, or -1. The rest of struct cnode is for the trace. */
struct enode {
    uint8_t op, type;
    int a, b, k;
};

enum fact_origin { FROM_ABSENT, FROM_DEFAULT, FROM_CASE };

struct fact_info {
    const char *name, *desc, *unit;
    struct src_loc loc;
    enum vtype type;
    const struct domain *dom;
    bool has_default;
    struct value dflt;
};

struct repeal_info {   /* a repealed rule that concluded a conclusion */
    const char *rule;  /* its ID */
    struct src_loc by; /* the repeal */
};

struct concl_info {
    const char *name, *desc;
    struct src_loc loc;
    int *rules, nrules;          /* rules that conclude it */
    struct repeal_info *repeals; /* repealed rules that concluded it */
    int nrepeals;
};

struct text_part { /* a piece of a because text: literal, or {name} */
    const char *lit;
    int fact, concl; /* -1 when not a reference */
};

struct rule_info {
    const char *id, *title;
    struct src_loc loc;
    const struct src_loc *amends; /* the base rule this one replaced */
    const char **cites;
    int ncites;
    int cond;               /* node */
    int *concls, nconcls;   /* then */
    int *overriders, nover; /* rules that override this one */
    int *facts, nfacts;     /* facts its condition reads, in order */
    struct text_part *because;
    int nbecause;
};

struct vline_info {
    int verdict; /* index in plan.verdicts */
    int cond;    /* node, or -1 for otherwise */
    struct src_loc loc;
};

struct measure_info {
    const char *id, *title;
    struct src_loc loc;
    const struct src_loc *amends;
    const char **cites;
    int ncites;
    int cond;
    struct text_part *because;
    int nbecause;
};

/* A bottom line (LANGUAGE.md §10): for every case in which cond holds,
 * every expectation holds. Its expectations are those of tests
 * (engine/plan_tests.h) without fired and missing: EXPECT_VERDICT,
 * EXPECT_NOT_VERDICT (index in verdicts), EXPECT_MEASURE,
 * EXPECT_NOT_MEASURE (index in measures; -1 for a measure that a variant
 * repealed, never attached, so that expect not measure always holds),
 * EXPECT_UNDETERMINED, EXPECT_NOT_UNDETERMINED (index -1). cond is
 * boolean and may read the verdict (C_VERDICT), as a measure's condition
 * does: `when verdict == 容錯免責` holds only for a case decided so. An
 * undetermined case violates expect verdict V, not expect not verdict V;
 * a case decided with no verdict (no line applied, no otherwise) has
 * verdict -1. loc is the title's, in the file that declares it. */
struct invariant_info {
    const char *title; /* as written, without quotes */
    struct src_loc loc;
    int cond; /* node: the when condition */
    const struct expect_info *expects;
    int nexpects;
};

/* What the evaluator computes, in order: a rule's condition or a
 * conclusion, with what evaluating it reads (so that the walk does not
 * touch rule_info and concl_info): a rule's condition node; a
 * conclusion's rules. */
struct step {
    bool concl;
    int index;
    int cond;         /* a rule's */
    const int *rules; /* a conclusion's, nrules of them */
    int nrules;
};

/* A name as the one-pass JSON reader compares it (jsonl_fast.c):
 * its bytes, their number and the UTF-8 continuation bytes among them
 * (which take no column). */
struct key_text {
    const char *s;
    uint32_t len, cont;
};

/* A fact's name and its options (one of, set of) as key_texts. */
struct fact_key {
    struct key_text name;
    const struct key_text *opts; /* nopts of them, in domain order */
    int nopts;
};

/* The fact names as keys, and a table that finds one by its bytes:
 * slot[hash & mask] is 1 + a fact whose name may be them, or 0 (linear
 * probing; jsonl_fast.c). */
struct fact_keys {
    struct fact_key *facts; /* one per fact */
    int *slot;
    unsigned mask;
};

/* The shared namespace of facts, conclusions and lists maps a name to
 * NS_VAL(kind, index). */
enum ns_kind { NS_FACT, NS_CONCL, NS_LIST };
#define NS_VAL(kind, i) ((int)(kind) << 24 | (i))
#define NS_KIND(v)      ((enum ns_kind)((v) >> 24))
#define NS_INDEX(v)     ((v)&0xFFFFFF)

struct plan {
    const char *policy, *version;
    char sha256[65]; /* of every file of the rule set, bases
                        first: stamps every result */
    struct names ns;
    struct names rule_ids, measure_ids; /* index in rules, in measures */
    const struct source *src;
    enum lang lang; /* keyword language of the rule file */
    bool plain;     /* no title, description, citation or because text
                       needs escaping (sb_plain): traces copy them as
                       they are */
    struct fact_info *facts;
    int nfacts;
    const struct fact_keys *keys; /* jsonl_fast_keys */
    /* a case's slots before it gives a fact, defaults applied: nfacts of
       each (cases_blank) */
    const struct value *blank_vals;
    const enum fact_origin *blank_origin;
    struct concl_info *concls;
    int nconcls;
    struct rule_info *rules;
    int nrules;
    struct domain verdicts; /* verdict names, first use order */
    const char *verdict_title;
    struct src_loc verdict_loc;
    const struct src_loc *verdict_amends;
    const struct show_info *show; /* the declarations as written, for
                                     `show` (engine/plan_show.h) */
    struct vline_info *lines;
    int nlines;
    struct measure_info *measures;
    int nmeasures;
    struct cnode *nodes;
    int nnodes;
    struct enode *enodes; /* nnodes of them: what evaluating reads */
    int *nover;           /* per rule: rules[i].nover */
    struct value *consts; /* the constants of enodes */
    struct step *order;   /* dependency order */
    int norder;
    struct invariant_info *invariants; /* of every file of the rule set,
                                          bases first: a variant cannot
                                          amend or repeal them */
    int ninvariants;
    struct test_info *tests; /* of the top file (LANGUAGE.md §6);
                                engine/plan_tests.h */
    int ntests;
};

/* Check a parsed rule file and compile it into a plan (in the arena).
 * Returns NULL when the file has errors; every error goes to dl. The plan
 * keeps all that evaluating, tracing, testing and `show` need: none of
 * them reads the syntax tree. */
struct plan *check_file(struct arena *a, struct diag_list *dl,
                        const struct ast_file *file);

/* Index of the fact called name[0..len), or -1. */
int plan_fact(const struct plan *p, const char *name, size_t len);
/* Index of option name in dom, or -1. */
int plan_option(const struct domain *dom, const char *name);
/* Index of option name in dom; otherwise -1 after an error at loc,
 * "'name' is not an option of owner", with the nearest option and the
 * list of options as a hint. */
int plan_option_at(struct diag_list *dl, const struct domain *dom,
                   const char *name, const struct src_loc *loc,
                   const char *owner);

#endif
