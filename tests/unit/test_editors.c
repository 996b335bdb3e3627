/*
 * The editor grammars (editors/) know the language's keywords: every
 * spelling of every keyword of the keyword table (lexer/keywords.h, that
 * is engine/lang.h) is a keyword of the Vim syntax and of the VS Code
 * TextMate grammar, and neither grammar has a keyword the table does not;
 * the TextMate grammar and the extension's files are JSON.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_tree.h>

#include "lexer/keywords.h"

#define VIM_SYNTAX "editors/vim/syntax/rongcuo.vim"
#define TM_GRAMMAR "editors/vscode/syntaxes/rongcuo.tmLanguage.json"

/* Words of a grammar: a keyword, or a pattern of one (two-word keywords). */
struct words {
    char *v[512];
    int n;
};

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s (run from the repository's root)", path);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    assert_true(n < sizeof buf - 1);
    buf[n] = '\0';
    fclose(f);
    return strdup(buf);
}

static void words_add(struct words *w, const char *s, size_t len)
{
    assert_true(w->n < (int)(sizeof w->v / sizeof w->v[0]));
    w->v[w->n++] = strndup(s, len);
}

static bool words_has(const struct words *w, const char *s)
{
    for (int i = 0; i < w->n; i++)
        if (strcmp(w->v[i], s) == 0)
            return true;
    return false;
}

static void words_free(struct words *w)
{
    for (int i = 0; i < w->n; i++)
        free(w->v[i]);
    w->n = 0;
}

/* kw as the grammar writes it: a space as sep ("\\s\\+" in Vim). */
static void spelled(char *out, size_t size, const char *kw, const char *sep)
{
    const char *sp = strchr(kw, ' ');
    if (sp)
        snprintf(out, size, "%.*s%s%s", (int)(sp - kw), kw, sep, sp + 1);
    else
        snprintf(out, size, "%s", kw);
}

/* Whether s is a spelling of a keyword (a space written as sep). */
static bool is_keyword(const char *s, const char *sep)
{
    char buf[128];
    for (int k = 0; k < KW_COUNT; k++)
        for (int l = LANG_EN; l <= LANG_ZH_HANS; l++) {
            spelled(buf, sizeof buf, kw_text((enum kw)k, (enum lang)l), sep);
            if (strcmp(buf, s) == 0)
                return true;
        }
    return false;
}

/* The Vim syntax's keywords: the words of its `syn keyword` lines (but
 * rongcuoTodo's), and the patterns of its `syn match` lines that are
 * two-word keywords, \<one\s\+of\> as one\s\+of. */
static void vim_words(struct words *w)
{
    char *text = slurp(VIM_SYNTAX), *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        char group[64], rest[512];
        if (sscanf(line, "syn keyword %63s %511[^\n]", group, rest) == 2 &&
            strcmp(group, "rongcuoTodo") != 0) {
            for (char *p = rest, *e; *p; p = e + strspn(e, " ")) {
                e = p + strcspn(p, " ");
                words_add(w, p, (size_t)(e - p));
            }
        }
        char *m = strstr(line, "\"\\<");
        if (strncmp(line, "syn match ", 10) == 0 && m && strstr(m, "\\s\\+")) {
            char *end = strstr(m, "\\>\"");
            assert_non_null(end);
            words_add(w, m + 3, (size_t)(end - m - 3));
        }
    }
    free(text);
}

/* The alternatives of every keyword pattern of the TextMate grammar:
 * (?<![\p{L}\p{N}_])(?:a|b|…)(?![\p{L}\p{N}_]). */
static void tm_alternatives(struct words *w, const char *match)
{
    static const char pre[] = "(?<![\\p{L}\\p{N}_])(?:";
    if (strncmp(match, pre, sizeof pre - 1) != 0)
        return;
    const char *p = match + sizeof pre - 1;
    const char *end = strstr(p, ")(?![\\p{L}\\p{N}_])");
    assert_non_null(end);
    while (p < end) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        const char *e = bar ? bar : end;
        words_add(w, p, (size_t)(e - p));
        p = e + 1;
    }
}

static void tm_walk(struct words *w, const yajl_val v)
{
    if (YAJL_IS_ARRAY(v)) {
        for (size_t i = 0; i < v->u.array.len; i++)
            tm_walk(w, v->u.array.values[i]);
    } else if (YAJL_IS_OBJECT(v)) {
        for (size_t i = 0; i < v->u.object.len; i++) {
            const yajl_val x = v->u.object.values[i];
            if (strcmp(v->u.object.keys[i], "match") == 0 && YAJL_IS_STRING(x))
                tm_alternatives(w, x->u.string);
            tm_walk(w, x);
        }
    }
}

static yajl_val parse_json(const char *path)
{
    char *text = slurp(path), err[256] = "";
    yajl_val v = yajl_tree_parse(text, err, sizeof err);
    free(text);
    if (!v)
        fail_msg("%s is not JSON: %s", path, err);
    return v;
}

static void tm_words(struct words *w)
{
    yajl_val v = parse_json(TM_GRAMMAR);
    const char *path[] = {"scopeName", NULL};
    yajl_val scope = yajl_tree_get(v, path, yajl_t_string);
    assert_non_null(scope);
    assert_string_equal(YAJL_GET_STRING(scope), "source.rongcuo");
    tm_walk(w, v);
    yajl_tree_free(v);
}

/* Every spelling of every keyword is in w, a space written as sep. */
static void all_keywords_in(const struct words *w, const char *grammar,
                            const char *sep)
{
    char buf[128];
    int missing = 0;
    for (int k = 0; k < KW_COUNT; k++)
        for (int l = LANG_EN; l <= LANG_ZH_HANS; l++) {
            spelled(buf, sizeof buf, kw_text((enum kw)k, (enum lang)l), sep);
            if (!words_has(w, buf)) {
                fprintf(stderr, "%s: no keyword '%s'\n", grammar, buf);
                missing++;
            }
        }
    assert_int_equal(missing, 0);
}

/* And nothing else. */
static void only_keywords_in(const struct words *w, const char *grammar,
                             const char *sep)
{
    int extra = 0;
    for (int i = 0; i < w->n; i++)
        if (!is_keyword(w->v[i], sep)) {
            fprintf(stderr, "%s: '%s' is not a keyword\n", grammar, w->v[i]);
            extra++;
        }
    assert_int_equal(extra, 0);
}

static void test_editors_vim_has_every_keyword(void **state)
{
    (void)state;
    struct words w = {.n = 0};
    vim_words(&w);
    all_keywords_in(&w, VIM_SYNTAX, "\\s\\+");
    only_keywords_in(&w, VIM_SYNTAX, "\\s\\+");
    words_free(&w);
}

static void test_editors_textmate_has_every_keyword(void **state)
{
    (void)state;
    struct words w = {.n = 0};
    tm_words(&w);
    all_keywords_in(&w, TM_GRAMMAR, "\\s+");
    only_keywords_in(&w, TM_GRAMMAR, "\\s+");
    words_free(&w);
}

/* The extension's manifest names the grammar and the file kinds. */
static void test_editors_extension_is_json(void **state)
{
    (void)state;
    yajl_val v = parse_json("editors/vscode/package.json");
    const char *grammars[] = {"contributes", "grammars", NULL};
    yajl_val g = yajl_tree_get(v, grammars, yajl_t_array);
    assert_non_null(g);
    const char *path[] = {"path", NULL};
    yajl_val p = yajl_tree_get(g->u.array.values[0], path, yajl_t_string);
    assert_non_null(p);
    assert_string_equal(YAJL_GET_STRING(p),
                        "./syntaxes/rongcuo.tmLanguage.json");
    yajl_tree_free(v);
    yajl_tree_free(parse_json("editors/vscode/language-configuration.json"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_editors_vim_has_every_keyword),
        cmocka_unit_test(test_editors_textmate_has_every_keyword),
        cmocka_unit_test(test_editors_extension_is_json),
    };
    return cmocka_run_group_tests_name("editors", tests, NULL, NULL);
}
