#include "engine/jsonl_fast.h"

#include <stdint.h>
#include <string.h>

#include "engine/arena.h"
#include "engine/ast.h"
#include "engine/diag.h"
#include "engine/num.h"
#include "engine/source.h"

/*
 * The one-pass reader of a common JSON line (jsonl_fast.h). It never
 * reports: whatever it does not take as it stands (an escape, a control
 * byte, a malformed or overlong UTF-8 sequence, a key the plan does not
 * have, a fact given twice, a value of the wrong type, a nested object,
 * whitespace other than space and tab, anything after the object) makes
 * it give up, and engine/jsonl.c reads the line again with yajl.
 */

struct scan {
    const char *t;
    size_t n, i; /* the line, and where the scan stands */
    size_t cont; /* UTF-8 continuation bytes in t[0..i): no columns */
    struct arena *a;
    const struct plan *p;
    const struct source *src;
    struct case_facts *cf;
    struct diag_list scratch; /* cases_convert's, never shown */
    int prev;                 /* the fact given last, or -1 */
};

/* The fact that came after fact f (-1: at the start) in the last line this
 * thread read, plus one, at [(f + 1) % 256]: lines of a register give
 * their facts in one order, so the next key is guessed and checked with
 * one comparison, not looked up. A wrong guess only costs the lookup. */
static _Thread_local int after[256];

/* A token: bytes [from, to), and its first and last column. */
struct tok {
    size_t from, to;
    int col, endcol;
};

/* Spaces and tabs, passed. The text ends in a NUL (jsonl_fast.h), which
 * ends the loop: no comparison with the length. */
static inline void skip_ws(struct scan *s)
{
    const char *t = s->t;
    size_t i = s->i;
    while (t[i] == ' ' || t[i] == '\t')
        i++;
    s->i = i;
}

/* Whether the next byte (after spaces) is c, never NUL; it is then
 * passed. */
static inline bool take(struct scan *s, char c)
{
    skip_ws(s);
    if (s->t[s->i] == c) {
        s->i++;
        return true;
    }
    return false;
}

/* The column of byte off, with cont continuation bytes before it. */
static int col(size_t off, size_t cont)
{
    return (int)(off - cont) + 1;
}

/* The length of the well-formed UTF-8 sequence at u[0..left), or 0. */
static size_t utf8_len(const unsigned char *u, size_t left)
{
    unsigned c = u[0];
    size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c < 0xC2 || c > 0xF4 || left < k)
        return 0;
    for (size_t j = 1; j < k; j++)
        if ((u[j] & 0xC0) != 0x80)
            return 0;
    unsigned c1 = u[1];
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) ||
        (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
        return 0;
    return k;
}

/* A string without escapes at the scan (after spaces): its bytes inside
 * the quotes are [tk->from + 1, tk->to - 1). */
static bool string(struct scan *s, struct tok *tk)
{
    skip_ws(s);
    if (s->i >= s->n || s->t[s->i] != '"')
        return false;
    tk->from = s->i;
    tk->col = col(s->i, s->cont);
    const unsigned char *u = (const unsigned char *)s->t;
    size_t i = s->i + 1;
    for (;;) {
        while (i < s->n && u[i] >= 0x20 && u[i] < 0x80 && u[i] != '"' &&
               u[i] != '\\')
            i++; /* the ASCII run */
        if (i >= s->n || u[i] < 0x20 || u[i] == '\\')
            return false;
        if (u[i] == '"')
            break;
        size_t k = utf8_len(u + i, s->n - i);
        if (k == 0)
            return false;
        i += k;
        s->cont += k - 1;
    }
    s->i = tk->to = i + 1;
    tk->endcol = col(s->i, s->cont);
    return true;
}

/* Whether c may follow a number, true, false or null. */
static inline bool delim(const struct scan *s)
{
    if (s->i >= s->n)
        return true;
    char c = s->t[s->i];
    return c == ' ' || c == '\t' || c == ',' || c == '}' || c == ']';
}

static size_t digits(const struct scan *s, size_t i)
{
    while (i < s->n && s->t[i] >= '0' && s->t[i] <= '9')
        i++;
    return i;
}

/* A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool number(struct scan *s, struct tok *tk)
{
    size_t i = s->i, d;
    if (i < s->n && s->t[i] == '-')
        i++;
    if (i < s->n && s->t[i] == '0')
        i++;
    else if ((d = digits(s, i)) > i)
        i = d;
    else
        return false;
    if (i < s->n && s->t[i] == '.') {
        if ((d = digits(s, i + 1)) == i + 1)
            return false;
        i = d;
    }
    if (i < s->n && (s->t[i] == 'e' || s->t[i] == 'E')) {
        i++;
        if (i < s->n && (s->t[i] == '+' || s->t[i] == '-'))
            i++;
        if ((d = digits(s, i)) == i)
            return false;
        i = d;
    }
    tk->from = s->i;
    s->i = tk->to = i;
    return delim(s);
}

/* true, false or null: the word w. */
static bool word(struct scan *s, const char *w, size_t len)
{
    if (s->n - s->i < len || memcmp(s->t + s->i, w, len) != 0)
        return false;
    s->i += len;
    return delim(s);
}

static struct src_loc loc_of(const struct scan *s, const struct tok *tk)
{
    int line = s->src->first_line;
    return (struct src_loc){s->src, line, tk->col, line, tk->endcol};
}

/* Whether a[0..n) is b[0..n): eight bytes at a time, the last word
 * overlapping the one before (names are short: no call to memcmp). */
static inline bool bytes_eq(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    uint32_t u, v;
    if (n >= 8) {
        for (size_t j = 0; j + 8 < n; j += 8) {
            memcpy(&x, a + j, 8);
            memcpy(&y, b + j, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        memcpy(&u, a, 4);
        memcpy(&v, b, 4);
        if (u != v)
            return false;
        memcpy(&u, a + n - 4, 4);
        memcpy(&v, b + n - 4, 4);
        return u == v;
    }
    for (size_t j = 0; j < n; j++)
        if (a[j] != b[j])
            return false;
    return true;
}

/* Whether the string at the scan is k, quotes and all: then passed, its
 * place in *tk. */
static inline bool quoted(struct scan *s, const struct key_text *k,
                          struct tok *tk)
{
    size_t at = s->i, len = k->len;
    const char *t = s->t + at;
    if (s->n - at < len + 2 || t[0] != '"' || t[len + 1] != '"' ||
        !bytes_eq(t + 1, k->s, len))
        return false;
    size_t cont = s->cont;
    tk->from = at;
    tk->col = col(at, cont);
    s->cont = cont += k->cont;
    s->i = tk->to = at + len + 2;
    tk->endcol = col(at + len + 2, cont);
    return true;
}

/* The key at the scan when it is the name of fact i. */
static bool guessed(struct scan *s, int i, struct tok *key)
{
    return i >= 0 && i < s->p->nfacts &&
           quoted(s, &s->p->keys->facts[i].name, key);
}

/* The option of fact k spelt as the string at the scan, which is passed,
 * or -1. Two options of a domain are never one name in two scripts
 * (names_option_clash), so this is the one plan_option would find. */
static int option(struct scan *s, const struct fact_key *k, struct tok *tk)
{
    skip_ws(s);
    for (int o = 0; o < k->nopts; o++)
        if (quoted(s, &k->opts[o], tk))
            return o;
    return -1;
}

/* A scalar value (after spaces) as a case value, in v. */
static bool scalar(struct scan *s, struct ast_value *v)
{
    skip_ws(s);
    if (s->i >= s->n)
        return false;
    struct tok tk = {s->i, s->i, col(s->i, s->cont), 0};
    char c = s->t[s->i];
    *v = (struct ast_value){.kind = VAL_UNKNOWN};
    if (c == '"') {
        if (!string(s, &tk))
            return false;
        v->kind = VAL_STR;
        v->text = arena_strndup(s->a, s->t + tk.from + 1, tk.to - tk.from - 2);
    } else if (c == 't' || c == 'f' || c == 'n') {
        const char *w = c == 't' ? "true" : c == 'f' ? "false" : "null";
        if (!word(s, w, strlen(w)))
            return false;
        v->kind = c == 'n' ? VAL_UNKNOWN : VAL_BOOL;
        v->b = c == 't';
    } else {
        if (!number(s, &tk))
            return false;
        v->kind = VAL_NUM;
        v->text = arena_strndup(s->a, s->t + tk.from, tk.to - tk.from);
        if (num_parse(s->a, v->text, tk.to - tk.from, &v->num) != NUM_OK)
            return false;
    }
    tk.endcol = col(s->i, s->cont); /* no continuation bytes outside */
    v->loc = loc_of(s, &tk);
    return true;
}

/* The list of options of set fact i, given at key. */
static bool set_value(struct scan *s, int i, const struct tok *key)
{
    const struct fact_info *f = &s->p->facts[i];
    const struct fact_key *fk = &s->p->keys->facts[i];
    struct value *val = &s->cf->vals[i];
    val->known = true;
    val->u.set = 0;
    if (!take(s, ']')) {
        do {
            struct ast_value v;
            struct value one;
            struct tok tk;
            int k = option(s, fk, &tk);
            if (k >= 0)
                val->u.set |= (uint64_t)1 << k;
            else if (!scalar(s, &v) || v.kind != VAL_STR ||
                     !cases_convert(s->a, &s->scratch, f, &v, &one))
                return false;
            else
                val->u.set |= one.u.set;
        } while (take(s, ','));
        if (!take(s, ']'))
            return false;
    }
    s->cf->origin[i] = FROM_CASE;
    s->cf->locs[i] = loc_of(s, key);
    return true;
}

/* The table slot of a key of n bytes at t: its length and its first,
 * middle and last bytes. */
static unsigned key_hash(const char *t, size_t n)
{
    const unsigned char *u = (const unsigned char *)t;
    unsigned h = (unsigned)n * 2654435761u;
    h ^= u[0] * 40503u + u[n / 2] * 97u + u[n - 1];
    return h ^ h >> 9;
}

/* The fact whose name is the string at the scan, as the table finds it
 * (then passed, its place in *key), or -1: not there as it is spelt. */
static int key_find(struct scan *s, struct tok *key)
{
    const struct fact_keys *k = s->p->keys;
    const char *t = s->t + s->i + 1, *q;
    if (s->i >= s->n || t[-1] != '"' ||
        !(q = memchr(t, '"', s->n - s->i - 1)) || q == t)
        return -1;
    size_t n = (size_t)(q - t);
    for (unsigned h = key_hash(t, n) & k->mask; k->slot[h];
         h = (h + 1) & k->mask) {
        int i = k->slot[h] - 1;
        if (k->facts[i].name.len == n && quoted(s, &k->facts[i].name, key))
            return i;
    }
    return -1;
}

/* The fact whose name is the key at the scan, or -1. */
static int fact_key(struct scan *s, struct tok *key)
{
    skip_ws(s);
    unsigned slot = (unsigned)(s->prev + 1) & 255;
    int i = after[slot] - 1;
    if (!guessed(s, i, key) && /* or one was left out: the one after */
        !(i >= 0 && guessed(s, i = after[(unsigned)(i + 1) & 255] - 1, key)) &&
        (i = key_find(s, key)) < 0) {
        if (!string(s, key))
            return -1;
        i = plan_fact(s->p, s->t + key->from + 1, key->to - key->from - 2);
    }
    if (i >= 0) {
        after[slot] = i + 1;
        s->prev = i;
    }
    return i;
}

/* A value true, false or null for fact i at the scan, straight into its
 * slot as scalar() and cases_convert() would put it: 1; 0 when the value
 * is another (nothing passed); -1 when it cannot be taken. */
static int word_value(struct scan *s, int i)
{
    const char *t = s->t + s->i;
    char c = *t;
    size_t len = c == 'f' ? 5 : 4, from = s->i;
    if (c != 't' && c != 'f' && c != 'n')
        return 0;
    if ((c != 'n' && s->p->facts[i].type != VT_BOOL) || s->n - from < len ||
        (c == 't'   ? memcmp(t, "true", 4)
         : c == 'f' ? memcmp(t, "false", 5)
                    : memcmp(t, "null", 4)) != 0)
        return -1;
    s->i += len;
    if (!delim(s))
        return -1;
    int line = s->src->first_line;
    s->cf->vals[i] = c == 'n' ? (struct value){0}
                              : (struct value){.known = true, .u.b = c == 't'};
    s->cf->origin[i] = FROM_CASE;
    s->cf->locs[i] = (struct src_loc){s->src, line, col(from, s->cont), line,
                                      col(s->i, s->cont)};
    return 1;
}

/* One "fact": value of the facts object. */
static bool fact(struct scan *s)
{
    struct tok key;
    int i = fact_key(s, &key);
    if (i < 0 || !take(s, ':') || s->cf->origin[i] == FROM_CASE)
        return false; /* unknown, or given twice: reported by yajl's path */
    skip_ws(s);
    if (s->i >= s->n)
        return false;
    int w = word_value(s, i);
    if (w)
        return w > 0;
    if (s->t[s->i] == '[') {
        s->i++;
        return s->p->facts[i].type == VT_SET && set_value(s, i, &key);
    }
    struct tok tk; /* one of: an option as it is spelt */
    int k = s->p->facts[i].type == VT_SYM
                ? option(s, &s->p->keys->facts[i], &tk)
                : -1;
    if (k >= 0) {
        s->cf->vals[i] = (struct value){.known = true, .u.sym = k};
        s->cf->origin[i] = FROM_CASE;
        s->cf->locs[i] = loc_of(s, &tk);
        return true;
    }
    struct ast_value v;
    struct value val;
    if (!scalar(s, &v) ||
        !cases_convert(s->a, &s->scratch, &s->p->facts[i], &v, &val))
        return false;
    s->cf->vals[i] = val;
    s->cf->origin[i] = FROM_CASE;
    s->cf->locs[i] = v.loc;
    return true;
}

static bool facts(struct scan *s)
{
    if (!take(s, '{'))
        return false;
    if (take(s, '}'))
        return true;
    do {
        if (!fact(s))
            return false;
    } while (take(s, ','));
    return take(s, '}');
}

/* One member of the case object; seen: the fields given so far. */
static bool member(struct scan *s, unsigned *seen)
{
    static const struct key_text names[3] = {
        {"id", 2, 0}, {"title", 5, 0}, {"facts", 5, 0}};
    struct tok key;
    unsigned bit = 0;
    skip_ws(s);
    for (unsigned k = 0; k < 3 && !bit; k++)
        if (quoted(s, &names[k], &key))
            bit = 1u << k;
    if (!bit || !take(s, ':') || (*seen & bit))
        return false;
    *seen |= bit;
    if (bit == 4)
        return facts(s);
    skip_ws(s);
    if (s->i < s->n && s->t[s->i] == '"') { /* the ID or title as text */
        struct tok tk;
        if (!string(s, &tk))
            return false;
        char *text =
            arena_strndup(s->a, s->t + tk.from + 1, tk.to - tk.from - 2);
        *(bit == 1 ? &s->cf->id : &s->cf->title) = text;
        return true;
    }
    struct ast_value v;
    if (!scalar(s, &v))
        return false;
    if (bit == 1 && (v.kind == VAL_STR || v.kind == VAL_NUM))
        s->cf->id = v.text;
    else if (bit == 2 && v.kind == VAL_STR)
        s->cf->title = v.text;
    else if (bit != 2 || v.kind != VAL_UNKNOWN)
        return false;
    return true;
}

bool jsonl_fast(struct arena *a, const struct plan *p,
                const struct source *line, struct case_facts *cf)
{
    struct scan s = {
        .t = line->text, .n = line->len, .a = a, .p = p, .src = line, .cf = cf};
    if (!p->keys || line->text[line->len] != '\0')
        return false;
    diag_init(&s.scratch, a);
    unsigned seen = 0;
    if (!take(&s, '{'))
        return false;
    if (take(&s, '}'))
        return false; /* no id */
    do {
        if (!member(&s, &seen))
            return false;
    } while (take(&s, ','));
    if (!take(&s, '}'))
        return false;
    skip_ws(&s);
    return s.i == s.n && cf->id && s.scratch.head == NULL;
}

/* name as a key_text. */
static struct key_text key_text(const char *name)
{
    struct key_text k = {name, (uint32_t)strlen(name), 0};
    for (uint32_t j = 0; j < k.len; j++)
        k.cont += ((unsigned char)name[j] & 0xC0) == 0x80;
    return k;
}

/* The options of dom as key_texts. */
static struct key_text *opt_keys(struct arena *a, const struct domain *dom)
{
    struct key_text *o = arena_calloc(a, (size_t)dom->n + 1, sizeof *o);
    for (int k = 0; k < dom->n; k++)
        o[k] = key_text(dom->names[k]);
    return o;
}

const struct fact_keys *jsonl_fast_keys(struct arena *a, const struct plan *p)
{
    struct fact_keys *k = arena_calloc(a, 1, sizeof *k);
    size_t cap = 16;
    while (cap < (size_t)p->nfacts * 2)
        cap *= 2;
    k->facts = arena_calloc(a, (size_t)p->nfacts + 1, sizeof *k->facts);
    k->slot = arena_calloc(a, cap, sizeof *k->slot);
    k->mask = (unsigned)cap - 1;
    for (int i = 0; i < p->nfacts; i++) {
        struct fact_key *f = &k->facts[i];
        f->name = key_text(p->facts[i].name);
        if (p->facts[i].dom) {
            f->opts = opt_keys(a, p->facts[i].dom);
            f->nopts = p->facts[i].dom->n;
        }
        if (f->name.len == 0)
            continue;
        unsigned h = key_hash(f->name.s, f->name.len) & k->mask;
        while (k->slot[h])
            h = (h + 1) & k->mask;
        k->slot[h] = i + 1;
    }
    return k;
}
