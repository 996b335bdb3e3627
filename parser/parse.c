#include "parser/parse.h"

#include <stdint.h>
#include <stdlib.h>

#include "engine/arena.h"
#include "parser.h"
#include "lexer.h"

struct run_parse {
    yyscan_t scanner;
    const struct source *src;
    YY_BUFFER_STATE buf;
    int rc;
};

static void parse_run(void *ud)
{
    struct run_parse *r = ud;
    r->buf = lex__scan_bytes(r->src->text, (int)r->src->len, r->scanner);
    r->rc = lex_parse(r->scanner);
}

int parse_source(struct arena *a, struct diag_list *dl,
                 const struct source *src, struct ast_file **out)
{
    struct ast_file *file = arena_alloc(a, sizeof *file);
    file->src = src;
    struct parse_ctx ctx = {
        .arena = a,
        .diags = dl,
        .src = src,
        .file = file,
        .line = src->first_line,
        .column = 1,
    };
    int before = dl->errors;
    /* text in another encoding would give an error per byte: one is
       enough, at the first byte that is not UTF-8 */
    for (size_t i = 0; i < src->len;) {
        uint32_t cp;
        int n = utf8_decode(src->text + i, src->len - i, &cp);
        if (n > 0) {
            i += (size_t)n;
            continue;
        }
        int line = src->first_line, col = 1;
        for (size_t k = 0; k < i; k++) {
            if (src->text[k] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)src->text[k] & 0xC0) != 0x80) {
                col++;
            }
        }
        struct src_loc loc = {src, line, col, line, col + 1};
        struct diag *d = diag_addf(dl, DIAG_ERROR, &loc,
                                   "the file is not UTF-8 text (byte 0x%02X)",
                                   (unsigned char)src->text[i]);
        d->hint = "save it as UTF-8; a file from a GBK or Big5 system can "
                  "be converted with: iconv -f GBK -t UTF-8";
        *out = file;
        return 1;
    }
    yyscan_t scanner;
    if (lex_lex_init_extra(&ctx, &scanner) != 0) {
        diag_add(dl, DIAG_ERROR, NULL, "cannot start the lexer");
        return 1;
    }
    struct run_parse run = {scanner, src, NULL, 0};
    int oom = arena_protect(parse_run, &run);
    if (run.buf)
        lex__delete_buffer(run.buf, scanner);
    lex_lex_destroy(scanner);
    free(ctx.buf);
    if (oom)
        arena_oom(); /* on, now that the lexer's memory is freed */
    int rc = run.rc;
    if (rc != 0 && dl->errors == before)
        diag_add(dl, DIAG_ERROR, NULL, "the parser ran out of memory");
    *out = file;
    return dl->errors - before;
}
