/*
 * The grammar of rule files and case files (LANGUAGE.md §2, §5 and §8).
 * Actions only build the tree through ast_* constructors; names are resolved
 * and types checked later, in engine/check.c.
 */
%require "3.8"
%define api.pure full
%define api.push-pull both
%define api.prefix {lex_}
%define api.header.include {"parser.h"}
%define api.token.prefix {TOK_}
%define api.value.type union
%define api.location.type {struct src_loc}
%define parse.error custom
%define parse.lac full
%locations
%param {yyscan_t scanner}
%expect 0

%code requires {
#include "engine/ast.h"
#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif
/* Spans keep their source; an empty rule sits where the next token starts. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                        \
    do {                                                                   \
        if (N) {                                                           \
            (Cur) = YYRHSLOC(Rhs, 1);                                      \
            (Cur).last_line = YYRHSLOC(Rhs, N).last_line;                  \
            (Cur).last_column = YYRHSLOC(Rhs, N).last_column;              \
        } else {                                                           \
            (Cur) = YYRHSLOC(Rhs, 0);                                      \
            (Cur).first_line = (Cur).last_line;                            \
            (Cur).first_column = (Cur).last_column;                        \
        }                                                                  \
    } while (0)
}

%code provides {
int lex_lex(LEX_STYPE *yylval, LEX_LTYPE *yylloc, yyscan_t scanner);
void lex_error(const LEX_LTYPE *loc, yyscan_t scanner, const char *msg);
}

%code {
#include <string.h>

#include "engine/arena.h"
#include "engine/msg.h"
#include "parser/parse.h"
#include "parser/syntax.h"
struct parse_ctx *lex_get_extra(yyscan_t scanner);
#define CTX (lex_get_extra(scanner))
#define A (CTX->arena)
#define F (CTX->file)
static void advise(yyscan_t scanner, const LEX_LTYPE *loc, int m, int hint);
static struct ast_expr *limit(yyscan_t scanner, struct ast_expr *e);
static void quoted_date(yyscan_t scanner, const LEX_LTYPE *loc, const char *s);
static void given(yyscan_t scanner, const LEX_LTYPE *loc);
static bool item_start(int tok);
static struct ast_vline *vlines_reverse(struct ast_vline *l);
static void policy(yyscan_t scanner, const LEX_LTYPE *loc, const char *name,
                   const char *version);
static struct ast_expect *expect(yyscan_t scanner, enum ast_ekind k,
                                 const LEX_LTYPE *loc,
                                 const struct ast_name *name);
#define cur (CTX->cur)
}

%token <const char *> NAME "name" DOTTED "rule ID" PREFIX "rule ID prefix"
%token <const char *> STRING "string"
%token <struct num> NUM "number"
%token <int> DATE "date"
%token POLICY "'policy' (辦法)" VERSION "'version' (版本)"
%token EXTENDS "'extends' (沿用)" FACT "'fact' (事實)"
%token CONCLUSION "'conclusion' (認定)" LIST "'list' (清單)"
%token RULE "'rule' (規則)" CITES "'cites' (依據)" WHEN "'when' (如果)"
%token THEN "'then' (則)" OVERRIDES "'overrides' (優先於)"
%token BECAUSE "'because' (理由)" VERDICT "'verdict' (結論)"
%token OTHERWISE "'otherwise' (否則)" MEASURE "'measure' (措施)"
%token AMEND "'amend' (修訂)" REPEAL "'repeal' (廢止)" CASE "'case' (案件)"
%token TEST "'test' (測試)" GIVEN "'given' (已知)" EXPECT "'expect' (預期)"
%token FIRED "'fired' (適用)" UNDETERMINED "'undetermined' (待定)"
%token MISSING "'missing' (缺少)" INVARIANT "'invariant' (底線)"
%token AND "'and' (且)" OR "'or' (或)" NOT "'not' (非)" IN "'in' (屬於)"
%token CONTAINS "'contains' (包含)" ANY "'any' (任一)"
%token TRUE "'true' (是)" FALSE "'false' (否)" UNKNOWN "'unknown' (未知)"
%token IS_KNOWN "'is known' (已查明)"
%token BOOL "'bool' (是非)" NUMBER_T "'number' (數值)" TEXT "'text' (文字)"
%token DATE_T "'date' (日期)" ONE_OF "'one of' (選項)" SET_OF "'set of' (多選)"
%token EQ "==" NE "!=" LE "<=" GE ">="
%token VALUE_ONLY "the start of a value" /* never from the lexer: parse_value */

%left OR
%left AND
%precedence NOT
%nonassoc EQ NE '<' LE '>' GE '=' IN CONTAINS IS_KNOWN
%left '+' '-'
%left '*' '/'
%precedence UMINUS

%type <struct ast_expr *> expr
%type <struct ast_name *> options options_opt names strings ov_list ov_item
%type <struct ast_name *> rule_id case_id
%type <const char *> title_opt unit_opt
%type <struct ast_name *> because_opt
%type <struct ast_value *> value
%type <struct ast_vline *> vlines vline
%type <struct ast_assign *> assign

%%

file:
  %empty
| file item
;

item:
  POLICY STRING              { policy(scanner, &@1, $2, NULL); }
| POLICY STRING VERSION STRING { policy(scanner, &@1, $2, $4); }
| fresh fact
| fresh CONCLUSION NAME title_opt {
                               cur = ast_decl(A, DECL_CONCLUSION, &@2);
                               cur->name = *ast_name(A, $3, &@3); cur->title = $4;
                               ast_add_decl(F, cur); }
| LIST NAME '=' '{' options_opt '}' {
                               cur = ast_decl(A, DECL_LIST, &@1);
                               cur->name = *ast_name(A, $2, &@2); cur->items = $5;
                               ast_add_decl(F, cur); }
| fresh RULE rule_id title_opt {
                               cur = ast_decl(A, DECL_RULE, &@2); cur->name = *$3;
                               cur->title = $4; ast_add_decl(F, cur); }
  clauses
| fresh MEASURE rule_id title_opt {
                               cur = ast_decl(A, DECL_MEASURE, &@2); cur->name = *$3;
                               cur->title = $4; ast_add_decl(F, cur); }
  clauses
| VERDICT title_opt '{' vlines '}' {
                               cur = ast_decl(A, DECL_VERDICT, &@1); cur->title = $2;
                               cur->lines = vlines_reverse($4); ast_add_decl(F, cur); }
| EXTENDS STRING             { if (F->extends) advise(scanner, &@1, MSG_second_extends, MSG_second_extends_hint);
                               else { F->extends = $2; F->extends_loc = @2; } }
| AMEND RULE rule_id title_opt {
                               cur = ast_decl(A, DECL_RULE, &@1); cur->name = *$3;
                               cur->title = $4; cur->action = ACT_AMEND; ast_add_decl(F, cur); }
  clauses
| AMEND MEASURE rule_id title_opt {
                               cur = ast_decl(A, DECL_MEASURE, &@1); cur->name = *$3;
                               cur->title = $4; cur->action = ACT_AMEND; ast_add_decl(F, cur); }
  clauses
| AMEND VERDICT title_opt '{' vlines '}' {
                               cur = ast_decl(A, DECL_VERDICT, &@1); cur->title = $3;
                               cur->lines = vlines_reverse($5); cur->action = ACT_AMEND; ast_add_decl(F, cur); }
| REPEAL RULE rule_id because_opt {
                               cur = ast_decl(A, DECL_RULE, &@1); cur->name = *$3;
                               if ($4) cur->because = *$4; cur->action = ACT_REPEAL; ast_add_decl(F, cur); }
| REPEAL MEASURE rule_id because_opt {
                               cur = ast_decl(A, DECL_MEASURE, &@1); cur->name = *$3;
                               if ($4) cur->because = *$4; cur->action = ACT_REPEAL; ast_add_decl(F, cur); }
| REPEAL VERDICT because_opt {
                               cur = ast_decl(A, DECL_VERDICT, &@1); cur->name.loc = @2;
                               if ($3) cur->because = *$3; cur->action = ACT_REPEAL; ast_add_decl(F, cur); }
| fresh INVARIANT STRING     { cur = ast_decl(A, DECL_INVARIANT, &@2);
                               cur->name = *ast_name(A, $3, &@3); cur->title = $3;
                               CTX->expects = &cur->expects; ast_add_decl(F, cur); }
  inv_clauses
| AMEND INVARIANT STRING     { cur = ast_decl(A, DECL_INVARIANT, &@1);
                               cur->name = *ast_name(A, $3, &@3); cur->title = $3;
                               cur->action = ACT_AMEND; CTX->expects = &cur->expects;
                               ast_add_decl(F, cur); }
  inv_clauses
| REPEAL INVARIANT STRING because_opt {
                               cur = ast_decl(A, DECL_INVARIANT, &@1);
                               cur->name = *ast_name(A, $3, &@3); cur->title = $3;
                               if ($4) cur->because = *$4; cur->action = ACT_REPEAL; ast_add_decl(F, cur); }
| fresh case
| fresh test
| VALUE_ONLY value           { CTX->value = $2; } /* parse_value */
| ';'
| error                      { if (CTX->open_case && CTX->open_case == F->cases_tail)
                                   CTX->done = CTX->open_case; /* broken off */
                               CTX->open_case = NULL; }
;

/* A declaration, a case or a test starts afresh after an error: its own
 * errors are told at once, not only from its fourth token on. */
fresh:
  %empty                     { yyerrok; }
;

test:
  TEST STRING '{'            { struct ast_test *t = arena_alloc(A, sizeof *t);
                               t->name = $2; t->loc = @1; CTX->test = t;
                               CTX->expects = &t->expects;
                               if (F->tests_tail) F->tests_tail->next = t; else F->tests = t;
                               F->tests_tail = t; }
  test_items '}'
;

test_items:
  %empty
| test_items test_item
;

test_item:
  GIVEN '{'                  { struct ast_case *c = arena_alloc(A, sizeof *c);
                               c->id = *ast_name(A, CTX->test->name, &@1); c->loc = @1;
                               given(scanner, &@1); CTX->test->given = c; CTX->open_case = c;
                               CTX->line_depth = 0; }
  assigns '}'                { CTX->open_case = NULL; }
| GIVEN CASE STRING          { given(scanner, &@1); CTX->test->given_file = *ast_name(A, $3, &@3); }
| GIVEN CASE STRING STRING   { given(scanner, &@1); CTX->test->given_file = *ast_name(A, $3, &@3);
                               CTX->test->given_id = *ast_name(A, $4, &@4); }
| expectation
| ';'
;

/* An expectation of a test or of a bottom line (which allows neither
 * fired nor missing: engine/check_tests.c says so). */
expectation:
  EXPECT VERDICT NAME        { expect(scanner, EX_VERDICT, &@$, ast_name(A, $3, &@3)); }
| EXPECT NOT VERDICT NAME    { expect(scanner, EX_NOT_VERDICT, &@$, ast_name(A, $4, &@4)); }
| EXPECT MEASURE rule_id     { expect(scanner, EX_MEASURE, &@$, $3); }
| EXPECT NOT MEASURE rule_id { expect(scanner, EX_NOT_MEASURE, &@$, $4); }
| EXPECT FIRED rule_id       { expect(scanner, EX_FIRED, &@$, $3); }
| EXPECT NOT FIRED rule_id   { expect(scanner, EX_NOT_FIRED, &@$, $4); }
| EXPECT UNDETERMINED        { expect(scanner, EX_UNDETERMINED, &@$, NULL); }
| EXPECT NOT UNDETERMINED    { expect(scanner, EX_NOT_UNDETERMINED, &@$, NULL); }
| EXPECT UNDETERMINED MISSING names {
                               struct ast_expect *e = expect(scanner, EX_UNDETERMINED, &@$, NULL);
                               e->has_missing = true; e->missing = $4; }
;

/* The clauses of a bottom line: its condition and its expectations. */
inv_clauses:
  %empty
| inv_clauses inv_clause
;

inv_clause:
  WHEN expr                  { if (cur->nwhen++ == 0) { cur->when = limit(scanner, $2); cur->when_loc = @1; }
                               else advise(scanner, &@1, MSG_second_when, MSG_second_when_hint); }
| expectation
;

because_opt:
  %empty                     { $$ = NULL; } /* a pointer: the values stay small */
| BECAUSE STRING             { $$ = ast_name(A, $2, &@2); }
;

fact:
  FACT NAME ':'              { cur = ast_decl(A, DECL_FACT, &@1); cur->name = *ast_name(A, $2, &@2);
                               ast_add_decl(F, cur); }
  type fact_tail
;

type:
  BOOL                       { cur->type.kind = TY_BOOL; cur->type.loc = @1; }
| NUMBER_T unit_opt          { cur->type.kind = TY_NUMBER; cur->type.unit = $2; cur->type.loc = @1; }
| TEXT                       { cur->type.kind = TY_TEXT; cur->type.loc = @1; }
| DATE_T                     { cur->type.kind = TY_DATE; cur->type.loc = @1; }
| ONE_OF '{' options_opt '}' { cur->type.kind = TY_ONE_OF; cur->type.options = $3; cur->type.loc = @1; }
| SET_OF '{' options_opt '}' { cur->type.kind = TY_SET_OF; cur->type.options = $3; cur->type.loc = @1; }
;

unit_opt:
  %empty                     { $$ = NULL; }
| NAME                       { $$ = $1; }
;

fact_tail:
  %empty
| '=' value                  { cur->dflt = $2; }
| '=' value STRING           { cur->dflt = $2; cur->title = $3; }
| STRING                     { cur->title = $1; }
| STRING '=' value           { cur->title = $1; cur->dflt = $3; }
;

title_opt:
  %empty                     { $$ = NULL; }
| STRING                     { $$ = $1; }
;

rule_id:
  NAME                       { $$ = ast_name(A, $1, &@1); }
| DOTTED                     { $$ = ast_name(A, $1, &@1); }
;

clauses:
  %empty
| clauses clause
;

clause:
  CITES strings              { cur->cites = ast_names_append(cur->cites, $2); }
| WHEN expr                  { if (cur->nwhen++ == 0) { cur->when = limit(scanner, $2); cur->when_loc = @1; }
                               else advise(scanner, &@1, MSG_second_when, MSG_second_when_hint); }
| THEN names                 { cur->then = ast_names_append(cur->then, $2); }
| OVERRIDES ov_list          { cur->overrides = ast_names_append(cur->overrides, $2); }
| BECAUSE STRING             { if (cur->because.text) advise(scanner, &@1, MSG_second_because, MSG_second_because_hint);
                               else cur->because = *ast_name(A, $2, &@2); }
;

strings:
  STRING                     { $$ = ast_name(A, $1, &@1); }
| strings ',' STRING         { $$ = ast_names_append($1, ast_name(A, $3, &@3)); }
;

names:
  NAME                       { $$ = ast_name(A, $1, &@1); }
| names ',' NAME             { $$ = ast_names_append($1, ast_name(A, $3, &@3)); }
;

ov_list:
  ov_item
| ov_list ',' ov_item        { $$ = ast_names_append($1, $3); }
;

ov_item:
  rule_id
| rule_id '*'                { $$ = $1; $$->prefix = true; }
| PREFIX                     { $$ = ast_name(A, $1, &@1); $$->prefix = true; }
;

options_opt:
  %empty                     { $$ = NULL; }
| options
| options ','
;

options:
  NAME                       { $$ = ast_name(A, $1, &@1); }
| options ',' NAME           { $$ = ast_names_append($1, ast_name(A, $3, &@3)); }
;

vlines:
  %empty                     { $$ = NULL; }
| vlines vline               { $$ = $1; if ($2) { $2->next = $$; $$ = $2; } }
| vlines error               { $$ = $1; }
;

vline:
  NAME WHEN expr             { $$ = arena_alloc(A, sizeof *$$); $$->name = *ast_name(A, $1, &@1);
                               $$->when = limit(scanner, $3); $$->loc = @$; }
| OTHERWISE NAME             { $$ = arena_alloc(A, sizeof *$$); $$->name = *ast_name(A, $2, &@2);
                               $$->loc = @$; }
| ',' { $$ = NULL; }
| ';' { $$ = NULL; }
;

case:
  CASE case_id title_opt '{' { struct ast_case *c = arena_alloc(A, sizeof *c);
                               c->id = *$2; c->title = $3; c->loc = @1;
                               ast_add_case(F, c); CTX->open_case = c;
                               CTX->line_depth = 0; /* braces in the case */ }
  assigns '}'                { CTX->done = CTX->open_case; CTX->open_case = NULL; }
;

case_id:
  STRING                     { $$ = ast_name(A, $1, &@1); }
| NAME                       { $$ = ast_name(A, $1, &@1); }
;

assigns:
  %empty
| assigns assign             { struct ast_case *c = CTX->open_case;
                               if (c->facts_tail) c->facts_tail->next = $2; else c->facts = $2;
                               c->facts_tail = $2; }
| assigns ','
| assigns ';'
| assigns error              { /* the rest of the line is skipped (parse.c) */
                               if (item_start(yychar))
                                   YYERROR; /* a '}' is missing: recover outside */
                               if (yychar != TOK_YYEOF) {
                                   yyerrok; /* the next line's errors are told */
                                   if (yychar != '}') yyclearin;
                               } else { /* the file ends in the case */
                                   if (CTX->open_case == F->cases_tail)
                                       CTX->done = CTX->open_case;
                                   CTX->open_case = NULL;
                               } }
;

assign:
  NAME '=' value             { $$ = arena_alloc(A, sizeof *$$); $$->name = *ast_name(A, $1, &@1);
                               $$->value = $3; }
| NAME EQ value              { $$ = arena_alloc(A, sizeof *$$); $$->name = *ast_name(A, $1, &@1);
                               $$->value = $3;
                               advise(scanner, &@2, MSG_case_eq_eq, MSG_case_eq_eq_hint); }
;

value:
  TRUE                       { $$ = ast_value(A, VAL_BOOL, &@1); $$->b = true; }
| FALSE                      { $$ = ast_value(A, VAL_BOOL, &@1); }
| UNKNOWN                    { $$ = ast_value(A, VAL_UNKNOWN, &@1); }
| NUM                        { $$ = ast_value(A, VAL_NUM, &@1); $$->num = $1; }
| '-' NUM                    { $$ = ast_value(A, VAL_NUM, &@$); $$->num = num_neg($2); }
| DATE                       { $$ = ast_value(A, VAL_DATE, &@1); $$->date = $1; }
| STRING                     { $$ = ast_value(A, VAL_STR, &@1); $$->text = $1; }
| NAME                       { $$ = ast_value(A, VAL_NAME, &@1); $$->text = $1; }
| '{' options_opt '}'        { $$ = ast_value(A, VAL_SET, &@$); $$->items = $2; }
;

expr:
  expr OR expr               { $$ = ast_expr(A, OP_OR, &@$, $1, $3); }
| expr AND expr              { $$ = ast_expr(A, OP_AND, &@$, $1, $3); }
| NOT expr                   { $$ = ast_expr(A, OP_NOT, &@$, $2, NULL); }
| expr EQ expr               { $$ = ast_expr(A, OP_EQ, &@$, $1, $3); }
| expr '=' expr              { $$ = ast_expr(A, OP_EQ, &@$, $1, $3);
                               advise(scanner, &@2, MSG_cond_eq, MSG_cond_eq_hint); }
| expr NE expr               { $$ = ast_expr(A, OP_NE, &@$, $1, $3); }
| expr '<' expr              { $$ = ast_expr(A, OP_LT, &@$, $1, $3); }
| expr LE expr               { $$ = ast_expr(A, OP_LE, &@$, $1, $3); }
| expr '>' expr              { $$ = ast_expr(A, OP_GT, &@$, $1, $3); }
| expr GE expr               { $$ = ast_expr(A, OP_GE, &@$, $1, $3); }
| expr IN expr               { $$ = ast_expr(A, OP_IN, &@$, $1, $3); }
| expr CONTAINS expr         { $$ = ast_expr(A, OP_CONTAINS, &@$, $1, $3); }
| expr CONTAINS ANY expr %prec CONTAINS
                             { $$ = ast_expr(A, OP_CONTAINS_ANY, &@$, $1, $4); }
| expr IS_KNOWN              { $$ = ast_expr(A, OP_KNOWN, &@$, $1, NULL); }
| expr '+' expr              { $$ = ast_expr(A, OP_ADD, &@$, $1, $3); }
| expr '-' expr              { $$ = ast_expr(A, OP_SUB, &@$, $1, $3); }
| expr '*' expr              { $$ = ast_expr(A, OP_MUL, &@$, $1, $3); }
| expr '/' expr              { $$ = ast_expr(A, OP_DIV, &@$, $1, $3); }
| '-' expr %prec UMINUS      { $$ = ast_expr(A, OP_NEG, &@$, $2, NULL); }
| '(' expr ')'               { $$ = $2; }
| '(' error ')'              { $$ = ast_expr(A, OP_BOOL, &@$, NULL, NULL); }
| NAME                       { $$ = ast_expr(A, OP_NAME, &@1, NULL, NULL); $$->text = $1; }
| DOTTED                     { $$ = ast_expr(A, OP_BOOL, &@1, NULL, NULL);
                               advise(scanner, &@1, MSG_cond_rule_id, MSG_cond_rule_id_hint); }
| NUM                        { $$ = ast_expr(A, OP_NUM, &@1, NULL, NULL); $$->num = $1; }
| DATE                       { $$ = ast_expr(A, OP_DATE, &@1, NULL, NULL); $$->date = $1; }
| STRING                     { $$ = ast_expr(A, OP_STR, &@1, NULL, NULL); $$->text = $1;
                               quoted_date(scanner, &@1, $1); }
| TRUE                       { $$ = ast_expr(A, OP_BOOL, &@1, NULL, NULL); $$->b = true; }
| FALSE                      { $$ = ast_expr(A, OP_BOOL, &@1, NULL, NULL); }
| UNKNOWN                    { $$ = ast_expr(A, OP_BOOL, &@1, NULL, NULL);
                               advise(scanner, &@1, MSG_cond_unknown, MSG_cond_unknown_hint); }
| VERDICT                    { $$ = ast_expr(A, OP_VERDICT, &@1, NULL, NULL); }
| '{' options_opt '}'        { $$ = ast_expr(A, OP_SET, &@$, NULL, NULL); $$->items = $2; }
;

%%

void lex_error(const LEX_LTYPE *loc, yyscan_t scanner, const char *msg)
{
    struct parse_ctx *c = CTX;
    struct diag *d =
        strcmp(msg, "memory exhausted") == 0
            ? DIAG0(c->diags, DIAG_ERROR, loc, parser_stack_full)
            : diag_add(c->diags, DIAG_ERROR, loc, arena_strdup(c->arena, msg));
    d->owner = c->open_case;
    if (c->open_case)
        c->open_case->broken = true;
}

/* A syntax error: told by syntax_report, with every token that could
 * stand where the unexpected one does. */
static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner)
{
    struct syntax_error e = {.loc = *yypcontext_location(ctx)};
    yysymbol_kind_t tok = yypcontext_token(ctx);
    yysymbol_kind_t exp[YYNTOKENS];
    const char *names[YYNTOKENS];
    if (tok != YYSYMBOL_YYEMPTY) {
        e.unexpected = yysymbol_name(tok);
        int n = yypcontext_expected_tokens(ctx, exp, YYNTOKENS);
        if (n < 0)
            return n;
        for (int i = 0; i < n; i++)
            names[i] = yysymbol_name(exp[i]);
        e.expected = names;
        e.nexpected = n;
    }
    syntax_report(CTX, &e);
    return 0;
}

/* Verdict lines are gathered last first (linear); this puts them back. */
static struct ast_vline *vlines_reverse(struct ast_vline *l)
{
    struct ast_vline *rev = NULL;
    while (l) {
        struct ast_vline *next = l->next;
        l->next = rev;
        rev = l;
        l = next;
    }
    return rev;
}

/* A file names its policy once. */
static void policy(yyscan_t scanner, const LEX_LTYPE *loc, const char *name,
                   const char *version)
{
    if (F->policy && F->policy_loc.src) {
        advise(scanner, loc, MSG_second_policy, MSG_second_policy_hint);
        return;
    }
    F->policy = name;
    F->version = version;
    F->policy_loc = *loc;
}

/* Whether tok starts a declaration, a case or a test: never in a case
 * block. */
static bool item_start(int tok)
{
    switch (tok) {
    case TOK_POLICY: case TOK_EXTENDS: case TOK_FACT: case TOK_CONCLUSION:
    case TOK_LIST: case TOK_RULE: case TOK_MEASURE: case TOK_VERDICT:
    case TOK_AMEND: case TOK_REPEAL: case TOK_CASE: case TOK_TEST:
    case TOK_INVARIANT:
        return true;
    default:
        return false;
    }
}

/* A test has one given. */
static void given(yyscan_t scanner, const LEX_LTYPE *loc)
{
    if (CTX->test->ngiven++ > 0)
        advise(scanner, loc, MSG_second_given, MSG_second_given_hint);
}

/* An expectation, appended to those of the test or bottom line being
 * read, in source order. */
static struct ast_expect *expect(yyscan_t scanner, enum ast_ekind k,
                                 const LEX_LTYPE *loc,
                                 const struct ast_name *name)
{
    struct ast_expect *e = arena_alloc(A, sizeof *e);
    e->kind = k;
    e->loc = *loc;
    if (name)
        e->name = *name;
    *CTX->expects = e;
    CTX->expects = &e->next;
    return e;
}

/* A condition deeper than AST_MAX_DEPTH is refused before anything walks
 * it recursively. */
static struct ast_expr *limit(yyscan_t scanner, struct ast_expr *e)
{
    if (e->depth <= AST_MAX_DEPTH)
        return e;
    struct parse_ctx *c = CTX;
    struct diag *d = DIAG(c->diags, DIAG_ERROR, &e->loc, cond_too_deep,
                          AST_MAX_DEPTH);
    HINT0(c->diags, d, cond_too_deep_hint);
    return ast_expr(A, OP_BOOL, &e->loc, NULL, NULL);
}

/* An error at loc from the catalog: the message m and its hint (enum
 * msg, without arguments). */
/* A date in quotes in a condition is text, never equal to a date. */
static void quoted_date(yyscan_t scanner, const LEX_LTYPE *loc, const char *s)
{
    char iso[16];
    size_t n = strlen(s);
    if (n == 0 || syntax_date(s, n, iso) != n)
        return;
    struct parse_ctx *c = CTX;
    struct diag *d = DIAG(c->diags, DIAG_ERROR, loc, date_quoted,
                          c->src->hidden ? "…" : s);
    HINT(c->diags, d, date_write_unquoted, iso);
    d->owner = c->open_case;
}

static void advise(yyscan_t scanner, const LEX_LTYPE *loc, int m, int hint)
{
    struct parse_ctx *c = CTX;
    struct diag *d = diag_msg(c->diags, DIAG_ERROR, loc, m);
    diag_hint(c->diags, d, hint);
    d->owner = c->open_case;
    if (c->open_case)
        c->open_case->broken = true;
}
