/* The canonical layout of rongcuo fmt (rc_format, fmt/): clauses, blocks,
 * comments and blank lines, keywords kept as written, punctuation in its
 * ASCII form, the same layout again when formatted twice, and a syntax
 * error that leaves no text. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "engine/rongcuo.h"

/* The layout of text, which must parse; also checks that laying it out
 * again changes nothing. Returns it, to be freed. */
static char *layout(const char *text)
{
    struct rc_diags *d;
    size_t n = 0;
    char *out = rc_format("t.rules", text, strlen(text), &n, &d);
    if (!out)
        fail_msg("%s", rc_diags_text(d));
    assert_int_equal(rc_diags_errors(d), 0);
    rc_diags_free(d);
    assert_int_equal(n, strlen(out));
    char *again = rc_format("t.rules", out, n, NULL, NULL);
    assert_non_null(again);
    assert_string_equal(again, out);
    free(again);
    return out;
}

static void expect_layout(const char *text, const char *want)
{
    char *out = layout(text);
    assert_string_equal(out, want);
    free(out);
}

static void test_fmt_rule_clauses(void **state)
{
    (void)state;
    expect_layout("fact 甲: bool\nconclusion 乙\n"
                  "rule R1 \"t\" cites \"a\", \"b\" when 甲 then 乙 "
                  "because \"x\"\n",
                  "fact 甲: bool\nconclusion 乙\n"
                  "rule R1 \"t\"\n"
                  "  cites \"a\", \"b\"\n"
                  "  when 甲\n"
                  "  then 乙\n"
                  "  because \"x\"\n");
    /* amend like rule; repeal and measure stay on their line */
    expect_layout("amend rule E1 when 甲 then 乙\n"
                  "repeal rule R1 because \"本市另行規定\"\n"
                  "measure M \"m\" when verdict == 容錯\n",
                  "amend rule E1\n  when 甲\n  then 乙\n"
                  "repeal rule R1 because \"本市另行規定\"\n"
                  "measure M \"m\" when verdict == 容錯\n");
}

static void test_fmt_keywords_kept(void **state)
{
    (void)state;
    /* 繁體 stays 繁體, 简体 stays 简体, in one file */
    expect_layout("規則 R1 如果 甲 則 乙\n规则 R2 如果 甲 则 乙\n",
                  "規則 R1\n  如果 甲\n  則 乙\n"
                  "规则 R2\n  如果 甲\n  则 乙\n");
}

static void test_fmt_verdict_and_blocks(void **state)
{
    (void)state;
    expect_layout("verdict \"v\" { 甲 when 乙 丙 when 丁 otherwise 戊 }\n",
                  "verdict \"v\" {\n  甲 when 乙\n  丙 when 丁\n"
                  "  otherwise 戊\n}\n");
    expect_layout("test \"t\" { given { 甲 = true, 乙 = 1 } "
                  "expect verdict 丙 expect not fired R1 }\n",
                  "test \"t\" {\n  given { 甲 = true, 乙 = 1 }\n"
                  "  expect verdict 丙\n  expect not fired R1\n}\n");
    /* facts of a case: one block, lines as the author broke them */
    expect_layout("case \"C\" \"t\" { 甲 = 是, 乙 = {a,b}\n"
                  "      丙 = -3 }\ncase \"D\" {}\n",
                  "case \"C\" \"t\" {\n  甲 = 是, 乙 = {a, b}\n"
                  "  丙 = -3\n}\ncase \"D\" {}\n");
}

static void test_fmt_comments_and_blank_lines(void **state)
{
    (void)state;
    expect_layout("\n\n# head\n\n\n\nfact 甲: bool   # one\n"
                  "fact 乙乙乙: bool # two\n\n"
                  "   conclusion 丙\n"
                  "verdict {\n\n# first\n甲 when 乙\n\n    # last\n\n}\n"
                  "# end\n\n\n",
                  "# head\n\nfact 甲: bool      # one\n"
                  "fact 乙乙乙: bool  # two\n\n"
                  "conclusion 丙\n"
                  "verdict {\n  # first\n  甲 when 乙\n\n  # last\n}\n"
                  "# end\n");
}

static void test_fmt_continuation(void **state)
{
    (void)state;
    expect_layout("invariant \"i\" when 甲\n and 乙\n expect verdict 丙\n",
                  "invariant \"i\"\n  when 甲\n    and 乙\n"
                  "  expect verdict 丙\n");
    expect_layout("fact 甲: one of {\n  a,\n b\n   }\n",
                  "fact 甲: one of {\n  a,\n  b\n}\n");
}

static void test_fmt_punctuation(void **state)
{
    (void)state;
    /* full-width punctuation in its ASCII form, one space in two-word
       keywords, -3 and T* kept whole */
    expect_layout("fact 甲：one   of ｛a、b｝\r\n"
                  "rule R when （甲 ≠ a）and 乙 ≤ -3 - 1 then 丙 "
                  "overrides T*, 宜昌.*\r\n",
                  "fact 甲: one of {a, b}\n"
                  "rule R\n  when (甲 != a) and 乙 <= -3 - 1\n  then 丙\n"
                  "  overrides T*, 宜昌.*\n");
    /* strings as written, in any quotes */
    expect_layout("policy 「辦法」 version “1”\n",
                  "policy 「辦法」 version “1”\n");
}

static void test_fmt_empty(void **state)
{
    (void)state;
    expect_layout("", "");
    expect_layout("\n\n", "");
    expect_layout("# only\n", "# only\n");
}

static void test_fmt_syntax_error(void **state)
{
    (void)state;
    const char *text = "規則 R1 如果 甲 則\n";
    struct rc_diags *d;
    size_t n = 7;
    assert_null(rc_format("bad.rules", text, strlen(text), &n, &d));
    assert_int_equal(n, 7); /* untouched */
    assert_true(rc_diags_errors(d) > 0);
    /* in the file's language, at file:line:col */
    assert_non_null(strstr(rc_diags_text(d), "bad.rules:1:13: 錯誤"));
    rc_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fmt_rule_clauses),
        cmocka_unit_test(test_fmt_keywords_kept),
        cmocka_unit_test(test_fmt_verdict_and_blocks),
        cmocka_unit_test(test_fmt_comments_and_blank_lines),
        cmocka_unit_test(test_fmt_continuation),
        cmocka_unit_test(test_fmt_punctuation),
        cmocka_unit_test(test_fmt_empty),
        cmocka_unit_test(test_fmt_syntax_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
