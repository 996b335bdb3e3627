#include "parser/parse.h"

#include <stdlib.h>

#include "engine/arena.h"
#include "parser.h"
#include "lexer.h"

int parse_source(struct arena *a, struct diag_list *dl,
                 const struct source *src, struct ast_file **out)
{
    struct ast_file *file = arena_alloc(a, sizeof *file);
    file->src = src;
    struct parse_ctx ctx = {
        .arena = a, .diags = dl, .src = src, .file = file,
        .line = src->first_line, .column = 1,
    };
    int before = dl->errors;
    yyscan_t scanner;
    if (lex_lex_init_extra(&ctx, &scanner) != 0) {
        diag_add(dl, DIAG_ERROR, NULL, "cannot start the lexer");
        return 1;
    }
    YY_BUFFER_STATE buf = lex__scan_bytes(src->text, (int)src->len, scanner);
    int rc = lex_parse(scanner);
    lex__delete_buffer(buf, scanner);
    lex_lex_destroy(scanner);
    free(ctx.buf);
    if (rc != 0 && dl->errors == before)
        diag_add(dl, DIAG_ERROR, NULL, "the parser ran out of memory");
    *out = file;
    return dl->errors - before;
}
