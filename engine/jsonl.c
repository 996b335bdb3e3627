#include "engine/jsonl.h"
#include "engine/ast.h"

#include <stddef.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "engine/arena.h"
#include "engine/diag.h"
#include "engine/jsonl_fast.h"
#include "engine/msg.h"

enum where { TOP, IN_CASE, IN_FACTS, IN_SET, DONE };
enum key { K_NONE, K_ID, K_TITLE, K_FACTS, K_OTHER };

struct jctx {
    struct arena *a;
    const struct plan *p;
    const struct source *src;
    yajl_handle h;
    struct case_facts *cf;
    enum where where;
    enum key key;
    int fact; /* the fact whose value comes next, or -1 */
    struct src_loc fact_loc;
    struct src_loc first[K_OTHER]; /* where id, title, facts were given */
    int depth;                     /* nesting below an ignored value */
    size_t at;                     /* a byte offset whose column is known: */
    int at_col;                    /* so columns are counted once per line */
};

/* The column of byte offset off: counted on from the last one asked. */
static int column(struct jctx *j, size_t off)
{
    if (off < j->at) {
        j->at = 0;
        j->at_col = 1;
    }
    j->at_col += utf8_count(j->src->text + j->at, off - j->at);
    j->at = off;
    return j->at_col;
}

/* A byte of a JSON number, true, false or null. */
static bool literal_byte(char c)
{
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' ||
           (c >= 'a' && c <= 'u') || c == 'E';
}

/* The span of the token that ends where yajl stands now: a string, a
 * literal (number, true, false, null), or a one-byte bracket. */
enum tok { T_LITERAL, T_STRING, T_BRACKET };

/* The byte span [*from, *to) of that token. */
static void span(struct jctx *j, enum tok kind, size_t *from, size_t *to)
{
    bool string = kind == T_STRING;
    size_t end = yajl_get_bytes_consumed(j->h);
    if (end > j->src->len)
        end = j->src->len;
    size_t start = end;
    const char *t = j->src->text;
    if (string && start > 0) {
        start--; /* the closing quote */
        while (start > 0) {
            start--;
            if (t[start] == '"') {
                size_t bs = 0;
                while (start > bs && t[start - bs - 1] == '\\')
                    bs++;
                if (bs % 2 == 0)
                    break;
            }
        }
    } else if (kind == T_BRACKET && start > 0) {
        start--;
    } else {
        while (start > 0 && literal_byte(t[start - 1]))
            start--;
    }
    *from = start;
    *to = end;
}

/* The bytes [start, end) of the line as a place. */
static struct src_loc at(struct jctx *j, size_t start, size_t end)
{
    struct src_loc l = {j->src, j->src->first_line, 1, j->src->first_line, 1};
    l.first_column = column(j, start);
    l.last_column = column(j, end);
    return l;
}

static struct src_loc here(struct jctx *j, enum tok kind)
{
    size_t start, end;
    span(j, kind, &start, &end);
    return at(j, start, end);
}

static unsigned hex4(const char *s)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

/* An error at bytes [from, from + len) of the line; false. */
static bool bad_text(struct jctx *j, size_t from, size_t len, enum msg m,
                     enum msg hint)
{
    struct src_loc l = at(j, from, from + len);
    struct diag *d = diag_msg(j->cf->errors, DIAG_ERROR, &l, (int)m);
    diag_hint(j->cf->errors, d, (int)hint);
    return false;
}

/* How many bytes of the escape at t[i] (a backslash) to take as one; 0
 * for \u0000 or a lone surrogate, which yajl would cut at or turn into
 * '?'. */
static size_t escape_len(const char *t, size_t i, size_t end)
{
    if (t[i + 1] != 'u')
        return 2;
    unsigned cp = hex4(t + i + 2);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 12 < end && t[i + 6] == '\\' &&
        t[i + 7] == 'u' && hex4(t + i + 8) >= 0xDC00 &&
        hex4(t + i + 8) <= 0xDFFF)
        return 12; /* a pair: one character */
    return cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : 6;
}

/* Whether the lead byte c, followed by c1, starts well-formed UTF-8; yajl
 * has checked the count of continuation bytes, not overlong forms,
 * surrogates (ED A0..BF) or code points past U+10FFFF. */
static bool lead_ok(unsigned char c, unsigned char c1)
{
    return c >= 0xC2 && c <= 0xF4 && !(c == 0xE0 && c1 < 0xA0) &&
           !(c == 0xED && c1 >= 0xA0) && !(c == 0xF0 && c1 < 0x90) &&
           !(c == 0xF4 && c1 >= 0x90);
}

/* Whether the string token at bytes [start, end) of the line, which yajl
 * has just read, is text: no \u0000, no lone surrogate, only valid UTF-8.
 * Its raw text is looked at; an error at the first fault. */
static bool string_ok(struct jctx *j, size_t start, size_t end)
{
    const char *t = j->src->text;
    for (size_t i = start + 1; i + 1 < end; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c >= 0xC0 && !lead_ok(c, (unsigned char)t[i + 1]))
            return bad_text(j, i, 1, MSG_json_bad_utf8,
                            MSG_json_hint_save_utf8);
        if (c != '\\')
            continue;
        size_t n = escape_len(t, i, end);
        if (n == 0 && hex4(t + i + 2) == 0)
            return bad_text(j, i, 6, MSG_json_nul, MSG_json_hint_nul);
        if (n == 0)
            return bad_text(j, i, 6, MSG_json_lone_surrogate,
                            MSG_json_hint_surrogate);
        i += n - 1;
    }
    return true;
}

/* An error from the catalog, with hint (or -1: none). */
static int bad(struct jctx *j, const struct src_loc *loc, enum msg m, int hint)
{
    struct diag *d = diag_msg(j->cf->errors, DIAG_ERROR, loc, (int)m);
    if (hint >= 0)
        diag_hint(j->cf->errors, d, hint);
    return 1; /* go on: report every bad fact of the line */
}

/* A value arrived; v holds it as a case value would. */
static int value(struct jctx *j, struct ast_value *v)
{
    if (j->where == IN_SET) {
        struct value one;
        if (v->kind != VAL_STR)
            return bad(j, &v->loc, MSG_json_set_strings, -1);
        if (cases_convert(j->a, j->cf->errors, &j->p->facts[j->fact], v, &one))
            j->cf->vals[j->fact].u.set |= one.u.set;
        return 1;
    }
    if (j->where == IN_FACTS) {
        if (j->fact >= 0) {
            struct ast_name name = {.text = j->p->facts[j->fact].name,
                                    .loc = j->fact_loc};
            cases_set(j->a, j->p, j->cf, &name, v);
        }
        return 1;
    }
    if (j->where == IN_CASE && j->key == K_OTHER)
        return 1; /* reported with its key */
    if (j->where == IN_CASE && j->key == K_ID) {
        if (v->kind == VAL_STR || v->kind == VAL_NUM)
            j->cf->id = v->text;
        else
            bad(j, &v->loc, MSG_json_id_type, -1);
    } else if (j->where == IN_CASE && j->key == K_TITLE) {
        if (v->kind == VAL_STR)
            j->cf->title = v->text;
        else if (v->kind != VAL_UNKNOWN)
            bad(j, &v->loc, MSG_json_title_type, -1);
    } else if (j->where == IN_CASE && j->key == K_FACTS) {
        bad(j, &v->loc, MSG_json_facts_type, -1);
    } else if (j->where == TOP) {
        bad(j, &v->loc, MSG_json_line_object, -1);
    }
    return 1;
}

static int on_null(void *ctx)
{
    struct jctx *j = ctx;
    if (j->depth)
        return 1;
    struct ast_value v = {.kind = VAL_UNKNOWN, .loc = here(j, T_LITERAL)};
    return value(j, &v);
}

static int on_bool(void *ctx, int b)
{
    struct jctx *j = ctx;
    if (j->depth)
        return 1;
    struct ast_value v = {.kind = VAL_BOOL, .loc = here(j, T_LITERAL), .b = b};
    return value(j, &v);
}

static int on_number(void *ctx, const char *s, size_t len)
{
    struct jctx *j = ctx;
    if (j->depth)
        return 1;
    struct ast_value v = {.kind = VAL_NUM, .loc = here(j, T_LITERAL)};
    v.text = arena_strndup(j->a, s, len);
    enum num_status st = num_parse(j->a, s, len, &v.num);
    if (st != NUM_OK)
        return bad(j, &v.loc, MSG_json_number_range,
                   MSG_json_hint_number_range);
    return value(j, &v);
}

static int on_string(void *ctx, const unsigned char *s, size_t len)
{
    struct jctx *j = ctx;
    if (j->depth)
        return 1;
    size_t start, end;
    span(j, T_STRING, &start, &end);
    if (!string_ok(j, start, end))
        return 1;
    struct ast_value v = {.kind = VAL_STR, .loc = at(j, start, end)};
    v.text = arena_strndup(j->a, (const char *)s, len);
    return value(j, &v);
}

static int on_map_start(void *ctx)
{
    struct jctx *j = ctx;
    if (j->depth) {
        j->depth++;
        return 1;
    }
    if (j->where == TOP) {
        j->where = IN_CASE;
    } else if (j->where == IN_CASE && j->key == K_OTHER) {
        j->depth = 1; /* the unknown field is reported already */
    } else if (j->where == IN_CASE && j->key == K_FACTS) {
        j->where = IN_FACTS;
    } else {
        struct src_loc l = here(j, T_BRACKET);
        bad(j, &l, MSG_json_object_not_value, -1);
        j->depth = 1;
    }
    return 1;
}

/* A key of the case object: a known field given once, or an error. */
static void case_key(struct jctx *j, const char *k, size_t len,
                     struct src_loc l)
{
    static const char *const names[K_OTHER] = {NULL, "id", "title", "facts"};
    j->key = K_OTHER;
    for (int i = K_ID; i < K_OTHER; i++)
        if (strlen(names[i]) == len && memcmp(k, names[i], len) == 0)
            j->key = (enum key)i;
    if (j->key == K_OTHER) {
        struct diag *d = DIAG(j->cf->errors, DIAG_ERROR, &l, json_unknown_field,
                              (int)len, k);
        HINT0(j->cf->errors, d, json_hint_fields);
    } else if (j->first[j->key].src) {
        struct diag *d = DIAG(j->cf->errors, DIAG_ERROR, &l, json_field_twice,
                              names[j->key]);
        HINT(j->cf->errors, d, case_first_at_column,
             j->first[j->key].first_column);
        j->key = K_OTHER; /* the second value is not read */
    } else {
        j->first[j->key] = l;
    }
}

static int on_key(void *ctx, const unsigned char *s, size_t len)
{
    struct jctx *j = ctx;
    if (j->depth)
        return 1;
    const char *k = (const char *)s;
    size_t start, end;
    span(j, T_STRING, &start, &end);
    if (j->where == IN_FACTS) {
        /* a key that names a fact is text: only another one is looked at */
        j->fact = plan_fact(j->p, k, len);
        bool ok = j->fact >= 0 || string_ok(j, start, end);
        j->fact_loc = at(j, start, end);
        if (ok && j->fact < 0)
            cases_unknown(j->p, j->cf, k, len, &j->fact_loc);
        return 1;
    }
    bool ok = string_ok(j, start, end);
    struct src_loc l = at(j, start, end);
    if (ok)
        case_key(j, k, len, l);
    else
        j->key = K_OTHER; /* reported: its value is not read */
    return 1;
}

static int on_map_end(void *ctx)
{
    struct jctx *j = ctx;
    if (j->depth) {
        j->depth--;
        return 1;
    }
    if (j->where == IN_FACTS)
        j->where = IN_CASE;
    else if (j->where == IN_CASE)
        j->where = DONE;
    return 1;
}

static int on_array_start(void *ctx)
{
    struct jctx *j = ctx;
    if (j->depth) {
        j->depth++;
        return 1;
    }
    struct src_loc l = here(j, T_BRACKET);
    if (j->where == IN_FACTS && j->fact >= 0 &&
        j->p->facts[j->fact].type == VT_SET &&
        j->cf->origin[j->fact] == FROM_CASE) {
        struct diag *d = DIAG(j->cf->errors, DIAG_ERROR, &j->fact_loc,
                              case_fact_twice, j->p->facts[j->fact].name);
        HINT(j->cf->errors, d, case_first_at_column,
             j->cf->locs[j->fact].first_column);
        j->depth = 1;
        return 1;
    }
    if (j->where == IN_FACTS && j->fact >= 0 &&
        j->p->facts[j->fact].type == VT_SET) {
        j->where = IN_SET;
        j->cf->vals[j->fact].known = true;
        j->cf->vals[j->fact].u.set = 0;
        return 1;
    }
    if (j->where == IN_SET)
        bad(j, &l, MSG_json_set_strings, -1);
    else if (j->where == IN_FACTS && j->fact >= 0)
        DIAG(j->cf->errors, DIAG_ERROR, &l, json_fact_not_list,
             j->p->facts[j->fact].name);
    else if (j->where == TOP)
        bad(j, &l, MSG_json_line_object, -1);
    else if (j->where == IN_CASE && j->key == K_FACTS)
        bad(j, &l, MSG_json_facts_type, -1);
    else if (j->where == IN_CASE && j->key != K_OTHER)
        bad(j, &l, MSG_json_list_not_value, -1);
    j->depth = 1;
    return 1;
}

static int on_array_end(void *ctx)
{
    struct jctx *j = ctx;
    if (j->depth) {
        j->depth--;
        return 1;
    }
    if (j->where == IN_SET) {
        j->where = IN_FACTS;
        j->cf->origin[j->fact] = FROM_CASE;
        j->cf->locs[j->fact] = j->fact_loc;
    }
    return 1;
}

static const yajl_callbacks callbacks = {
    on_null,      on_bool, NULL,       NULL,           on_number,    on_string,
    on_map_start, on_key,  on_map_end, on_array_start, on_array_end,
};

/* yajl's memory comes from the case's arena (each block after its size),
 * so that running out of memory inside the parser leaves nothing behind. */
static void *y_malloc(void *ctx, size_t n)
{
    size_t *h = arena_alloc_raw(ctx, sizeof(max_align_t) + n);
    *h = n;
    return (char *)h + sizeof(max_align_t);
}

static void *y_realloc(void *ctx, void *p, size_t n)
{
    void *q = y_malloc(ctx, n);
    if (p) {
        size_t old = *(size_t *)(void *)((char *)p - sizeof(max_align_t));
        memcpy(q, p, old < n ? old : n);
    }
    return q;
}

static void y_free(void *ctx, void *p)
{
    (void)ctx;
    (void)p; /* freed with the arena */
}

/* The line read with yajl into cf, fresh from cases_new. */
static struct case_facts *full(struct arena *a, const struct plan *p,
                               const struct source *line,
                               struct diag_list *errors, struct case_facts *cf)
{
    struct jctx j = {.a = a, .p = p, .src = line, .fact = -1, .at_col = 1};
    j.cf = cf;
    yajl_alloc_funcs mem = {y_malloc, y_realloc, y_free, a};
    j.h = yajl_alloc(&callbacks, &mem, &j);
    yajl_status st =
        yajl_parse(j.h, (const unsigned char *)line->text, line->len);
    bool st_final = false;
    if (st == yajl_status_ok) {
        st = yajl_complete_parse(j.h);
        st_final = true;
    }
    if (st != yajl_status_ok) {
        /* after yajl_complete_parse the count is of its own input, not
           the line's: the line ended too early */
        size_t at = st_final ? line->len : yajl_get_bytes_consumed(j.h);
        if (at > line->len)
            at = line->len;
        unsigned char *msg = yajl_get_error(j.h, 0, NULL, 0);
        const char *m = (const char *)msg;
        const char *colon = strstr(m, ": ");
        if (colon)
            m = colon + 2;
        char *text = arena_strdup(a, m);
        size_t n = strlen(text);
        while (n && (text[n - 1] == '\n' || text[n - 1] == ' ' ||
                     text[n - 1] == '.'))
            text[--n] = '\0';
        struct src_loc l = {line, line->first_line, 1, line->first_line, 1};
        l.first_column = utf8_count(line->text, at) + 1;
        l.last_column = l.first_column + 1;
        struct diag *d = DIAG(errors, DIAG_ERROR, &l, json_malformed, text);
        HINT0(errors, d, json_hint_one_object);
        yajl_free_error(j.h, msg);
    } else if (j.where == TOP && !errors->errors) {
        DIAG0(errors, DIAG_ERROR, &j.cf->loc, json_line_object);
    } else if (!j.cf->id && !errors->errors) {
        struct diag *d = DIAG0(errors, DIAG_ERROR, &j.cf->loc, json_no_id);
        HINT0(errors, d, json_hint_add_id);
    }
    yajl_free(j.h);
    return j.cf;
}

/* Fresh facts for line. */
static struct case_facts *fresh(struct arena *a, const struct plan *p,
                                const struct source *line,
                                struct diag_list *errors,
                                const struct suggest_index *sugg)
{
    struct case_facts *cf = cases_new(a, p, errors);
    cf->sugg = sugg;
    cf->loc = (struct src_loc){line, line->first_line, 1, line->first_line, 1};
    return cf;
}

struct case_facts *jsonl_case_full(struct arena *a, const struct plan *p,
                                   const struct source *line,
                                   struct diag_list *errors,
                                   const struct suggest_index *sugg)
{
    return full(a, p, line, errors, fresh(a, p, line, errors, sugg));
}

struct case_facts *jsonl_case(struct arena *a, const struct plan *p,
                              const struct source *line,
                              struct diag_list *errors,
                              const struct suggest_index *sugg)
{
    struct case_facts *cf = fresh(a, p, line, errors, sugg);
    if (jsonl_fast(a, p, line, cf))
        return cf;
    cases_clear(p, cf);                  /* as cases_new left it */
    return full(a, p, line, errors, cf); /* with its diagnostics */
}

/* jsonl_id: where the parse stands, and what was found. */
struct idctx {
    struct arena *a; /* where the ID is copied */
    int depth;
    bool is_id; /* the key just read at depth 1 was "id" */
    char *id;
};

static int id_value(struct idctx *c, const char *s, size_t len)
{
    if (c->depth == 1 && c->is_id && !memchr(s, '\0', len)) {
        c->id = arena_strndup(c->a, s, len);
    }
    return c->depth != 1 || !c->is_id; /* stop once the id is passed */
}

static int id_string(void *ctx, const unsigned char *s, size_t len)
{
    return id_value(ctx, (const char *)s, len);
}

static int id_number(void *ctx, const char *s, size_t len)
{
    return id_value(ctx, s, len);
}

static int id_other(void *ctx)
{
    return id_value(ctx, "\0", 1); /* no id, at depth 1 */
}

static int id_bool(void *ctx, int b)
{
    (void)b;
    return id_other(ctx);
}

static int id_open(void *ctx)
{
    struct idctx *c = ctx;
    int go = c->depth != 1 || !c->is_id;
    c->depth++;
    return go;
}

static int id_close(void *ctx)
{
    struct idctx *c = ctx;
    c->depth--;
    return 1;
}

static int id_key(void *ctx, const unsigned char *s, size_t len)
{
    struct idctx *c = ctx;
    if (c->depth == 1)
        c->is_id = len == 2 && memcmp(s, "id", 2) == 0;
    return 1;
}

static const yajl_callbacks id_callbacks = {
    id_other, id_bool, NULL,     NULL,    id_number, id_string,
    id_open,  id_key,  id_close, id_open, id_close,
};

static size_t skip_space(const char *t, size_t i, size_t len)
{
    while (i < len && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return i;
}

/* The common line, {"id": "…" or {"id": 123, without yajl: the ID's
 * bytes as a copy, or NULL to leave the line to yajl. */
static char *quick_id(struct arena *a, const char *t, size_t len)
{
    size_t i = skip_space(t, 0, len);
    if (i >= len || t[i] != '{')
        return NULL;
    i = skip_space(t, i + 1, len);
    if (len - i < 4 || memcmp(t + i, "\"id\"", 4) != 0)
        return NULL;
    i = skip_space(t, i + 4, len);
    if (i >= len || t[i] != ':')
        return NULL;
    size_t from = skip_space(t, i + 1, len), to = from;
    if (from < len && t[from] == '"') {
        for (to = ++from; to < len && t[to] != '"'; to++)
            if (t[to] == '\\' || (unsigned char)t[to] < 0x20)
                return NULL; /* escapes: yajl decodes them */
        if (to >= len)
            return NULL;
    } else {
        while (to < len && literal_byte(t[to]))
            to++;
        if (to == from || (t[from] != '-' && (t[from] < '0' || t[from] > '9')))
            return NULL;
    }
    return arena_strndup(a, t + from, to - from);
}

char *jsonl_id(struct arena *a, const char *text, size_t len)
{
    char *quick = quick_id(a, text, len);
    if (quick)
        return quick;
    struct idctx c = {a, 0, false, NULL};
    yajl_alloc_funcs mem = {y_malloc, y_realloc, y_free, a};
    yajl_handle h = yajl_alloc(&id_callbacks, &mem, &c);
    yajl_parse(h, (const unsigned char *)text, len);
    yajl_free(h);
    return c.id;
}
