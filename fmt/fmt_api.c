/*
 * rc_format (engine/rongcuo.h): parse a rule or case file, report its
 * syntax errors as loading it would, or give its canonical layout.
 */
#include <stdlib.h>

#include "engine/api_int.h"
#include "engine/lang.h"
#include "engine/msg.h"
#include "fmt/fmt.h"

struct fmt_args {
    const char *name, *text;
    size_t len;
    struct arena arena; /* the parse's: freed after the call */
    struct rc_diags *d;
    struct sbuf out;
    bool ok;
};

static void format_work(void *ud)
{
    struct fmt_args *a = ud;
    struct rc_diags *d = a->d = xcalloc(1, sizeof *d);
    arena_init(&d->arena);
    diag_init(&d->list, &d->arena);
    struct diag_list dl;
    diag_init(&dl, &a->arena);
    struct source *src = src_from_text(&a->arena, a->name, a->text, a->len, 1);
    struct ast_file *file;
    struct parse_tokens toks;
    int bad = parse_tokens(&a->arena, &dl, src, &file, &toks);
    const int *k = file ? file->keyword_lang : NULL;
    if (k && k[0] + k[1] + k[2] + k[3] > 0)
        dl.lang = lang_of_counts(k);
    if (!bad) {
        a->ok = fmt_layout(&a->arena, src, &toks, &a->out);
        if (!a->ok)
            DIAG0(&dl, DIAG_ERROR, NULL, fmt_not_same);
    }
    api_diags_copy(d, &dl);
}

char *rc_format(const char *name, const char *text, size_t len, size_t *outlen,
                struct rc_diags **diags)
{
    struct fmt_args a = {0};
    a.name = name ? name : "<text>";
    a.text = text ? text : "";
    a.len = text ? len : 0;
    arena_init(&a.arena);
    int oom = arena_protect(format_work, &a);
    arena_free(&a.arena);
    if (oom || !handle_add(a.d, H_DIAGS)) {
        api_diags_destroy(a.d);
        sb_free(&a.out);
        a.d = api_diags_oom();
        a.ok = false;
    }
    if (diags)
        *diags = a.d;
    else
        rc_diags_free(a.d);
    if (!a.ok) {
        sb_free(&a.out);
        return NULL;
    }
    if (outlen)
        *outlen = a.out.len;
    if (!a.out.p)
        return calloc(1, 1);
    return a.out.p;
}
